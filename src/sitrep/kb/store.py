"""Write one analysis into the KB: the report's rows with their offsets, then the KB links.

The caller gives one transaction per document, so a crash leaves each report either wholly
stored or absent; the content hash makes storing the same report twice a no-op.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from . import allegiance, entities, incidents
from .models import (
    Claim,
    DocEntity,
    Document,
    EventActor,
    Failure,
    Mention,
    Relation,
    ReportEvent,
    Route,
    Waypoint,
)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def known(session: Session, digest: str) -> bool:
    return session.scalar(select(Document.id).where(Document.content_hash == digest)) is not None


def store(session: Session, data: dict[str, Any], origin: str | None = None) -> Document | None:
    """Store a contract dict; None when a report with the same text is already there."""
    d = data["document"]
    digest = content_hash(d["text"])
    if known(session, digest):
        return None
    doc = Document(
        content_hash=digest,
        doc_id=str(d["id"])[:300],
        origin=origin,
        title=d.get("title"),
        outlet=d.get("outlet"),
        byline=d.get("byline"),
        published=d.get("published"),
        url=d.get("url"),
        text=d["text"],
        analysis=data,
    )
    session.add(doc)
    session.flush()
    ents = _entities(session, doc, data["entities"])
    for m in data["mentions"]:
        if m["entity"] in ents:
            session.add(
                Mention(
                    document_id=doc.id,
                    doc_entity_id=ents[m["entity"]].id,
                    start=m["start"],
                    end=m["end"],
                    text=m["text"],
                    kind=m["kind"],
                )
            )
    for t in allegiance.ties(data):
        if t.subject in ents and t.object in ents:
            session.add(
                Relation(
                    document_id=doc.id,
                    subject_id=ents[t.subject].id,
                    object_id=ents[t.object].id,
                    kind="allegiance",
                    start=t.start,
                    end=t.end,
                    text=d["text"][t.start : t.end],
                )
            )
    claims = _claims(session, doc, data["claims"], ents)
    for ev in data["events"]:
        _event(session, doc, ev, ents, claims)
    for r in data["routes"]:
        _route(session, doc, r, ents)
    if origin:  # an input that failed before and now went through is no longer a failure
        session.execute(delete(Failure).where(Failure.origin == origin))
    session.flush()
    return doc


def _entities(session: Session, doc: Document, items: list[dict[str, Any]]) -> dict[str, DocEntity]:
    out = {
        e["id"]: DocEntity(
            document_id=doc.id,
            local_id=e["id"],
            kind=e["kind"],
            name=e["name"][:300],
            aliases=e.get("aliases") or [],
            role=e.get("role"),
            affiliation=e.get("affiliation"),
        )
        for e in items
    }
    entities.resolve_all(session, ((out[e["id"]], e) for e in items))
    return out


def _claims(
    session: Session, doc: Document, items: list[dict[str, Any]], ents: dict[str, DocEntity]
) -> dict[str, Claim]:
    out = {}
    for c in items:
        src = c["source"]
        source_entity = ents.get(src.get("entity") or "")
        row = Claim(
            document_id=doc.id,
            local_id=c["id"],
            start=c["start"],
            end=c["end"],
            text=c["text"],
            source_text=src["text"],
            source_type=src["type"],
            source_entity_id=source_entity.id if source_entity else None,
            source_start=src.get("start"),
            source_end=src.get("end"),
            base_reliability=c.get("reliability"),
            base_credibility=c.get("credibility"),
            reliability=c.get("reliability"),
            credibility=c.get("credibility"),
        )
        session.add(row)
        out[c["id"]] = row
    session.flush()
    return out


def _event(
    session: Session,
    doc: Document,
    ev: dict[str, Any],
    ents: dict[str, DocEntity],
    claims: dict[str, Claim],
) -> None:
    date, fat, claim = (
        ev.get("date") or {},
        ev.get("fatalities") or {},
        claims.get(ev.get("claim") or ""),
    )
    place = ents.get(ev.get("place") or "")
    row = ReportEvent(
        document_id=doc.id,
        local_id=ev["id"],
        type=ev["type"],
        sub_type=ev["sub_type"],
        trigger_start=ev["trigger"]["start"],
        trigger_end=ev["trigger"]["end"],
        trigger_text=ev["trigger"]["text"],
        place=place,
        date=date.get("value"),
        precision=date.get("precision"),
        fatalities=fat.get("best"),
        fatalities_low=fat.get("low"),
        fatalities_high=fat.get("high"),
        modality=ev.get("modality", "asserted"),
        confidence=ev.get("confidence", 0.5),
        claim_id=claim.id if claim else None,
    )
    row.actors = [
        EventActor(doc_entity=ents[a["entity"]], role=a["role"])
        for a in ev["actors"]
        if a["entity"] in ents
    ]
    session.add(row)
    incidents.assign(session, row)


def _route(session: Session, doc: Document, r: dict[str, Any], ents: dict[str, DocEntity]) -> None:
    evidence, cost, who = r.get("evidence") or [], r.get("cost") or {}, ents.get(r.get("who") or "")
    row = Route(
        document_id=doc.id,
        local_id=r["id"],
        who_id=who.id if who else None,
        who_text=r.get("who_text"),
        what=r["what"],
        cost_amount=cost.get("amount"),
        cost_currency=cost.get("currency"),
        cost_per=cost.get("per"),
        start=min((s["start"] for s in evidence), default=None),
        end=max((s["end"] for s in evidence), default=None),
        evidence=evidence,
    )
    row.waypoints = [
        Waypoint(
            seq=i,
            doc_entity_id=ents[w["entity"]].id,
            start=(w.get("mention") or {}).get("start"),
            end=(w.get("mention") or {}).get("end"),
        )
        for i, w in enumerate(r["waypoints"])
        if w["entity"] in ents
    ]
    session.add(row)


def record_failure(session: Session, origin: str, problem: str) -> None:
    """Keep a failed input's reason; the same failure seen again adds nothing."""
    key = hashlib.sha256(f"{origin}\x00{problem}".encode("utf-8", "surrogatepass")).hexdigest()
    if session.scalar(select(Failure.id).where(Failure.key == key)) is None:
        session.add(Failure(key=key, origin=origin, problem=problem))
