"""The flow of one batch: ingest -> text -> nlp -> places / actors -> claims / events / routes.

Each stage is a plain function ``annotate(analysis, doc)`` that adds its findings to the
Analysis; a stage that fails on one document turns into an error for that document only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from . import actors, claims, events, places, routes
from .errors import InputError, PipelineError
from .model import Analysis, Document
from .nlp import parse
from .text import find_duplicates, paragraphs

BATCH_SIZE = 32


@dataclass(frozen=True)
class Stage:
    """One analysis stage, declaring what it reads and what it adds (spaCy's ``requires``/``assigns``).

    Names are Analysis attributes, narrowed by kind where a stage writes only some of a list
    ("entities.place"). The pipeline checks at import that every stage runs after the ones
    that assign what it requires, so the order is written in one place and checked.
    """

    name: str
    annotate: Callable[[Analysis, Doc], None]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


def _text_layer(a: Analysis, doc: Doc) -> None:
    """Nothing to add: ``prepare`` builds the text layer before the parse."""


# The text layer, declared like the stages: what ``prepare`` gives them before the first one runs.
TEXT = Stage(
    "text", _text_layer, assigns=frozenset({"document", "paragraphs", "duplicates", "warnings"})
)
PREPARED = TEXT.assigns


def check_order(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """The stages as a tuple, or PipelineError naming a stage that reads what none before wrote."""
    have = set(PREPARED)
    ordered = tuple(stages)
    for stage in ordered:
        missing = sorted(stage.requires - have)
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
            )
        have |= stage.assigns
    return ordered


STAGES: tuple[Stage, ...] = check_order(
    (
        Stage(
            "places",
            places.annotate,
            frozenset({"paragraphs"}),
            frozenset({"mentions.place", "entities.place"}),
        ),
        Stage(
            "actors",
            actors.annotate,
            frozenset({"mentions.place", "entities.place"}),
            frozenset({"mentions.actor", "mentions.person", "entities.actor", "entities.person"}),
        ),
        Stage(
            "claims",
            claims.annotate,
            frozenset({"duplicates", "entities.actor", "entities.person"}),
            frozenset({"claims"}),
        ),
        Stage(
            "events",
            events.annotate,
            frozenset({"entities.place", "entities.actor", "claims"}),
            frozenset({"events", "quantities"}),
        ),
        Stage(
            "routes",
            routes.annotate,
            frozenset({"duplicates", "entities.place", "entities.actor", "quantities"}),
            frozenset({"routes"}),
        ),
    )
)


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
        stage.annotate(a, doc)
    return a


def analyze(
    items: Iterable[Document | InputError],
    batch_size: int = BATCH_SIZE,
    stages: Iterable[Stage] = STAGES,
) -> Iterator[Analysis | InputError]:
    """Analyse documents in input order; errors pass through in their place.

    ``stages`` may be any subset or extension of STAGES whose order passes ``check_order``.
    """
    chosen = STAGES if stages is STAGES else check_order(stages)
    pending: list[Document | InputError] = []

    def flush() -> Iterator[Analysis | InputError]:
        docs = [d for d in pending if isinstance(d, Document)]
        parsed = parse((d.text for d in docs), batch_size=batch_size)
        for item in pending:
            if isinstance(item, InputError):
                yield item
                continue
            sdoc = next(parsed)
            try:
                yield analyze_one(prepare(item), sdoc, chosen)
            except Exception as exc:  # one bad document must not sink the batch
                yield InputError(
                    item.origin or item.id,
                    f"analysis failed: {exc.__class__.__name__}: {exc}",
                    stage="analysis",
                )
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
