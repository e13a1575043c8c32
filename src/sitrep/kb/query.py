"""Questions put to the KB, as plain functions returning JSON-ready dicts.

The CLI, the web app and the exports all call these, so none of them writes SQL of its own.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from ..geodesy import bbox, km
from ..model import MENTION_KINDS
from .contradictions import find as find_contradictions
from .entities import fold
from .grading import outlet_key
from .incidents import period
from .models import (
    Claim,
    DocEntity,
    Document,
    Entity,
    EventActor,
    Failure,
    Incident,
    IncidentLink,
    Mention,
    Merge,
    ReportEvent,
    Route,
    Waypoint,
)

Near = tuple[float, float, float]  # lat, lon, radius in km


def counts(session: Session) -> dict[str, int]:
    """Rows per table: how an ingest is checked for idempotence."""
    tables = {
        "documents": Document,
        "entities": Entity,
        "document_entities": DocEntity,
        "mentions": Mention,
        "claims": Claim,
        "report_events": ReportEvent,
        "incidents": Incident,
        "incident_links": IncidentLink,
        "routes": Route,
        "merges": Merge,
        "failures": Failure,
    }
    return {
        name: session.scalar(select(func.count()).select_from(model)) or 0
        for name, model in tables.items()
    }


def find_entities(
    session: Session, name: str, kinds: tuple[str, ...] = MENTION_KINDS
) -> list[Entity]:
    """KB entities by id, canonical name, or any name or alias a report gave them."""
    if (
        name.isascii() and name.isdigit() and len(name) <= 18
    ):  # an id; "²" or a 20-digit number is a name
        hit = session.get(Entity, int(name))
        return [hit] if hit and hit.kind in kinds else []
    key = fold(name)
    ids = set(
        session.scalars(select(Entity.id).where(Entity.kind.in_(kinds), Entity.folded == key))
    )
    for entity_id, local_name, aliases in session.execute(
        select(DocEntity.entity_id, DocEntity.name, DocEntity.aliases).where(
            DocEntity.kind.in_(kinds)
        )
    ):
        if entity_id not in ids and any(fold(n) == key for n in [local_name, *(aliases or [])]):
            ids.add(entity_id)
    return list(session.scalars(select(Entity).where(Entity.id.in_(ids)).order_by(Entity.id)))


def _overlaps(
    value: str | None, precision: str | None, since: date | None, until: date | None
) -> bool:
    span = period(value, precision)
    if span is None:
        return since is None and until is None
    return (since is None or span[1] >= since) and (until is None or span[0] <= until)


def incident_ids(
    session: Session,
    actor: str | None = None,
    place: str | None = None,
    near: Near | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
) -> list[int]:
    """Ids of incidents matching every given filter, newest first."""
    q = select(Incident.id, Incident.date, Incident.precision, Incident.lat, Incident.lon)
    if type:
        q = q.where(
            or_(
                func.lower(Incident.type) == type.lower(),
                func.lower(Incident.sub_type) == type.lower(),
            )
        )
    if actor is not None:
        ids = [e.id for e in find_entities(session, actor, ("actor", "person"))]
        q = q.where(
            Incident.id.in_(
                select(ReportEvent.incident_id)
                .join(EventActor)
                .join(DocEntity)
                .where(DocEntity.entity_id.in_(ids))
            )
        )
    if place is not None:
        ids = [e.id for e in find_entities(session, place, ("place",))]
        q = q.where(
            Incident.id.in_(
                select(ReportEvent.incident_id)
                .join(DocEntity, ReportEvent.place_id == DocEntity.id)
                .where(DocEntity.entity_id.in_(ids))
            )
        )
    if near is not None:
        lat0, lat1, lon0, lon1 = bbox(*near)
        q = q.where(Incident.lat.between(lat0, lat1), Incident.lon.between(lon0, lon1))
    lo = date.fromisoformat(since) if since else None
    hi = date.fromisoformat(until) if until else None
    rows = session.execute(q).all()
    rows = [
        r
        for r in rows
        if (near is None or km(near[0], near[1], r.lat, r.lon) <= near[2])
        and _overlaps(r.date, r.precision, lo, hi)
    ]
    rows.sort(key=lambda r: (r.date or "", r.id), reverse=True)
    return [r.id for r in rows]


def events(
    session: Session,
    actor: str | None = None,
    place: str | None = None,
    near: Near | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Incidents (events merged across reports), newest first, each with every report that tells it."""
    ids = incident_ids(session, actor, place, near, since, until, type)
    ids = ids[offset : offset + limit] if limit is not None else ids[offset:]
    loaded = {
        i.id: i
        for i in session.scalars(
            select(Incident)
            .where(Incident.id.in_(ids))
            .options(
                selectinload(Incident.reports)
                .selectinload(ReportEvent.actors)
                .selectinload(EventActor.doc_entity)
            )
        )
    }
    return [incident_dict(session, loaded[i]) for i in ids]


