"""Plain dataclasses that flow between the stages.

Every stage is a function that reads these and adds to an :class:`Analysis`.
Offsets are Python ``str`` indices into ``Document.text``, end exclusive, and
must satisfy ``text[start:end] == span.text`` at every stage.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, get_args

SCHEMA_ID = "sitrep.analysis/1"

MentionKind = Literal["place", "actor", "person"]
MENTION_KINDS: tuple[MentionKind, ...] = get_args(MentionKind)


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Document:
    """One report as read from its input, before any analysis."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None  # ISO date, the anchor for relative dates
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # file (and line) it came from, for error messages
    pages: list[dict[str, int]] | None = None  # PDF and scans: each page's {page, start, end}
    ocr_confidence: float | None = None  # mean Tesseract word confidence (0-1) of OCR'd pages
    forwarded_from: str | None = (
        None  # Telegram: the channel or user the message was forwarded from
    )
    attached_to: str | None = None  # e-mail attachment: the id of the message's own document
    album: str | None = None  # Telegram: the document id of the first message of its album
    refers_to: list[str] | None = None  # Telegram: ids of the export's messages it links to


@dataclass
class Geo:
    lat: float
    lon: float
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    confidence: float = 0.0
    precision: str | None = None  # "district"/"province": an unknown place at its division's point


@dataclass
class Entity:
    id: str
    kind: MentionKind
    name: str
    aliases: list[str] = field(default_factory=list)
    actor_type: str | None = None
    affiliation: str | None = None  # persons: id of their actor entity
    geo: Geo | None = None
    ids: dict[str, object] = field(default_factory=dict)
    role: str | None = None  # e.g. "reporter" for the byline's author
    demonym: bool = False  # places referred to only by a demonym ("Lebanese")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind
    entity: str
    demonym: bool = False


@dataclass
class DateRef:
    value: str  # ISO date cut to its precision
    precision: Literal["day", "week", "month", "year"]
    span: Span | None = None
    inferred: bool = False  # taken from the report's date, not the event's own words


@dataclass
class Fatalities:
    best: int
    low: int | None = None
    high: int | None = None
    vague: str | None = None  # "dozens", "scores": the words behind a documented number


@dataclass
class EventActor:
    entity: str
    role: Literal["actor1", "actor2", "associate", "target"]


@dataclass
class Event:
    id: str
    type: str
    sub_type: str
    trigger: Span
    plover: str | None = None
    actors: list[EventActor] = field(default_factory=list)
    place: str | None = None
    date: DateRef | None = None
    fatalities: Fatalities | None = None
    claim: str | None = None
    modality: Literal["asserted", "negated", "planned", "hypothetical", "alleged"] = "asserted"
    confidence: float = 0.5
    sentences: list[Span] = field(default_factory=list)  # every sentence that tells it, in order


@dataclass
class Cost:
    amount: float
    currency: str
    per: str | None = None


@dataclass
class Waypoint:
    entity: str
    mention: Span | None = None


@dataclass
class Route:
    id: str
    waypoints: list[Waypoint]
    who: str | None = None
    who_text: str | None = None
    what: Literal["people", "weapons", "drugs", "fuel", "goods", "money", "unknown"] = "unknown"
    cost: Cost | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Source:
    text: str
    type: Literal[
        "anonymous", "named_person", "named_organization", "official_statement", "media", "document"
    ]
    entity: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Claim:
    id: str
    start: int
    end: int
    text: str
    source: Source
    cue: Span | None = None
    reliability: str | None = None
    credibility: int | None = None


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str
    per: str | None = None


@dataclass
class Duplicate:
    span: Span
    duplicate_of: Span
    similarity: float


@dataclass
class Analysis:
    """Everything known about one document; stages append to it in flow order."""

    document: Document
    paragraphs: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """A span of the document's text, its text taken from the source so offsets stay exact."""
        return Span(start, end, self.document.text[start:end])

    # Lookups by id and by position are indexed; an index is rebuilt whenever a stage appends to
    # or replaces the list it covers (stages only ever do that), so long texts stay linear.

    def entity(self, entity_id: str | None) -> Entity | None:
        key = (self.entities, len(self.entities))  # the list itself, not its id: ids are reused
        if not _same(getattr(self, "_entity_key", None), key):
            self._entity_index: dict[str, Entity] = {}
            for e in self.entities:
                self._entity_index.setdefault(e.id, e)
            self._entity_key = key
        return self._entity_index.get(entity_id) if entity_id is not None else None

    def in_duplicate(self, pos: int) -> bool:
        """Whether ``pos`` lies in a repeated passage: said once already, so not read again."""
        return any(d.span.start <= pos < d.span.end for d in self.duplicates)

    def new_id(self, prefix: str, items: list) -> str:
        return f"{prefix}{len(items) + 1}"

    def mentions_in(
        self, start: int, end: int, kinds: tuple[str, ...] = MENTION_KINDS
    ) -> list[Mention]:
        """Mentions of the given kinds lying inside [start, end), in text order."""
        key = (self.mentions, len(self.mentions))
        if not _same(getattr(self, "_mention_key", None), key):
            self._by_start = sorted(self.mentions, key=lambda m: m.start)
            self._starts = [m.start for m in self._by_start]
            self._mention_key = key
        window = self._by_start[
            bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)
        ]
        return [m for m in window if m.kind in kinds and m.end <= end]


def _same(cached: tuple[list, int] | None, now: tuple[list, int]) -> bool:
    return cached is not None and cached[0] is now[0] and cached[1] == now[1]
