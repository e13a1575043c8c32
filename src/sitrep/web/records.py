"""What analysts check: where reports disagree, and a source's record across reports.

A contradiction is shown side by side: each report's value with the words that put it there
and the claim (source and Admiralty grade) that carried it. A source's record lists what it
said and, for each event it spoke of, which other reports corroborate or contradict it.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer, selectinload

from ..kb import contradictions as kb_contradictions
from ..kb.models import (
    Claim,
    DocEntity,
    Document,
    Entity,
    EventActor,
    Incident,
    Merge,
    Relation,
    ReportEvent,
)
from .selection import Filters
from .views import _matching_documents, claim_dict, doc_ref

Key = tuple[str, "int | None", "int | None"]  # (about, incident, entity)
_INDEX: dict[tuple[Any, ...], list[Key]] = {}


def _kb_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever a report, a link or split, a merge or an allegiance changes the KB."""
    events = session.execute(
        select(func.count(), func.max(ReportEvent.id), func.sum(ReportEvent.incident_id))
    ).one()
    others = [
        session.execute(select(func.count(), func.max(table.id))).one()
        for table in (Merge, Relation, DocEntity)
    ]
    return (id(session.get_bind()), tuple(events), *(tuple(o) for o in others))


def _index(session: Session) -> list[Key]:
    """Every contradiction of the KB as (about, incident, entity), in ``find``'s order; kept until
    the KB changes, so a page costs its own items, not the whole KB."""
    version = _kb_version(session)
    kept = _INDEX.get(version)
    if kept is None:
        held = _preload(session, None)  # noqa: F841 - the session keeps only weak references
        kept = [(c.about, c.event, c.entity) for c in kb_contradictions.find(session, sides=False)]
        _INDEX.clear()  # one KB version kept; a request and the warm-up may both build it
        _INDEX[version] = kept
    return kept


def warm(factory: Any) -> None:
    """Build the kept list ahead of the first request (the app does it in a thread at start); a
    failure here is only logged: the first request builds the list itself."""
    try:
        with factory() as session:
            _index(session)
    except Exception as exc:  # noqa: BLE001 - a warm-up must never take the app down
        logging.getLogger(__name__).warning("contradictions warm-up failed: %s", exc)


