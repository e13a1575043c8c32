"""Tables of the knowledge base.

Two layers: what each report said (documents, their entities, mentions, claims, events,
routes, all with character offsets) and what the KB concluded across reports (entities and
incidents). Report rows point at KB rows only through ``DocEntity.entity_id`` and
``ReportEvent.incident_id``, so undoing a merge moves one foreign key.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates


def _now() -> datetime:
    return datetime.now(timezone.utc)


class CleanText(TypeDecorator[str]):
    """Unbounded text without NUL characters: PostgreSQL refuses NUL in text, SQLite stores it,
    so it is removed here, at the model boundary, and both backends keep the same value."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return value.replace("\x00", "") if isinstance(value, str) else value


def iso_date(value: str | None) -> str | None:
    """A publication date as ``YYYY-MM-DD`` ("2024-03-05T10:00:00Z" and "Tuesday 5 March 2024"
    alike); None when it names no day, since the column is filtered and sorted as a date."""
    if not value or not value.strip():
        return None
    from dateutil import parser

    try:
        return parser.parse(value.replace("\x00", "")[:100], fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Document(Base):
    """One ingested report; ``analysis`` is its full contract JSON, so exports can rebuild it."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex
    doc_id: Mapped[str] = mapped_column(CleanText, index=True)
    origin: Mapped[str | None] = mapped_column(CleanText)
    title: Mapped[str | None] = mapped_column(CleanText)
    outlet: Mapped[str | None] = mapped_column(CleanText)
    byline: Mapped[str | None] = mapped_column(CleanText)
    published: Mapped[str | None] = mapped_column(CleanText, index=True)
    url: Mapped[str | None] = mapped_column(CleanText)
    text: Mapped[str] = mapped_column(CleanText)
    analysis: Mapped[dict[str, Any]]
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    entities: Mapped[list[DocEntity]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )

    @validates("published")
    def _published(self, _key: str, value: str | None) -> str | None:
        return iso_date(value)


class Failure(Base):
    """An input that could not be read or analysed, kept so that a batch can be audited later."""

    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(
        String(64), unique=True
    )  # hash of origin and problem: reruns add nothing
    origin: Mapped[str] = mapped_column(CleanText)
    problem: Mapped[str] = mapped_column(CleanText)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Entity(Base):
    """One actor, person or place across all reports."""

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(CleanText)
    name: Mapped[str] = mapped_column(CleanText)
    folded: Mapped[str] = mapped_column(CleanText, index=True)
    registry_id: Mapped[str | None] = mapped_column(
        CleanText, index=True
    )  # the alias registry's key
    geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    country: Mapped[str | None] = mapped_column(CleanText)
    feature: Mapped[str | None] = mapped_column(CleanText)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    actor_type: Mapped[str | None] = mapped_column(CleanText)
    split_from: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class DocEntity(Base):
    """An entity as one report has it (its local id ``ac1``, ``pl2``...), linked to its KB entity."""

    __tablename__ = "document_entities"
    __table_args__ = (UniqueConstraint("document_id", "local_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(CleanText)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    kind: Mapped[str] = mapped_column(CleanText)
    name: Mapped[str] = mapped_column(CleanText)
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    role: Mapped[str | None] = mapped_column(CleanText)
    affiliation: Mapped[str | None] = mapped_column(CleanText)  # local id of the person's actor

    document: Mapped[Document] = relationship(back_populates="entities")
    entity: Mapped[Entity] = relationship()


class Merge(Base):
    """The decision that joined a report's entity to an existing KB entity; ``split`` undoes it."""

    __tablename__ = "entity_merges"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    doc_entity_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[str] = mapped_column(CleanText)  # registry, geonames or name
    key: Mapped[str] = mapped_column(CleanText)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    split_to: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    entity: Mapped[Entity] = relationship(foreign_keys=[entity_id])
    doc_entity: Mapped[DocEntity] = relationship()


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    doc_entity_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(CleanText)
    kind: Mapped[str] = mapped_column(CleanText)


class Relation(Base):
    """A stated tie between two of a report's actors (e.g. allegiance), with the words that state it."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), index=True
    )
    object_id: Mapped[int] = mapped_column(ForeignKey("document_entities.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(CleanText)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(CleanText)


class Claim(Base):
    """A claim as reported; ``base_*`` is the report's own grade, the plain columns the KB's refined one."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(CleanText)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(CleanText)
    source_text: Mapped[str] = mapped_column(CleanText)
    source_type: Mapped[str] = mapped_column(CleanText)
    source_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_entities.id", ondelete="SET NULL")
    )
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    base_reliability: Mapped[str | None] = mapped_column(CleanText)
    base_credibility: Mapped[int | None]
    reliability: Mapped[str | None] = mapped_column(CleanText)
    credibility: Mapped[int | None]


