"""Read-only views the web app needs and the KB's query module does not offer: paged lists of
reports, routes, claims and entities, one stored analysis, a place's dossier, and the graph.

Every filter is the one ``sitrep events`` takes; a list of reports (or of what reports say)
is narrowed to the reports that tell a matching event, so the map, the list and the graph
always show the same slice of the KB.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from ..geodesy import km
from ..kb.incidents import period
from ..kb.models import (
    Claim,
    DocEntity,
    Document,
    Entity,
    EventActor,
    Incident,
    Mention,
    Relation,
    ReportEvent,
    Route,
    Waypoint,
)
from ..kb.query import events, find_entities, incident_dict, report_names
from .selection import Box, Filters, count, newest_first, spread, within


def page(query: Select, session: Session, limit: int, offset: int) -> tuple[list[Any], int]:
    """One page of a query's rows and the count of all of them."""
    return list(session.scalars(query.limit(limit).offset(offset))), count(session, query)


def _incidents(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """Incidents as the KB's queries shape them, in the order of ``ids``. Everything they show is
    loaded in a few queries up front (reports' texts and stored analyses left out), not per report."""
    reports = selectinload(Incident.reports)
    loaded = {
        i.id: i
        for i in session.scalars(
            select(Incident)
            .where(Incident.id.in_(ids))
            .options(
                reports.selectinload(ReportEvent.document)
                .defer(Document.text)
                .defer(Document.analysis),
                reports.selectinload(ReportEvent.actors)
                .selectinload(EventActor.doc_entity)
                .selectinload(DocEntity.entity),
                reports.selectinload(ReportEvent.place).selectinload(DocEntity.entity),
            )
        )
    }
    claim_ids = [r.claim_id for i in loaded.values() for r in i.reports if r.claim_id]
    # incident_dict gets each claim from the session; the session holds rows only while referenced.
    claims = session.scalars(select(Claim).where(Claim.id.in_(claim_ids))).all()
    out = [incident_dict(session, loaded[i]) for i in ids if i in loaded]
    del claims
    return out


def event_page(
    session: Session, f: Filters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Matching incidents, newest first: the page's ids and the count come from the database."""
    ids, total = page(newest_first(f.incidents(session)), session, limit, offset)
    return _incidents(session, ids), total


def event(session: Session, incident_id: int) -> dict[str, Any] | None:
    found = _incidents(session, [incident_id])
    return found[0] if found else None


def points(
    session: Session, f: Filters, limit: int, box: Box | None = None, even: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """What the map and the timeline draw, and nothing more: one small row per matching incident
    with its first told place and first named perpetrator; details come on demand. ``box`` keeps
    those inside a map's view; ``even`` takes them evenly across the dates rather than newest
    first (a time strip's dots). The total counts every match."""
    place = (
        select(Entity.name)
        .join(DocEntity, DocEntity.entity_id == Entity.id)
        .join(ReportEvent, ReportEvent.place_id == DocEntity.id)
        .where(ReportEvent.incident_id == Incident.id)
        .order_by(ReportEvent.id)
        .limit(1)
        .scalar_subquery()
    )
    actor = (
        select(Entity.name)
        .join(DocEntity, DocEntity.entity_id == Entity.id)
        .join(EventActor)
        .join(ReportEvent, EventActor.report_event_id == ReportEvent.id)
        .where(ReportEvent.incident_id == Incident.id, EventActor.role == "actor1")
        .order_by(EventActor.id)
        .limit(1)
        .scalar_subquery()
    )
    ids = f.incidents(session)
    if box is not None:
        ids = within(ids, box)
    chosen: Any = ids
    if even:
        chosen = spread(session, ids, limit)
    q = newest_first(
        select(
            Incident.id,
            Incident.lat,
            Incident.lon,
            Incident.type,
            Incident.sub_type,
            Incident.date,
            Incident.precision,
            place.label("place"),
            actor.label("actor"),
        ).where(Incident.id.in_(chosen))
    )
    rows = session.execute(q.limit(limit)).all()
    return [r._asdict() for r in rows], count(session, ids)


def doc_ref(d: Document) -> dict[str, Any]:
    """The same reference to a report as the KB's queries give (``document`` is the report's own id)."""
    return {
        "document": d.doc_id,
        "kb_document": d.id,
        "title": d.title,
        "outlet": d.outlet,
        "published": d.published,
    }


def _place(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "lat": e.lat,
        "lon": e.lon,
        "country": e.country,
    }


def _matching_documents(session: Session, f: Filters) -> Select:
    q = select(Document.id)
    if f.any():
        q = q.where(
            Document.id.in_(
                select(ReportEvent.document_id).where(
                    ReportEvent.incident_id.in_(f.incidents(session))
                )
            )
        )
    return q


def documents(
    session: Session, f: Filters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Reports telling a matching event (all when unfiltered), newest first."""
    q = (
        select(Document)
        .where(Document.id.in_(_matching_documents(session, f)))
        .order_by(Document.published.desc().nulls_last(), Document.id.desc())
    )
    rows, total = page(q, session, limit, offset)
    return [doc_ref(d) for d in rows], total


def analysis(session: Session, document_id: int) -> dict[str, Any] | None:
    """One stored contract analysis, each entity given its ``kb_id`` (as ``query.analyses`` does for many)."""
    doc = session.get(Document, document_id)
    if doc is None:
        return None
    kb_ids = dict(
        session.execute(
            select(DocEntity.local_id, DocEntity.entity_id).where(DocEntity.document_id == doc.id)
        ).all()
    )
    data = copy.deepcopy(doc.analysis)
    for e in data["entities"]:
        e["kb_id"] = kb_ids.get(e["id"])
    return {**data, "kb_document": doc.id}


def routes(
    session: Session, f: Filters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Routes as reports tell them. ``actor``: who moves; ``place``/``near``: a waypoint;
    ``since``/``until``: the report's date; ``type``: what moves (people, fuel...)."""
    q = select(Route).order_by(Route.document_id.desc(), Route.id)
    if f.actor is not None:
        ids = [e.id for e in find_entities(session, f.actor, ("actor", "person"))]
        q = q.where(Route.who_id.in_(select(DocEntity.id).where(DocEntity.entity_id.in_(ids))))
    if f.place is not None:
        ids = [e.id for e in find_entities(session, f.place, ("place",))]
        q = q.where(
            Route.id.in_(
                select(Waypoint.route_id).join(DocEntity).where(DocEntity.entity_id.in_(ids))
            )
        )
    if f.near is not None:
        lat, lon, radius = f.near
        points = session.execute(
            select(Waypoint.route_id, Entity.lat, Entity.lon)
            .join(DocEntity, Waypoint.doc_entity_id == DocEntity.id)
            .join(Entity, DocEntity.entity_id == Entity.id)
            .where(Entity.lat.is_not(None))
        ).all()
        q = q.where(
            Route.id.in_(
                {
                    r
                    for r, la, lo in points  # lat is not NULL; km needs lon too
                    if la is not None and lo is not None and km(lat, lon, la, lo) <= radius
                }
            )
        )
    if f.since is not None or f.until is not None:
        dated = session.execute(
            select(Route.id, Document.published).join(Document, Route.document_id == Document.id)
        ).all()
        q = q.where(
            Route.id.in_({r for r, published in dated if _within(published, f.since, f.until)})
        )
    if f.type is not None:
        q = q.where(func.lower(Route.what) == f.type.lower())
    rows, total = page(
        q.options(
            selectinload(Route.waypoints)
            .selectinload(Waypoint.doc_entity)
            .selectinload(DocEntity.entity)
        ),
        session,
        limit,
        offset,
    )
    return [route_dict(session, r) for r in rows], total


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    span = period(day, "day")
    if span is None:
        return False
    return (since is None or span[0].isoformat() >= since) and (
        until is None or span[0].isoformat() <= until
    )


def route_dict(session: Session, r: Route) -> dict[str, Any]:
    who = session.get(DocEntity, r.who_id) if r.who_id else None
    return {
        **doc_ref(session.get_one(Document, r.document_id)),
        "id": r.id,
        "route": r.local_id,
        "what": r.what,
        "who": {"id": who.entity_id, "name": who.name} if who else None,
        "who_text": r.who_text,
        "cost": {"amount": r.cost_amount, "currency": r.cost_currency, "per": r.cost_per}
        if r.cost_amount is not None
        else None,
        "start": r.start,
        "end": r.end,
        "waypoints": [_place(w.doc_entity.entity) for w in r.waypoints],
    }


def claims(
    session: Session, f: Filters, limit: int, offset: int, grade: ClaimGrade | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Claims from the reports that tell a matching event, with the KB's refined grade beside the
    report's own; ``grade`` keeps those at least this reliable and credible, of one source type."""
    q = (
        select(Claim)
        .where(Claim.document_id.in_(_matching_documents(session, f)))
        .order_by(Claim.document_id.desc(), Claim.start)
    )
    if grade is not None:
        q = grade.narrow(q)
    rows, total = page(q, session, limit, offset)
    return [claim_dict(session, c) for c in rows], total


@dataclass(frozen=True)
class ClaimGrade:
    """Filters on a claim's Admiralty grade and its source."""

    reliability: str | None = None  # at least this reliable: "B" keeps A and B
    credibility: int | None = None  # at least this credible: 2 keeps 1 and 2
    source_type: str | None = None
    source: str | None = None  # the source's words, any case

    def narrow(self, q: Select) -> Select:
        if self.reliability is not None:
            q = q.where(Claim.reliability <= self.reliability)
        if self.credibility is not None:
            q = q.where(Claim.credibility <= self.credibility)
        if self.source_type is not None:
            q = q.where(Claim.source_type == self.source_type)
        if self.source is not None:
            q = q.where(func.lower(Claim.source_text) == self.source.lower())
        return q


def claim_dict(session: Session, c: Claim) -> dict[str, Any]:
    return {
        **doc_ref(session.get_one(Document, c.document_id)),
        "id": c.id,
        "claim": c.local_id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "source": {
            "text": c.source_text,
            "type": c.source_type,
            "start": c.source_start,
            "end": c.source_end,
        },
        "reliability": c.reliability,
        "credibility": c.credibility,
        "base_reliability": c.base_reliability,
        "base_credibility": c.base_credibility,
    }


def entities(
    session: Session, f: Filters, kind: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """KB entities named by the reports that tell a matching event, most reported first."""
    reports = func.count(func.distinct(DocEntity.document_id)).label("reports")
    q = (
        select(Entity, reports)
        .join(DocEntity, DocEntity.entity_id == Entity.id)
        .where(DocEntity.document_id.in_(_matching_documents(session, f)))
        .group_by(Entity.id)
        .order_by(reports.desc(), Entity.id)
    )
    if kind is not None:
        q = q.where(Entity.kind == kind)
    total = session.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0
    rows = session.execute(q.limit(limit).offset(offset)).all()
    return [
        {**_place(e), "actor_type": e.actor_type, "registry": e.registry_id, "reports": n}
        for e, n in rows
    ], total


def place_dossier(session: Session, entity_id: int) -> dict[str, Any] | None:
    """A place's dossier, shaped like the KB's actor dossier: names, events there, routes through it, sources."""
    e = session.get(Entity, entity_id)
    if e is None or e.kind != "place":
        return None
    locals_, aliases = report_names(session, e)
    through = select(Waypoint.route_id).where(Waypoint.doc_entity_id.in_([de.id for de in locals_]))
    route_rows = session.scalars(
        select(Route)
        .where(Route.id.in_(through))
        .order_by(Route.document_id.desc(), Route.id)
        .options(
            selectinload(Route.waypoints)
            .selectinload(Waypoint.doc_entity)
            .selectinload(DocEntity.entity)
        )
    )
    sources = {
        de.document_id: {
            **doc_ref(de.document),
            "mentions": session.scalar(select(func.count()).where(Mention.doc_entity_id == de.id)),
        }
        for de in locals_
    }
    return {
        **_place(e),
        "feature": e.feature,
        "aliases": aliases,
        "people": [],
        "events": events(session, place=str(e.id), limit=None),
        "routes": [route_dict(session, r) for r in route_rows],
        "places": [],
        "sources": sorted(
            sources.values(), key=lambda s: (s["published"] or "", s["kb_document"]), reverse=True
        ),
    }


def graph(session: Session, f: Filters, limit: int) -> dict[str, Any]:
    """Nodes (events, actors, people, places) and edges for Cytoscape: who took part in which
    event and where it was, who belongs to whom, and stated allegiances; at most ``limit`` events.
    A node's ``reports`` counts the reports that put it in the graph; an edge's, the reports that
    tie its two ends (how often they occur together); ``events`` counts every matching event."""
    ids = list(session.scalars(newest_first(f.incidents(session)).limit(limit)))
    incs = session.scalars(
        select(Incident)
        .where(Incident.id.in_(ids))
        .options(
            selectinload(Incident.reports)
            .selectinload(ReportEvent.actors)
            .selectinload(EventActor.doc_entity)
            .selectinload(DocEntity.entity),
            selectinload(Incident.reports)
            .selectinload(ReportEvent.place)
            .selectinload(DocEntity.entity),
        )
    )
    nodes: dict[str, dict[str, Any]] = {}
    told: dict[str, set[int]] = {}
    edges: Counter[tuple[str, str, str]] = Counter()

    def entity_node(e: Entity, doc: int | None = None) -> str:
        key = f"e{e.id}"
        nodes.setdefault(key, {"id": key, "kind": e.kind, "label": e.name, "entity": e.id})
        told.setdefault(key, set()).update([doc] if doc is not None else [])
        return key

    for inc in incs:
        key = f"i{inc.id}"
        nodes[key] = {
            "id": key,
            "kind": "event",
            "type": inc.type,
            "label": f"{inc.sub_type} {inc.date or ''}".strip(),
            "event": inc.id,
        }
        told[key] = {r.document_id for r in inc.reports}
        for r in inc.reports:
            for ea in r.actors:
                edges[(entity_node(ea.doc_entity.entity, r.document_id), key, ea.role)] += 1
            if r.place is not None:
                edges[(key, entity_node(r.place.entity, r.document_id), "at")] += 1
    _ties(session, set().union(*told.values()) if told else set(), nodes, edges, entity_node)
    for key, node in nodes.items():
        node["reports"] = max(1, len(told.get(key, ())))
    return {
        "events": len(ids) if len(ids) < limit else count(session, f.incidents(session)),
        "nodes": list(nodes.values()),
        "edges": [
            {"source": s, "target": t, "relation": rel, "reports": n}
            for (s, t, rel), n in edges.items()
        ],
    }


def _ties(
    session: Session,
    doc_ids: set[int],
    nodes: dict[str, dict[str, Any]],
    edges: Counter[tuple[str, str, str]],
    entity_node,
) -> None:
    """Membership (a person's affiliation) and allegiance between entities already in the graph."""
    locals_ = {
        de.id: de
        for de in session.scalars(
            select(DocEntity)
            .where(DocEntity.document_id.in_(doc_ids))
            .options(selectinload(DocEntity.entity))
        )
    }
    by_local = {(de.document_id, de.local_id): de for de in locals_.values()}
    for de in locals_.values():
        boss = by_local.get((de.document_id, de.affiliation)) if de.affiliation else None
        if boss is not None and f"e{boss.entity_id}" in nodes:
            edges[(entity_node(de.entity), entity_node(boss.entity), "member of")] += 1
    for rel in session.scalars(select(Relation).where(Relation.document_id.in_(doc_ids))):
        a, b = locals_.get(rel.subject_id), locals_.get(rel.object_id)
        if (
            a is not None
            and b is not None
            and f"e{a.entity_id}" in nodes
            and f"e{b.entity_id}" in nodes
        ):
            edges[(entity_node(a.entity), entity_node(b.entity), rel.kind)] += 1