def contradictions(
    session: Session, f: Filters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Contradictions about the matching events (unfiltered: every one, allegiances too), both
    sides told; only the page's incidents are compared again to tell them."""
    index = _index(session)
    if f.any():
        wanted = set(session.scalars(f.incidents(session)))
        index = [k for k in index if k[1] in wanted]  # allegiances belong to no incident
    page = index[offset : offset + limit]
    incidents = sorted({k[1] for k in page if k[1] is not None})
    held = _preload(session, incidents)  # noqa: F841
    ties = kb_contradictions.allegiance_ties(session)
    found: dict[Key, Any] = {}  # sides are built below for the page's items only
    for inc in session.scalars(select(Incident).where(Incident.id.in_(incidents))):
        for c in kb_contradictions.incident_contradictions(session, inc, ties, sides=False):
            found[(c.about, c.event, None)] = c
    if any(k[2] is not None for k in page):
        for c in kb_contradictions.allegiance_contradictions(session, sides=False):
            found[(c.about, None, c.entity)] = c
    shown = [found[k].told(session) for k in page if k in found]
    return [contradiction_dict(session, c) for c in shown], len(index)


def _preload(session: Session, ids: list[int] | None) -> list[Any]:
    """The reports and places of every incident told by two reports or more, loaded in two queries
    so that comparing them reads no row twice. Their text and stored analysis come too: the
    comparison reads both (the sentences, the events' dates), and a deferred column would cost
    one query per report."""
    multi = (
        select(ReportEvent.incident_id)
        .group_by(ReportEvent.incident_id)
        .having(func.count(func.distinct(ReportEvent.document_id)) > 1)
    )
    if ids is not None:
        multi = multi.where(ReportEvent.incident_id.in_(ids))
    told = select(ReportEvent).where(ReportEvent.incident_id.in_(multi))
    docs = session.scalars(
        select(Document).where(Document.id.in_(told.with_only_columns(ReportEvent.document_id)))
    ).all()
    places = session.scalars(
        select(DocEntity)
        .options(selectinload(DocEntity.entity))
        .where(DocEntity.id.in_(told.with_only_columns(ReportEvent.place_id)))
    ).all()
    return [*docs, *places]


def _document_keys(session: Session, c: Any) -> list[int]:
    """KB row ids of the reports on each side (older KB code gives only the reports' own ids)."""
    keys = getattr(c, "document_keys", None)
    if keys:
        return list(keys)
    return [
        session.execute(
            select(Document.id).where(Document.doc_id == d).order_by(Document.id).limit(1)
        ).scalar_one()
        for d in c.documents
    ]


def contradiction_dict(session: Session, c: Any) -> dict[str, Any]:
    out = c.as_dict()
    out["sides"] = [
        {
            **doc_ref(session.get_one(Document, key)),
            "value": value,
            "evidence": _evidence(session, c, key),
        }
        for key, value in zip(_document_keys(session, c), c.values, strict=False)
    ]
    if getattr(c, "event", None) is not None:
        inc = session.get(Incident, c.event)
        out["subject"] = f"{inc.sub_type} {inc.date or 'undated'}" if inc else None
    elif getattr(c, "entity", None) is not None:
        e = session.get(Entity, c.entity)
        out["subject"] = e.name if e else None
    return out


def _claim(c: Claim | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "source": c.source_text,
        "source_type": c.source_type,
        "reliability": c.reliability,
        "credibility": c.credibility,
    }


def _evidence(session: Session, c: Any, document: int) -> list[dict[str, Any]]:
    """The words in one report that put its side there: event triggers with their claims, or allegiance statements."""
    if getattr(c, "event", None) is not None:
        rows = session.scalars(
            select(ReportEvent)
            .where(ReportEvent.incident_id == c.event, ReportEvent.document_id == document)
            .order_by(ReportEvent.id)
        )
        return [
            {
                "start": r.trigger_start,
                "end": r.trigger_end,
                "text": r.trigger_text,
                "claim": _claim(session.get(Claim, r.claim_id) if r.claim_id else None),
            }
            for r in rows
        ]
    subject = select(DocEntity.id).where(
        DocEntity.document_id == document, DocEntity.entity_id == c.entity
    )
    relations = session.scalars(
        select(Relation)
        .where(
            Relation.document_id == document,
            Relation.kind == "allegiance",
            Relation.subject_id.in_(subject),
        )
        .order_by(Relation.start)
    )
    return [{"start": r.start, "end": r.end, "text": r.text, "claim": None} for r in relations]


def sources(
    session: Session, f: Filters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Sources of claims (by their words, any case, and type), most quoted first, with their grade range."""
    key = func.lower(Claim.source_text)
    q = (
        select(
            func.min(Claim.source_text).label("name"),
            Claim.source_type.label("type"),
            func.count().label("claims"),
            func.count(func.distinct(Claim.document_id)).label("reports"),
            func.min(Claim.reliability).label("best"),
            func.max(Claim.reliability).label("worst"),
        )
        .where(Claim.document_id.in_(_matching_documents(session, f)))
        .group_by(key, Claim.source_type)
    )
    total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    rows = session.execute(q.order_by(func.count().desc(), key).limit(limit).offset(offset)).all()
    return [r._asdict() for r in rows], total


def source_record(session: Session, name: str, limit: int) -> dict[str, Any]:
    """What one source said, newest report first, and who agrees or disagrees about each event."""
    rows = list(
        session.scalars(
            select(Claim)
            .where(func.lower(Claim.source_text) == name.lower())
            .order_by(Claim.document_id.desc(), Claim.start)
            .limit(limit)
        )
    )
    backed = list(
        session.scalars(
            select(ReportEvent)
            .where(ReportEvent.claim_id.in_([c.id for c in rows]))
            .order_by(ReportEvent.id)
        )
    )
    incidents = _incidents(session, {r.incident_id for r in backed})
    ties = kb_contradictions.allegiance_ties(session) if backed else set()
    said = []
    for c in rows:
        events = [
            _standing(session, r, incidents[r.incident_id], ties)
            for r in backed
            if r.claim_id == c.id
        ]
        said.append({**claim_dict(session, c), "events": events})
    total = (
        session.scalar(select(func.count()).where(func.lower(Claim.source_text) == name.lower()))
        or 0
    )
    return {"name": rows[0].source_text if rows else name, "claims": said, "total": total}


def _incidents(session: Session, ids: set[int]) -> dict[int, Incident]:
    """Incidents with all that comparing their reports reads, in a few queries."""
    reports = selectinload(Incident.reports)
    return {
        i.id: i
        for i in session.scalars(
            select(Incident)
            .where(Incident.id.in_(ids))
            .options(
                reports.selectinload(ReportEvent.document).options(
                    defer(Document.text), defer(Document.analysis)
                ),
                reports.selectinload(ReportEvent.actors)
                .selectinload(EventActor.doc_entity)
                .selectinload(DocEntity.entity),
                reports.selectinload(ReportEvent.place).selectinload(DocEntity.entity),
            )
        )
    }


def _standing(
    session: Session, told: ReportEvent, inc: Incident, ties: set[frozenset[int]]
) -> dict[str, Any]:
    """One event a claim backs: the other reports telling it, split into those that disagree with
    this report on some point and those that do not."""
    against: dict[int, list[dict[str, Any]]] = {}
    for c in kb_contradictions.incident_contradictions(session, inc, ties):
        keys = _document_keys(session, c)
        if told.document_id not in keys:
            continue
        mine = c.values[keys.index(told.document_id)]
        for key, value in zip(keys, c.values, strict=False):
            if key != told.document_id and value != mine:
                against.setdefault(key, []).append(
                    {"about": c.about, "theirs": value, "ours": mine}
                )
    others = sorted({r.document_id for r in inc.reports} - {told.document_id})
    return {
        "event": inc.id,
        "type": inc.type,
        "sub_type": inc.sub_type,
        "date": inc.date,
        "corroborated_by": [
            doc_ref(session.get_one(Document, d)) for d in others if d not in against
        ],
        "contradicted_by": [
            {**doc_ref(session.get_one(Document, d)), "points": against[d]}
            for d in others
            if d in against
        ],
    }
