"""Read, analyse and store reports, one transaction per document.

Reports already stored (same text) are skipped before the costly analysis, so a rerun after a
crash only analyses what is missing. Inputs that cannot be read or analysed are recorded
with their reason and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..ingest import InputError, read_inputs
from ..model import Analysis, Document
from ..pipeline import analyze as run_pipeline
from ..serialize import to_dict
from .db import write
from .grading import regrade
from .store import content_hash, known, record_failure, store

# Smaller than the pipeline's default batch so that stored work (and the progress bar) keeps pace.
BATCH_SIZE = 8
Analyzer = Callable[[Iterable[Document | InputError]], Iterator[Analysis | InputError]]


def analyze(items: Iterable[Document | InputError]) -> Iterator[Analysis | InputError]:
    """The serial analyser."""
    return run_pipeline(items, batch_size=BATCH_SIZE)


@dataclass
class IngestResult:
    added: int = 0
    known: int = 0
    failed: list[str] = field(default_factory=list)


def ingest(
    factory: sessionmaker[Session],
    inputs: list[str],
    encoding: str = "utf-8",
    on_total: Callable[[int], None] = lambda n: None,
    on_done: Callable[[], None] = lambda: None,
    analyzer: Analyzer = analyze,
) -> IngestResult:
    """Store every report of the inputs; ``on_total``/``on_done`` drive a progress display.

    ``analyzer`` may spread the analysis over processes or a Dask cluster (``sitrep.parallel``);
    storing stays here, in one writer, and by content hash, so a retried task adds nothing.
    """
    items = list(read_inputs(inputs, encoding))
    on_total(len(items))
    result = IngestResult()
    with factory() as s:
        fresh = [
            i for i in items if not (isinstance(i, Document) and known(s, content_hash(i.text)))
        ]
    result.known = len(items) - len(fresh)
    for _ in range(result.known):
        on_done()
    for out in analyzer(fresh) if fresh else ():  # no model load when all is known
        if isinstance(out, Analysis):
            _store(factory, out, result)
        else:
            _fail(factory, out, result)
        on_done()
    write(factory, regrade)
    return result


def _store(factory: sessionmaker[Session], a: Analysis, result: IngestResult) -> None:
    try:
        data = to_dict(a)
        stored = write(factory, lambda s: store(s, data, origin=a.document.origin))
    except IntegrityError:  # another ingest stored the same report meanwhile
        stored = None
    if stored is None:
        result.known += 1
    else:
        result.added += 1


def _fail(factory: sessionmaker[Session], failure: InputError, result: IngestResult) -> None:
    write(factory, lambda s: record_failure(s, failure.origin, failure.problem))
    result.failed.append(str(failure))
