"""The one filter state every view shares, turned into SQL.

The map, the timeline, the graph and the lists all take the same filters (type, actor, place,
near, dates, source grade, words), so they always show the same slice of the KB. The filters
become one ``SELECT incidents.id``; paging and counting happen in the database, so a view on a
KB of ten thousand events reads one page of rows, not the whole table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Integer, Select, and_, cast, func, or_, select, text
from sqlalchemy.orm import Session

from ..geodesy import bbox, km
from ..kb.models import Claim, DocEntity, EventActor, Incident, ReportEvent
from ..kb.query import Near, find_entities

GRADES = "ABCDEF"  # Admiralty source reliability, best first
WEEK_DAYS = 6  # a week-precision date stands for its first day and the six after it


@dataclass(frozen=True)
class Filters:
    """The shared filters, already validated by the API."""

    actor: str | None = None
    place: str | None = None
    near: Near | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    grade: str | None = None  # at least this reliable: "B" keeps A and B
    q: str | None = None  # words every matching report holds

    def any(self) -> bool:
        return any(
            v is not None
            for v in (
                self.actor,
                self.place,
                self.near,
                self.since,
                self.until,
                self.type,
                self.grade,
                self.q,
            )
        )

    def incidents(self, session: Session) -> Select:
        """``SELECT id FROM incidents`` narrowed by every filter (unordered; use in ``IN``)."""
        return incident_query(session, self)


def _told_by(reports: Select) -> ColumnElement[bool]:
    """Incidents told by the report events a sub-select yields (its first column: incident ids)."""
    return Incident.id.in_(reports)


def _since(day: str) -> ColumnElement[bool]:
    """An incident's period ends on or after ``day``: a date cut to a month or year is compared cut
    the same way; a week's first day may lie up to six days before."""
    first = date.fromisoformat(day)
    week_start = max(first, date.min + timedelta(days=WEEK_DAYS)) - timedelta(days=WEEK_DAYS)
    return or_(
        and_(Incident.precision == "week", Incident.date >= week_start.isoformat()),
        and_(
            or_(Incident.precision.is_(None), Incident.precision != "week"),
            Incident.date >= func.substr(day, 1, func.length(Incident.date)),
        ),
    )


def _near(session: Session, q: Select, near: Near) -> Select:
    """Within the radius: a bounding box in SQL, then the exact distance on what it lets through."""
    lat0, lat1, lon0, lon1 = bbox(*near)
    boxed = session.execute(
        q.with_only_columns(Incident.id, Incident.lat, Incident.lon).where(
            Incident.lat.between(lat0, lat1), Incident.lon.between(lon0, lon1)
        )
    ).all()
    return q.where(
        Incident.id.in_(
            [
                i
                for i, la, lo in boxed  # BETWEEN lets no NULL through
                if la is not None and lo is not None and km(near[0], near[1], la, lo) <= near[2]
            ]
        )
    )


def text_matches(session: Session, words: str) -> list[int]:
    """Ids of the reports holding every word (SQLite FTS5 or PostgreSQL full text)."""
    terms = re.findall(r"\w+", words)
    if not terms:
        return []
    if session.get_bind().dialect.name == "sqlite":
        phrase = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return list(
            session.scalars(
                text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q"), {"q": phrase}
            )
        )
    return list(
        session.scalars(
            text(
                "SELECT id FROM documents WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) "
                "@@ plainto_tsquery('english', :q)"
            ),
            {"q": " ".join(terms)},
        )
    )


def incident_query(session: Session, f: Filters) -> Select:
    q = select(Incident.id)
    if f.type:
        q = q.where(
            or_(
                func.lower(Incident.type) == f.type.lower(),
                func.lower(Incident.sub_type) == f.type.lower(),
            )
        )
    if f.actor is not None:
        ids = [e.id for e in find_entities(session, f.actor, ("actor", "person"))]
        q = q.where(
            _told_by(
                select(ReportEvent.incident_id)
                .join(EventActor)
                .join(DocEntity)
                .where(DocEntity.entity_id.in_(ids))
            )
        )
    if f.place is not None:
        ids = [e.id for e in find_entities(session, f.place, ("place",))]
        q = q.where(
            _told_by(
                select(ReportEvent.incident_id)
                .join(DocEntity, ReportEvent.place_id == DocEntity.id)
                .where(DocEntity.entity_id.in_(ids))
            )
        )
    if f.since is not None:
        q = q.where(Incident.date.is_not(None), _since(f.since))
    if f.until is not None:
        q = q.where(
            Incident.date.is_not(None), Incident.date <= f.until
        )  # "2024-03" sorts before "2024-03-15"
    if f.grade is not None:
        q = q.where(
            _told_by(
                select(ReportEvent.incident_id)
                .join(Claim, ReportEvent.claim_id == Claim.id)
                .where(Claim.reliability <= f.grade)
            )
        )
    if f.q is not None:
        q = q.where(
            _told_by(
                select(ReportEvent.incident_id).where(
                    ReportEvent.document_id.in_(text_matches(session, f.q))
                )
            )
        )
    if f.near is not None:
        q = _near(session, q, f.near)
    return q


