"""Report events that describe one real-world event become one incident.

Two reports tell the same incident when enough evidence agrees: the type family, the place
(within a distance that fits the place's kind), the date (within days, not exactly), the named
actors, the toll, and distinctive words and numbers around the trigger. No single field must
agree, so reports that disagree about the date, the toll, the perpetrator or the place still
meet, and their disagreement can be shown. Each link keeps its score and reasons in an
``IncidentLink`` that ``split`` undoes.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..actors.lexicon import lexicon
from ..actors.registry import generic_keys
from ..events.numbers import parse_number
from ..geodesy import km
from .cues import WEIGHTS, cues
from .models import (
    DocEntity,
    Document,
    Entity,
    Incident,
    IncidentLink,
    ReportEvent,
)

MERGEABLE = ("asserted", "alleged")
UNNAMED_TYPES = ("media", "civilians")  # an outlet or "residents" never shows two reports meet
# "BENI, Congo (Wire) – ": where the report was filed, not where it happened
DATELINE = re.compile(r"^[^\n–—]{0,80}?\s[–—]\s")
TOKEN = re.compile(r"[A-Z][\w'’-]*\w|\d[\w:.,]*")


def period(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date cut to its precision can mean."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")[:3]]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(
                parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1]
            )
        day = date(*parts)
    except ValueError:
        return None
    return (day, day + timedelta(days=6)) if precision == "week" else (day, day)


def gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two periods; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def may_be_same(a, b) -> bool:
    """Two actors that could be one: the same entity, or a group known to no registry ("soldiers")
    of a type the other shares. Named people are only ever themselves."""
    if a.id == b.id:
        return True
    if (
        a.kind != "actor"
        or b.kind != "actor"
        or (a.registry_id is not None and b.registry_id is not None)
    ):
        return False
    return a.actor_type is None or b.actor_type is None or a.actor_type == b.actor_type


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph holding a span."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, hi if hi >= 0 else len(text)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence around a span: from the last stop or line break to the next."""
    stops = ("\n", ". ", "! ", "? ")
    lo = max(text.rfind(s, 0, start) + 1 for s in stops)
    ends = [i + 1 for i in (text.find(s, end) for s in stops) if i >= 0]
    hi = min(ends, default=len(text))
    lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
    return lo, lo + len(text[lo:hi].rstrip())


def event_json(doc: Document, local_id: str) -> dict:
    return next((e for e in doc.analysis.get("events", []) if e.get("id") == local_id), {})


@dataclass(frozen=True)
class Telling:
    """What one report event says, in the terms linking compares."""

    id: int | None
    document_id: int
    type: str
    place: int | None  # KB entity id
    coords: tuple[float, float] | None
    tolerance: float
    period: tuple[date, date] | None
    day: bool  # an explicit date at day precision
    inferred: bool  # the date is the publication's, not the report's words
    actors: frozenset[int]
    targets: tuple  # the KB entities it says were hit (actor2), the outlet left out
    toll: int | None
    tokens: frozenset[str]
    core: frozenset[str]  # the tokens of the trigger's own sentence
    place_words: frozenset[str]  # tokens that name places: one name read as two spots is no dispute
    attackers: tuple = ()  # the KB entities it says acted (actor1), the outlet left out


@cache
def class_nouns() -> frozenset[str]:
    """The actors stage's nouns for a class of actor ("gunmen", "troops", "insurgents"), which a
    sentence's first word capitalises without making it a name."""
    lex = lexicon()
    return frozenset({n for c in lex.classes for n in (*c.nouns, *c.bare)}) | (
        lex.group_words - lex.group_verbs
    )


def unnamed(e: Entity) -> bool:
    """An actor no one is named by: "gunmen" or "militants" (a class of the registry, a lower-case
    name, or a class noun capitalised at a sentence's start), the outlet, "residents"."""
    return (
        e.name.islower()
        or e.actor_type in UNNAMED_TYPES
        or e.registry_id in generic_keys()
        or (e.kind == "actor" and e.registry_id is None and e.name.casefold() in class_nouns())
    )