def _entity_ref(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "kind": e.kind}


def _place(e: Entity) -> dict[str, Any]:
    return {**_entity_ref(e), "lat": e.lat, "lon": e.lon, "country": e.country}


def incident_dict(session: Session, inc: Incident) -> dict[str, Any]:
    reports = sorted(
        inc.reports, key=lambda r: (r.document.published or "", r.document_id, r.local_id)
    )
    roles: dict[int, set[str]] = {}
    entities: dict[int, Entity] = {}
    for r in reports:
        for ea in r.actors:
            entities[ea.doc_entity.entity_id] = ea.doc_entity.entity
            roles.setdefault(ea.doc_entity.entity_id, set()).add(ea.role)
    place = next(
        (r.place.entity for r in reports if r.place is not None and r.place.entity.lat is not None),
        None,
    )
    tolls = sorted({r.fatalities for r in reports if r.fatalities is not None})
    return {
        "id": inc.id,
        "type": inc.type,
        "sub_type": inc.sub_type,
        "date": inc.date,
        "precision": inc.precision,
        "lat": inc.lat,
        "lon": inc.lon,
        "place": _place(place) if place else None,
        "fatalities": tolls[0] if tolls else None,
        "fatalities_reported": tolls,
        "actors": [
            {**_entity_ref(entities[i]), "roles": sorted(roles[i])} for i in sorted(entities)
        ],
        "outlets": len({outlet_key(r.document) for r in reports}),
        "reports": [_report_event(session, r) for r in reports],
    }


def _report_event(session: Session, r: ReportEvent) -> dict[str, Any]:
    claim = session.get(Claim, r.claim_id) if r.claim_id else None
    return {
        "document": r.document.doc_id,
        "kb_document": r.document_id,
        "title": r.document.title,
        "outlet": r.document.outlet,
        "published": r.document.published,
        "event": r.local_id,
        "modality": r.modality,
        "trigger": {"start": r.trigger_start, "end": r.trigger_end, "text": r.trigger_text},
        "date": r.date,
        "precision": r.precision,
        "fatalities": r.fatalities,
        "place": _place(r.place.entity) if r.place else None,
        "actors": [{**_entity_ref(ea.doc_entity.entity), "role": ea.role} for ea in r.actors],
        "claim": {
            "id": claim.local_id,
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "source": claim.source_text,
            "source_type": claim.source_type,
            "reliability": claim.reliability,
            "credibility": claim.credibility,
        }
        if claim
        else None,
    }


def _doc_ref(d: Document) -> dict[str, Any]:
    return {
        "document": d.doc_id,
        "kb_document": d.id,
        "title": d.title,
        "outlet": d.outlet,
        "published": d.published,
    }


def _newest(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        items,
        key=lambda x: (x.get("published") or x.get("date") or "", x.get("kb_document", 0)),
        reverse=True,
    )


def report_names(session: Session, e: Entity) -> tuple[list[DocEntity], list[str]]:
    """The reports' own entities joined into ``e``, and every other name they call it by."""
    locals_ = list(
        session.scalars(
            select(DocEntity)
            .where(DocEntity.entity_id == e.id)
            .options(selectinload(DocEntity.document))
        )
    )
    names = {n for de in locals_ for n in [de.name, *(de.aliases or [])]} - {e.name}
    return locals_, sorted(names, key=str.casefold)


