"""Report events that describe one real-world event become one incident.

Two reports tell the same event when it is of the same ACLED type, happened within 25 km,
on compatible dates (a day either way at day precision; otherwise one period holds the
other) and with compatible actors (someone who may be the same, or one side names at most one).
Perpetrators may differ: that is a contradiction to show, not a reason to keep two events.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..geodesy import bbox, km
from .models import DocEntity, Entity, EventActor, Incident, ReportEvent

RADIUS_KM = 25.0
MERGEABLE = ("asserted", "alleged")


def period(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date cut to its precision can mean."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")[:3]]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        day = date(*parts)
    except ValueError:
        return None
    return (day, day + timedelta(days=6)) if precision == "week" else (day, day)


def dates_compatible(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    pa, pb = period(*a), period(*b)
    if pa is None or pb is None:
        return False
    if a[1] == b[1] == "day":
        return abs((pa[0] - pb[0]).days) <= 1
    return pa[0] <= pb[0] and pb[1] <= pa[1] or pb[0] <= pa[0] and pa[1] <= pb[1]


def may_be_same(a: Entity, b: Entity) -> bool:
    """Two actors that could be one: the same entity, or a group known to no registry ("soldiers")
    of a type the other shares. Named people are only ever themselves."""
    if a.id == b.id:
        return True
    if a.kind != "actor" or b.kind != "actor" or (a.registry_id is not None and b.registry_id is not None):
        return False
    return a.actor_type is None or b.actor_type is None or a.actor_type == b.actor_type


def actors_compatible(a: list[Entity], b: list[Entity]) -> bool:
    """Reports whose actors could be the same people (or that name at most one): a differing
    perpetrator alone does not make two events."""
    return len(a) <= 1 or len(b) <= 1 or any(may_be_same(x, y) for x in a for y in b)


def _actors(ev: ReportEvent) -> list[Entity]:
    return [ea.doc_entity.entity for ea in ev.actors]


def _coords(ev: ReportEvent) -> tuple[float, float] | None:
    place = ev.place.entity if ev.place is not None else None
    if place is None or place.lat is None or place.lon is None:
        return None
    return place.lat, place.lon


def _finer(a: str | None, b: str | None) -> bool:
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return order.get(a or "", 9) < order.get(b or "", 9)


def assign(session: Session, ev: ReportEvent) -> Incident:
    """Put a newly stored report event into the incident it tells, or a new one."""
    with session.no_autoflush:  # ev is still pending without its incident
        coords = _coords(ev)
        mergeable = ev.modality in MERGEABLE and coords is not None and ev.date is not None
        incident = _find(session, ev, coords) if mergeable else None
        if incident is None:
            incident = Incident(type=ev.type, sub_type=ev.sub_type, date=ev.date, precision=ev.precision,
                                lat=coords[0] if coords else None, lon=coords[1] if coords else None, mergeable=mergeable)
            session.add(incident)
        elif _finer(ev.precision, incident.precision):
            incident.date, incident.precision = ev.date, ev.precision
        ev.incident = incident
    session.flush()
    return incident


def _find(session: Session, ev: ReportEvent, coords: tuple[float, float]) -> Incident | None:
    lat0, lat1, lon0, lon1 = bbox(*coords, RADIUS_KM)
    nearby = session.scalars(
        select(Incident).where(Incident.mergeable.is_(True), Incident.type == ev.type, Incident.lat.between(lat0, lat1),
                               Incident.lon.between(lon0, lon1)).order_by(Incident.id)
        # their reports and actors in a few queries, not one lazy load per report and actor
        .options(selectinload(Incident.reports).selectinload(ReportEvent.actors).selectinload(EventActor.doc_entity)
                 .selectinload(DocEntity.entity)))
    actors = _actors(ev)
    for inc in nearby:
        if km(*coords, inc.lat, inc.lon) > RADIUS_KM:
            continue
        told = [r for r in inc.reports if r.id != ev.id]
        if not all(dates_compatible((ev.date, ev.precision), (r.date, r.precision)) for r in told):
            continue
        if actors_compatible(actors, [e for r in told for e in _actors(r)]):
            return inc
    return None