def _named(entities: Iterable[Entity]) -> frozenset[int]:
    """KB ids of the actors and people named."""
    return frozenset(e.id for e in entities if e.id is not None and not unnamed(e))


def _paragraph_actors(
    doc: Document, ev: ReportEvent, locals_: dict[str, DocEntity]
) -> list[Entity]:
    """Actors and people the trigger's paragraph names, whatever role the event gave them."""
    lo, hi = paragraph(doc.text, ev.trigger_start, ev.trigger_end)
    ids = {
        m["entity"]
        for m in doc.analysis.get("mentions", [])
        if m.get("kind") in ("actor", "person") and lo <= m["start"] and m["end"] <= hi
    }
    return [locals_[i].entity for i in sorted(ids) if i in locals_]


def _in_role(ev: ReportEvent, role: str) -> tuple:
    return tuple(
        ea.doc_entity.entity
        for ea in ev.actors
        if ea.role == role and ea.doc_entity.entity.actor_type != "media"
    )


def may_be_victims(a, b) -> bool:
    """Two actors a report could mean by the same dead: ``may_be_same``, or a class of the same
    type as the other ("Local residents" and "Civilians", "militants" and a named group)."""
    return may_be_same(a, b) or (
        a.actor_type is not None and a.actor_type == b.actor_type and (unnamed(a) or unnamed(b))
    )


def other_targets(a: Telling, b: Telling) -> bool:
    """Both name whom it hit and no one could be the same: another attack. One report's attacker
    may be the other's target (a clash told from either side)."""

    def meet(xs: tuple, ys: tuple) -> bool:
        return any(may_be_victims(x, y) for x in xs for y in ys)

    return bool(a.targets and b.targets) and not (
        meet(a.targets, b.targets) or meet(a.targets, b.attackers) or meet(b.targets, a.attackers)
    )


def _tokens(doc: Document, span: tuple[int, int], names: list[str]) -> frozenset[str]:
    """Distinctive words and numbers of a passage past its dateline: capitalised words that no
    sentence starts with and that name no actor (actors count on their own), and numbers beyond
    days and years."""
    text, common = DATELINE.sub("", doc.text[span[0] : span[1]], count=1), cues().common_words
    named = {w.casefold() for n in names for w in TOKEN.findall(n)}
    out = set()
    for m in TOKEN.finditer(text):
        word, before = re.sub(r"['’]s$", "", m.group(0).rstrip(".,")), text[: m.start()].rstrip()
        if word[0].isdigit():
            if not word.isdigit() or 31 < int(word) < 1900 or int(word) > 2100:
                out.add(word)
        elif (
            before
            and before[-1] not in '.!?"“:–—-'
            and word not in common
            and word.casefold() not in named
            and parse_number(word) is None
        ):
            out.add(word.casefold())
    return frozenset(out)


def telling(session: Session, ev: ReportEvent) -> Telling:
    doc = session.get_one(Document, ev.document_id)
    place = ev.place.entity if ev.place is not None else None
    coords = (
        (place.lat, place.lon)
        if place is not None and place.lat is not None and place.lon is not None
        else None
    )
    locals_ = {
        de.local_id: de
        for de in session.scalars(select(DocEntity).where(DocEntity.document_id == doc.id))
    }
    names = [
        n for de in locals_.values() if de.kind != "place" for n in [de.name, *(de.aliases or [])]
    ]
    tokens = _tokens(doc, paragraph(doc.text, ev.trigger_start, ev.trigger_end), names)
    core = _tokens(doc, sentence(doc.text, ev.trigger_start, ev.trigger_end), names)
    places = {
        w.casefold()
        for de in locals_.values()
        if de.kind == "place"
        for w in TOKEN.findall(de.name)
    }
    actors = _named(
        [ea.doc_entity.entity for ea in ev.actors] + _paragraph_actors(doc, ev, locals_)
    )
    toll = ev.fatalities if ev.fatalities else None
    return Telling(
        ev.id,
        ev.document_id,
        ev.type,
        place.id if place is not None else None,
        coords,
        cues().tolerance(place.feature if place is not None else None),
        period(ev.date, ev.precision),
        ev.precision == "day",
        bool((event_json(doc, ev.local_id).get("date") or {}).get("inferred")),
        actors,
        _in_role(ev, "actor2"),
        toll,
        tokens,
        core,
        tokens & places,
        _in_role(ev, "actor1"),
    )


