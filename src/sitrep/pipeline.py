"""The flow of one batch: ingest -> text -> nlp -> places / actors -> claims / events / routes.

Each stage is a plain function ``annotate(analysis, doc)`` that adds its findings to the
Analysis; a stage that fails on one document turns into an error for that document only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from . import actors, claims, events, places, routes
from .ingest import InputError
from .model import Analysis, Document
from .nlp import parse
from .text import find_duplicates, paragraphs

Stage = Callable[[Analysis, Doc], None]
STAGES: tuple[Stage, ...] = (places.annotate, actors.annotate, claims.annotate, events.annotate, routes.annotate)
BATCH_SIZE = 32


@dataclass
class Failure:
    """A document that was read but could not be analysed."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"


def prepare(doc: Document) -> Analysis:
    """The text layer: paragraphs, repeated passages and document-level warnings."""
    a = Analysis(document=doc)
    a.paragraphs = paragraphs(doc.text)
    a.duplicates = find_duplicates(a.paragraphs)
    if doc.language is None:
        a.warnings.append("the text does not read as English; extraction is unreliable")
    return a


def analyze_one(a: Analysis, doc: Doc, stages: Iterable[Stage] = STAGES) -> Analysis:
    for stage in stages:
        stage(a, doc)
    return a


def analyze(items: Iterable[Document | InputError], batch_size: int = BATCH_SIZE) -> Iterator[Analysis | InputError | Failure]:
    """Analyse documents in input order; errors pass through in their place."""
    pending: list[Document | InputError] = []

    def flush() -> Iterator[Analysis | InputError | Failure]:
        docs = [d for d in pending if isinstance(d, Document)]
        parsed = parse((d.text for d in docs), batch_size=batch_size)
        for item in pending:
            if isinstance(item, InputError):
                yield item
                continue
            sdoc = next(parsed)
            try:
                yield analyze_one(prepare(item), sdoc)
            except Exception as exc:  # one bad document must not sink the batch
                yield Failure(item.origin or item.id, f"analysis failed: {exc.__class__.__name__}: {exc}")
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def analyze_text(text: str, published: str | None = None, doc_id: str = "text") -> Analysis:
    """Analyse one string: the convenience entry point for tests and notebooks."""
    from .ingest.metadata import fill_metadata

    doc = fill_metadata(Document(id=doc_id, text=text, published=published, origin=doc_id))
    result = next(analyze([doc]))
    if not isinstance(result, Analysis):
        raise ValueError(str(result))
    return result