def actor(session: Session, name: str) -> dict[str, Any] | None:
    """A dossier on one actor or person: aliases, people, events, routes, places, sources, newest first."""
    found = find_entities(session, name, ("actor", "person"))
    if not found:
        return None
    e = found[0]
    locals_, aliases = report_names(session, e)
    people: Counter[int] = Counter()
    for de in locals_:
        for p in session.scalars(
            select(DocEntity).where(
                DocEntity.document_id == de.document_id,
                DocEntity.kind == "person",
                DocEntity.affiliation == de.local_id,
            )
        ):
            people[p.entity_id] += 1
    evs = events(session, actor=str(e.id), limit=None)
    routes = []
    for route in session.scalars(
        select(Route)
        .where(Route.who_id.in_([de.id for de in locals_]))
        .options(selectinload(Route.waypoints).selectinload(Waypoint.doc_entity))
    ):
        doc = session.get_one(Document, route.document_id)
        routes.append(
            {
                **_doc_ref(doc),
                "route": route.local_id,
                "what": route.what,
                "start": route.start,
                "end": route.end,
                "waypoints": [_place(w.doc_entity.entity) for w in route.waypoints],
                "cost": {
                    "amount": route.cost_amount,
                    "currency": route.cost_currency,
                    "per": route.cost_per,
                }
                if route.cost_amount is not None
                else None,
            }
        )
    places = Counter(ev["place"]["id"] for ev in evs if ev["place"]) + Counter(
        w["id"] for r in routes for w in r["waypoints"]
    )
    sources = {
        de.document_id: {
            **_doc_ref(de.document),
            "mentions": session.scalar(select(func.count()).where(Mention.doc_entity_id == de.id)),
        }
        for de in locals_
    }
    merges = session.scalars(
        select(Merge).where(or_(Merge.entity_id == e.id, Merge.split_to == e.id)).order_by(Merge.id)
    )
    return {
        **_entity_ref(e),
        "actor_type": e.actor_type,
        "registry": e.registry_id,
        "aliases": aliases,
        "people": [
            {**_entity_ref(session.get_one(Entity, i)), "reports": n}
            for i, n in people.most_common()
        ],
        "events": evs,
        "routes": _newest(routes),
        "places": [
            {**_place(session.get_one(Entity, i)), "count": n} for i, n in places.most_common()
        ],
        "sources": _newest(list(sources.values())),
        "merges": [
            {
                "id": m.id,
                "rule": m.rule,
                "key": m.key,
                "undone": m.undone_at is not None,
                "split_to": m.split_to,
            }
            for m in merges
        ],
    }