Points = tuple[float, str]


def _date_points(a: Telling, b: Telling) -> Points | None:
    """None when the dates are beyond the window: two incidents."""
    w = WEIGHTS
    if a.period is None or b.period is None:
        return None
    gap = gap_days(a.period, b.period)
    if gap > w.window_days:
        return None
    if a.inferred or b.inferred:  # a publication day: a news cycle at best
        return (w.inferred_same_day if gap == 0 else 0.0), f"date inferred, {gap} days apart"
    if a.day and b.day and gap <= 1:
        return (w.same_day, "same day") if gap == 0 else (w.next_day, "a day apart")
    if gap == 0:
        return w.period_overlap, "dates overlap"
    return (w.days_apart if gap > 3 else 0.0), f"{gap} days apart"


def _place_points(a: Telling, b: Telling) -> Points:
    w = WEIGHTS
    if a.coords is None or b.coords is None:
        if a.place is not None and a.place == b.place:  # one name, no gazetteer placed it
            return w.unplaced_place, "same unplaced place"
        return 0.0, ""
    tolerance, d = max(a.tolerance, b.tolerance), km(*a.coords, *b.coords)
    if tolerance == float("inf"):
        return 0.0, ""
    if d <= tolerance or a.place == b.place:
        if tolerance > w.point_km:
            return w.same_area, "same area"
        return (
            (w.same_place, "same place")
            if a.place == b.place
            else (w.near_place, f"places {d:.0f} km apart")
        )
    if d > w.misread_km and a.place_words & b.place_words:
        return 0.0, f"places {d:.0f} km apart, named alike"
    return (w.far_place if d > w.far_factor * tolerance else 0.0), f"places {d:.0f} km apart"


def _shared_points(a: Telling, b: Telling) -> list[Points]:
    w = WEIGHTS
    shared = (a.tokens & b.tokens) - a.place_words - b.place_words  # places count on their own
    actors, tokens = len(a.actors & b.actors), sorted(shared)[: w.max_tokens]
    core = sorted(shared & a.core & b.core)[: w.max_core]
    out = [(w.same_type, "same type") if a.type == b.type else (0.0, "")]
    out.append(
        (w.shared_actor * min(actors, w.max_actors), f"{actors} shared actor(s)")
        if actors
        else (0.0, "")
    )
    if other_targets(a, b):
        out.append((w.other_targets, "different targets"))
    out.append((w.same_toll, f"same toll {a.toll}") if a.toll and a.toll == b.toll else (0.0, ""))
    out.append(
        (w.shared_token * len(tokens), "shared words " + ", ".join(tokens)) if tokens else (0.0, "")
    )
    out.append(
        (w.core_token * len(core), "in both sentences " + ", ".join(core)) if core else (0.0, "")
    )
    return out


def compare(a: Telling, b: Telling) -> tuple[float, list[str]] | None:
    """How strongly two report events tell one incident, with the reasons; None when they cannot.

    A link needs, besides the score, one specific agreement: a spot (not a whole province), a
    named actor, a toll, or a distinctive word; a day and a province are shared by many incidents.
    """
    family = cues().family(a.type)
    if family < 0 or family != cues().family(b.type) or a.period is None or b.period is None:
        return None
    when = _date_points(a, b)
    if when is None:
        return None
    where = _place_points(a, b)
    parts = [when, where, *_shared_points(a, b)]
    specific = where[0] > WEIGHTS.same_area or any(p > 0 for p, _ in parts[3:])
    if not specific:
        return None
    return sum(p for p, _ in parts), [r for _, r in parts if r]