def newest_first(q: Select) -> Select:
    """Dated incidents newest first, undated last; ties by id, newest first."""
    return q.order_by(Incident.date.is_(None), Incident.date.desc(), Incident.id.desc())


def count(session: Session, q: Select) -> int:
    return session.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0


Box = tuple[float, float, float, float]  # south, west, north, east (west > east: across 180)


def within(q: Select, box: Box) -> Select:
    """Incidents inside a map's view; a view across the antimeridian is two boxes."""
    south, west, north, east = box
    lon = (
        Incident.lon.between(west, east)
        if west <= east
        else or_(Incident.lon >= west, Incident.lon <= east)
    )
    return q.where(Incident.lat.between(south, north), lon)


def spread(session: Session, q: Select, limit: int) -> list[int]:
    """At most ``limit`` of the query's dated incidents, taken evenly across their dates, so that
    a strip of a thousand dots still spans every date of ten thousand events."""
    rows = list(
        session.scalars(
            q.with_only_columns(Incident.id)
            .where(Incident.date.is_not(None))
            .order_by(Incident.date, Incident.id)
        )
    )
    if len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


def cell_degrees(zoom: int, pixels: int = 64) -> float:
    """The side, in degrees of longitude, of a square ``pixels`` wide on a web map at ``zoom``."""
    return 360.0 * pixels / (256 * 2**zoom)


def clusters(session: Session, f: Filters, zoom: int, box: Box | None) -> tuple[list[dict], int]:
    """The matching located incidents gathered into grid cells about 64 pixels wide at ``zoom``:
    per cell its count, its centre of mass, its extent and its commonest type. The database
    groups them, so the browser gets a few hundred rows whatever the KB holds."""
    side = cell_degrees(zoom)
    q = f.incidents(session).where(Incident.lat.is_not(None), Incident.lon.is_not(None))
    if box is not None:
        q = within(q, box)
    floor = (
        (lambda c: cast(c, Integer))  # positive values: a cast is a floor in SQLite
        if session.get_bind().dialect.name == "sqlite"
        else func.floor
    )
    gx, gy = floor((Incident.lon + 180) / side), floor((Incident.lat + 90) / side)
    rows = session.execute(
        select(
            gx.label("gx"),
            gy.label("gy"),
            Incident.type,
            func.count(),
            func.sum(Incident.lat),
            func.sum(Incident.lon),
            func.min(Incident.lat),
            func.min(Incident.lon),
            func.max(Incident.lat),
            func.max(Incident.lon),
        )
        .where(Incident.id.in_(q))
        .group_by(gx, gy, Incident.type)
    ).all()
    cells: dict[tuple[int, int], dict] = {}
    for x, y, kind, n, slat, slon, s, w, nn, e in rows:
        c = cells.setdefault(
            (x, y), {"count": 0, "lat": 0.0, "lon": 0.0, "types": {}, "bounds": [s, w, nn, e]}
        )
        c["count"] += n
        c["lat"] += slat
        c["lon"] += slon
        c["types"][kind] = n
        b = c["bounds"]
        c["bounds"] = [min(b[0], s), min(b[1], w), max(b[2], nn), max(b[3], e)]
    out = []
    for c in cells.values():
        c["lat"], c["lon"] = round(c["lat"] / c["count"], 5), round(c["lon"] / c["count"], 5)
        c["type"] = max(sorted(c["types"]), key=c["types"].get)
        out.append(c)
    out.sort(key=lambda c: -c["count"])
    return out, sum(c["count"] for c in out)