class Incident(Base):
    """One real-world event, as told by one or more reports (``ReportEvent``)."""

    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(CleanText, index=True)
    sub_type: Mapped[str] = mapped_column(CleanText)
    date: Mapped[str | None] = mapped_column(CleanText, index=True)
    precision: Mapped[str | None] = mapped_column(CleanText)
    lat: Mapped[float | None] = mapped_column(Float, index=True)
    lon: Mapped[float | None] = mapped_column(Float)
    mergeable: Mapped[bool] = mapped_column(
        default=True
    )  # False for planned, negated or hypothetical events

    reports: Mapped[list[ReportEvent]] = relationship(back_populates="incident")


class ReportEvent(Base):
    """An event as one report tells it, with its trigger's offsets."""

    __tablename__ = "report_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    local_id: Mapped[str] = mapped_column(CleanText)
    type: Mapped[str] = mapped_column(CleanText)
    sub_type: Mapped[str] = mapped_column(CleanText)
    trigger_start: Mapped[int]
    trigger_end: Mapped[int]
    trigger_text: Mapped[str] = mapped_column(CleanText)
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_entities.id", ondelete="SET NULL")
    )
    date: Mapped[str | None] = mapped_column(CleanText)
    precision: Mapped[str | None] = mapped_column(CleanText)
    fatalities: Mapped[int | None]
    fatalities_low: Mapped[int | None]
    fatalities_high: Mapped[int | None]
    modality: Mapped[str] = mapped_column(CleanText)
    confidence: Mapped[float] = mapped_column(Float)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))

    incident: Mapped[Incident] = relationship(back_populates="reports")
    document: Mapped[Document] = relationship()
    place: Mapped[DocEntity | None] = relationship()
    actors: Mapped[list[EventActor]] = relationship(cascade="all, delete-orphan")


class EventActor(Base):
    __tablename__ = "event_actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_event_id: Mapped[int] = mapped_column(
        ForeignKey("report_events.id", ondelete="CASCADE"), index=True
    )
    doc_entity_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(CleanText)

    doc_entity: Mapped[DocEntity] = relationship()


class Route(Base):
    """A route as one report tells it; ``start``/``end`` span its evidence."""

    __tablename__ = "routes"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(CleanText)
    who_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_entities.id", ondelete="SET NULL"), index=True
    )
    who_text: Mapped[str | None] = mapped_column(CleanText)
    what: Mapped[str] = mapped_column(CleanText)
    cost_amount: Mapped[float | None] = mapped_column(Float)
    cost_currency: Mapped[str | None] = mapped_column(CleanText)
    cost_per: Mapped[str | None] = mapped_column(CleanText)
    start: Mapped[int | None]
    end: Mapped[int | None]
    evidence: Mapped[list[Any]] = mapped_column(default=list)

    waypoints: Mapped[list[Waypoint]] = relationship(
        cascade="all, delete-orphan", order_by="Waypoint.seq"
    )


class Waypoint(Base):
    __tablename__ = "waypoints"
    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("routes.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    doc_entity_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int | None]
    end: Mapped[int | None]

    doc_entity: Mapped[DocEntity] = relationship()


class IncidentLink(Base):
    """The decision that put a report event into an incident others told, with its score and
    reasons; ``incidents split`` undoes it."""

    __tablename__ = "incident_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_event_id: Mapped[int] = mapped_column(
        ForeignKey("report_events.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    matched_id: Mapped[int | None] = mapped_column(
        ForeignKey("report_events.id", ondelete="SET NULL")
    )
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    split_to: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