def _candidates(session: Session, span: tuple[date, date]) -> list[Incident]:
    lo, hi = (
        span[0] - timedelta(days=WEIGHTS.window_days),
        span[1] + timedelta(days=WEIGHTS.window_days),
    )
    months, day = set(), lo.replace(day=1)
    while day <= hi:  # a date told to the month ("2024-03") is in the window if its month is
        months.add(day.isoformat()[:7])
        day = (day + timedelta(days=32)).replace(day=1)
    told = select(ReportEvent.incident_id).where(
        or_(
            ReportEvent.date.between(lo.isoformat(), hi.isoformat()),
            ReportEvent.date.in_(months | {str(lo.year), str(hi.year)}),
        )
    )
    return list(
        session.scalars(
            select(Incident)
            .where(Incident.mergeable.is_(True), Incident.id.in_(told))
            .order_by(Incident.id)
            # their reports in one query; the actors load only for the few that pass _may_match
            .options(selectinload(Incident.reports))
        )
    )


def _may_match(a: Telling, r: ReportEvent) -> bool:
    """``compare``'s first tests (type family, date window) on a stored event's own columns, so
    that the telling, which reads its report, is built only for events that could match."""
    family = cues().family(a.type)
    when = period(r.date, r.precision)
    return (
        family >= 0
        and family == cues().family(r.type)
        and a.period is not None
        and when is not None
        and gap_days(a.period, when) <= WEIGHTS.window_days
    )


def best_match(
    session: Session, ev: ReportEvent
) -> tuple[Incident, ReportEvent, float, list[str]] | None:
    """The incident another report tells that scores highest with this event, if above the
    threshold."""
    t = telling(session, ev)
    if t.period is None:
        return None
    best = None
    for inc in _candidates(session, t.period):
        for r in inc.reports:
            if r.document_id == ev.document_id or r.id == ev.id or not _may_match(t, r):
                continue
            found = compare(t, telling(session, r))
            if found and found[0] >= WEIGHTS.threshold and (best is None or found[0] > best[2]):
                best = (inc, r, found[0], found[1])
    return best


def _new_incident(ev: ReportEvent, mergeable: bool) -> Incident:
    place = ev.place.entity if ev.place is not None else None
    return Incident(
        type=ev.type,
        sub_type=ev.sub_type,
        date=ev.date,
        precision=ev.precision,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        mergeable=mergeable,
    )


def _finer(a: str | None, b: str | None) -> bool:
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return order.get(a or "", 9) < order.get(b or "", 9)


def assign(session: Session, ev: ReportEvent) -> Incident:
    """Put a newly stored report event into the incident it tells, or a new one."""
    with session.no_autoflush:  # ev is still pending without its incident
        mergeable = ev.modality in MERGEABLE and ev.date is not None
        match = best_match(session, ev) if mergeable else None
        if match is None:
            incident = _new_incident(ev, mergeable)
            session.add(incident)
        else:
            incident = match[0]
            if incident.lat is None and incident.lon is None and ev.place is not None:
                incident.lat, incident.lon = ev.place.entity.lat, ev.place.entity.lon
            if _finer(ev.precision, incident.precision):
                incident.date, incident.precision = ev.date, ev.precision
        ev.incident = incident
    session.flush()
    if match is not None:
        session.add(
            IncidentLink(
                report_event_id=ev.id,
                incident_id=incident.id,
                matched_id=match[1].id,
                score=round(match[2], 3),
                reasons=match[3],
            )
        )
    return incident


def split(session: Session, link_id: int) -> Incident:
    """Undo one link: the report event moves to a new incident of its own."""
    link = session.get(IncidentLink, link_id)
    if link is None:
        raise LookupError(f"no incident link {link_id}")
    if link.undone_at is not None:
        raise ValueError(
            f"incident link {link_id} was already undone (split to incident {link.split_to})"
        )
    ev = session.get_one(ReportEvent, link.report_event_id)
    incident = _new_incident(ev, mergeable=True)
    session.add(incident)
    ev.incident = incident
    session.flush()
    link.undone_at = datetime.now(timezone.utc)
    link.split_to = incident.id
    return incident