def _fts5_query(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(session: Session, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Reports whose title or text holds every word of the query, best first, with a snippet."""
    words = re.findall(r"\w+", query)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            text(
                "SELECT rowid, snippet(documents_fts, 1, '[', ']', '…', 16) FROM documents_fts "
                "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"
            ),
            {"q": _fts5_query(words), "n": limit},
        ).all()
    else:
        rows = session.execute(
            text(
                "SELECT d.id, ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=25, MinWords=8') "
                "FROM documents d, plainto_tsquery('english', :q) q "
                "WHERE to_tsvector('english', coalesce(d.title, '') || ' ' || d.text) @@ q "
                "ORDER BY ts_rank(to_tsvector('english', coalesce(d.title, '') || ' ' || d.text), q) DESC, d.id LIMIT :n"  # noqa: E501 - one literal
            ),
            {"q": " ".join(words), "n": limit},
        ).all()
    return [
        {**_doc_ref(session.get_one(Document, doc_id)), "snippet": snippet}
        for doc_id, snippet in rows
    ]


def analyses(
    session: Session,
    actor: str | None = None,
    place: str | None = None,
    near: Near | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Stored contract dicts of the matching reports, each entity given its ``kb_id``; all reports when unfiltered."""
    q = select(Document.id).order_by(Document.id)
    if any(v is not None for v in (actor, place, near, since, until, type)):
        ids = incident_ids(session, actor, place, near, since, until, type)
        q = q.where(
            Document.id.in_(select(ReportEvent.document_id).where(ReportEvent.incident_id.in_(ids)))
        )
    disputes = event_disputes(session)
    for doc_id in session.scalars(q).all():
        doc = session.get_one(Document, doc_id)
        kb_ids = dict(
            session.execute(
                select(DocEntity.local_id, DocEntity.entity_id).where(
                    DocEntity.document_id == doc_id
                )
            ).all()
        )
        incidents = dict(
            session.execute(
                select(ReportEvent.local_id, ReportEvent.incident_id).where(
                    ReportEvent.document_id == doc_id
                )
            ).all()
        )
        data = copy.deepcopy(doc.analysis)
        for e in data["entities"]:
            e["kb_id"] = kb_ids.get(e["id"])
        for ev in data["events"]:
            ev["kb_incident"] = incidents.get(ev["id"])
            ev["contradictions"] = disputes.get((ev["kb_incident"], doc_id), [])
        yield data


def event_disputes(session: Session) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """For each (incident, KB document): what other reports say against it, field by field.

    Exports carry these on the report's events, so an analyst sees the dispute in any tool."""
    out: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for c in find_contradictions(session):
        if c.event is None:
            continue
        for i, key in enumerate(c.document_keys):
            against = sorted({j for p in c.pairs if i in p for j in p if j != i})
            out.setdefault((c.event, key), []).append(
                {
                    "field": c.about,
                    "value": c.values[i],
                    "disputed_by": [
                        {
                            "document": c.documents[j],
                            "outlet": c.sides[j]["outlet"],
                            "value": c.values[j],
                            "sources": c.sides[j]["sources"],
                        }
                        for j in against
                    ],
                }
            )
    return out


def contradictions(
    session: Session,
    actor: str | None = None,
    place: str | None = None,
    near: Near | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    field: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Where reports disagree, for the CLI and the web page: about incidents matching the filters
    (every kind when unfiltered, allegiances too), each with its incident's summary.

    Each item: ``about``/``field``, ``documents`` and ``values`` (aligned), ``pairs`` (indexes of
    documents that disagree), ``sides`` (per document: value, sentences with offsets, sources with
    grades), and ``event`` plus ``incident`` (type, date, place) or ``entity`` for an allegiance.
    """
    filtered = any(v is not None for v in (actor, place, near, since, until, type))
    ids = incident_ids(session, actor, place, near, since, until, type) if filtered else None
    found = [
        c.as_dict() for c in find_contradictions(session, ids) if field is None or c.about == field
    ]
    found = found[offset : offset + limit] if limit is not None else found[offset:]
    for c in found:
        if "event" in c:
            c["incident"] = incident_summary(session.get_one(Incident, c["event"]))
    return found


def incident_summary(inc: Incident) -> dict[str, Any]:
    place = next(
        (
            r.place.entity
            for r in inc.reports
            if r.place is not None and r.place.entity.lat is not None
        ),
        None,
    )
    return {
        "id": inc.id,
        "type": inc.type,
        "sub_type": inc.sub_type,
        "date": inc.date,
        "precision": inc.precision,
        "place": _place(place) if place else None,
    }


def contradiction_badges(session: Session, ids: list[int] | None = None) -> dict[int, list[str]]:
    """Disputed fields per incident (the web app's badge), for the given incidents or all."""
    out: dict[int, list[str]] = {}
    for c in find_contradictions(session, ids):
        if c.event is not None:
            out.setdefault(c.event, []).append(c.about)
    return out


def incident_links(session: Session, incident_id: int | None = None) -> list[dict[str, Any]]:
    """The decisions that joined report events to incidents, with score and reasons; ``split`` undoes one."""
    q = select(IncidentLink).order_by(IncidentLink.id)
    if incident_id is not None:
        q = q.where(
            or_(IncidentLink.incident_id == incident_id, IncidentLink.split_to == incident_id)
        )
    out = []
    for link in session.scalars(q):
        ev = session.get_one(ReportEvent, link.report_event_id)
        matched = session.get(ReportEvent, link.matched_id) if link.matched_id else None
        out.append(
            {
                "id": link.id,
                "incident": link.incident_id,
                "document": ev.document.doc_id,
                "event": ev.local_id,
                "matched": {"document": matched.document.doc_id, "event": matched.local_id}
                if matched
                else None,
                "score": link.score,
                "reasons": link.reasons,
                "undone": link.undone_at is not None,
                "split_to": link.split_to,
            }
        )
    return out


def entities(
    session: Session, name: str | None = None, kind: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """KB entities with how many reports name them and the merge decisions that built them."""
    kinds = (kind,) if kind else MENTION_KINDS
    found = (
        find_entities(session, name, kinds)
        if name
        else list(
            session.scalars(
                select(Entity).where(Entity.kind.in_(kinds)).order_by(Entity.id).limit(limit)
            )
        )
    )
    out = []
    for e in found[:limit]:
        reports = session.scalar(
            select(func.count(func.distinct(DocEntity.document_id))).where(
                DocEntity.entity_id == e.id
            )
        )
        merges = session.execute(
            select(Merge, Document.doc_id)
            .join(DocEntity, Merge.doc_entity_id == DocEntity.id)
            .join(Document)
            .where(Merge.entity_id == e.id)
            .order_by(Merge.id)
        ).all()
        out.append(
            {
                **_entity_ref(e),
                "registry": e.registry_id,
                "geonameid": e.geonameid,
                "country": e.country,
                "split_from": e.split_from,
                "reports": reports,
                "merges": [
                    {
                        "id": m.id,
                        "rule": m.rule,
                        "key": m.key,
                        "document": doc_id,
                        "undone": m.undone_at is not None,
                    }
                    for m, doc_id in merges
                ],
            }
        )
    return out
