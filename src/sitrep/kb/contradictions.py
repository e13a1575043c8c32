"""Where reports disagree: about one incident (fatalities, date, perpetrator, place, event type)
or about an actor's allegiance.

Only reports that say something on the point can contradict; silence is not disagreement, and
each report's own vagueness is respected: "at least 5" agrees with 7, "in March" with 12 March,
a province with a town inside it, a splinter group with its parent. Each contradiction names
the pairs of reports that disagree and, for each side, the value, the sentences that say it and
the sources with their grades.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from ..geodesy import km
from .cues import cues
from .incidents import (
    event_json,
    may_be_same,
    paragraph,
    period,
    sentence,
    unnamed,
)
from .models import (
    Claim,
    DocEntity,
    Document,
    Entity,
    EventActor,
    Incident,
    Relation,
    ReportEvent,
)


@dataclass
class Contradiction:
    about: str  # the field: fatalities, date, perpetrator, place, type or allegiance
    documents: list[str]  # the reports' own ids, aligned with values
    values: list[Any]
    event: int | None = None
    entity: int | None = None
    document_keys: list[int] = field(default_factory=list)  # KB row ids of the documents
    pairs: list[tuple[int, int]] = field(default_factory=list)  # indexes of documents that disagree
    sides: list[dict[str, Any]] = field(
        default_factory=list
    )  # per document: value, sentences, sources
    # Until ``told``: each side's document, evidence and how to show its value (sides unbuilt).
    pending: list[tuple[Document, list[Evidence], Callable[[Any], str]]] = field(
        default_factory=list, repr=False
    )

    def told(self, session: Session) -> Contradiction:
        """The sides built (sentences and graded sources), when ``find`` left them for later."""
        if self.pending:
            self.sides = [_side(session, doc, items, show) for doc, items, show in self.pending]
            self.pending = []
        return self

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "about": self.about,
            "field": self.about,
            "documents": self.documents,
            "values": self.values,
            "pairs": [list(p) for p in self.pairs],
            "sides": self.sides,
        }
        out["event" if self.event is not None else "entity"] = (
            self.event if self.event is not None else self.entity
        )
        return out


class Evidence(NamedTuple):
    """One value a report gives, with where it says it: offsets of the words and a claim, if any."""

    value: Hashable
    start: int
    end: int
    claim_id: int | None


PerDoc = dict[int, list[Evidence]]


# ---------------------------------------------------------------- fatalities


class Toll(NamedTuple):
    low: float
    high: float
    label: str
    revised: bool  # "the toll rose to": an update of earlier figures
    published: str


def _qualified(text: str, words: tuple[str, ...], best: int) -> bool:
    """Whether one of the words stands right before the figure in the text."""
    from ..events.numbers import parse_number

    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+([\w,.-]+(?:\s+[\w-]+)?)"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        head = m.group(1).rstrip(".,;:")
        if any(parse_number(c.rstrip(".,;:")) == best for c in (head, head.split()[0])):
            return True
    return False


def toll(r: ReportEvent, text: str) -> Toll | None:
    """The range a report's toll means: "at least 5" is 5 or more (unless the report says the
    count was revised to 5: then it is 5), "about 20" 16 to 24."""
    if not r.fatalities:
        return None  # a sentence naming no deaths says nothing about the toll
    best, published = r.fatalities, r.document.published or ""
    revised = _qualified(text, cues().revision, best)
    if r.fatalities_low is not None and r.fatalities_high is not None:
        return Toll(
            r.fatalities_low,
            r.fatalities_high,
            f"{r.fatalities_low}-{r.fatalities_high}",
            revised,
            published,
        )
    if r.fatalities_low is not None and not _qualified(
        r.document.text, cues().revision, r.fatalities_low
    ):
        return Toll(r.fatalities_low, math.inf, f"at least {r.fatalities_low}", revised, published)
    if _qualified(text, cues().approximate, best):
        return Toll(
            math.floor(best * 0.8), math.ceil(best * 1.2), f"about {best}", revised, published
        )
    return Toll(best, best, str(best), revised, published)


def tolls_agree(a: Toll, b: Toll) -> bool:
    """Overlapping ranges agree; so does a later report's revised, higher toll."""
    if a.low <= b.high and b.low <= a.high:
        return True
    later, earlier = (a, b) if a.published > b.published else (b, a)
    return later.revised and later.published > earlier.published and later.low > earlier.high


# ---------------------------------------------------------------- the other fields


class Day(NamedTuple):
    first: Any
    last: Any
    label: str


def _date(r: ReportEvent) -> Day | None:
    """An explicit date only: one inferred from the publication date says nothing. A night
    reaches into the next day, the small hours back into the day before (see incidents.yaml)."""
    told = event_json(r.document, r.local_id).get("date") or {}
    if told.get("inferred"):
        return None
    span = period(r.date, r.precision)
    if not span or r.date is None:
        return None
    first, last = span
    if r.precision == "day":
        words = _said_with(r.document.text, told.get("span") or {})
        night, small_hours = _night_words()
        last += timedelta(days=1) if night.search(words) else timedelta(0)
        first -= timedelta(days=1) if small_hours.search(words) else timedelta(0)
    return Day(first, last, r.date)


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of words or phrases, whole words only; none matches nothing."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)")


@cache
def _night_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """incidents.yaml's words of a night and of the small hours."""
    return _any_of(cues().night), _any_of(cues().small_hours)


def _said_with(text: str, span: dict) -> str:
    """The date's words and the few before them ("in the early hours of [Friday]")."""
    start, end = span.get("start"), span.get("end")
    if start is None or end is None:
        return ""
    return text[max(0, start - 25) : end].lower()


def _ancestors(key: str | None) -> set[str]:
    """A registry key and the umbrella groups above it."""
    from ..actors.registry import registry

    entries, out = registry().entries, set()
    while key and key not in out:
        out.add(key)
        key = entries[key].parent if key in entries else None
    return out


@cache
def _lineage(key: str | None) -> frozenset[str]:
    return frozenset(_ancestors(key))


NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _capitalised(word: str) -> bool:
    """Capitalised, or past a particle it is hyphenated to ("al-Sham")."""
    return any(part[:1].isupper() for part in word.split("-"))


def name_words(name: str) -> frozenset[str] | None:
    """The words of a group's proper name past its connectors ("Sons of the Eastern Ridge":
    sons, eastern, ridge), or None when the name is no proper name of two words or more: a
    lower-case description ("armed herders"), one word or an acronym, which tell too little to
    set two groups apart."""
    words = [re.sub(r"['’]s$", "", w) for w in NAME_WORD.findall(name)]
    content = [w for w in words if w.casefold() not in cues().name_connectors]
    if len(content) < 2 or not all(_capitalised(w) for w in content):
        return None
    return frozenset(w.casefold() for w in content)


def rival_names(a: Entity, b: Entity) -> bool:
    """Two non-state groups no registry knows, each by a proper name, with no word in common:
    two groups ("Ruzizi Popular Defence Front" and "Mutambala Youth Brigade"). A group the
    registry knows is compared by its key and parents instead; units of a state are one side."""
    kinds = cues().rival_types
    if a.id == b.id or a.registry_id is not None or b.registry_id is not None:
        return False
    if a.actor_type not in kinds or b.actor_type not in kinds:
        return False
    one, other = name_words(a.name), name_words(b.name)
    return bool(one and other and not one & other)


def _related(a: Entity, b: Entity, ties: set[frozenset[int]]) -> bool:
    """Aliases (one entity), a parent and its child group, or groups a report ties by allegiance;
    never two groups with unrelated proper names."""
    if frozenset((a.id, b.id)) in ties:
        return True
    if rival_names(a, b):
        return False
    if may_be_same(a, b):
        return True
    return bool(
        a.registry_id
        and b.registry_id
        and (a.registry_id in _lineage(b.registry_id) or b.registry_id in _lineage(a.registry_id))
    )


class Spot(NamedTuple):
    """An event's place, with the words of the paragraph that tells it."""

    entity: Entity
    said: str  # the place as the report names it
    paragraph: str


def _places_agree(a: Spot, b: Spot) -> bool:
    """Within the coarser place's tolerance, or each report also names the other's place: then
    the coordinates differ by a reading of the name, not by what the reports say."""
    tolerance = max(cues().tolerance(a.entity.feature), cues().tolerance(b.entity.feature))
    if a.entity.id == b.entity.id:
        return True
    # a Spot is only made for a place with coordinates (_read_place)
    lat1, lon1, lat2, lon2 = a.entity.lat, a.entity.lon, b.entity.lat, b.entity.lon
    if (
        lat1 is not None
        and lon1 is not None
        and lat2 is not None
        and lon2 is not None
        and km(lat1, lon1, lat2, lon2) <= tolerance
    ):
        return True
    return _names(a.said, b.paragraph) or _names(b.said, a.paragraph)


def _names(name: str, text: str) -> bool:
    return (
        bool(name) and re.search(r"\b" + re.escape(name) + r"\b", text, re.IGNORECASE) is not None
    )


# ------------------------------------------------ per field: values, agreement, display


@dataclass(frozen=True)
class Check:
    name: str
    read: Callable[[ReportEvent, str], list[tuple[Hashable, int, int]]]  # values with offsets
    agree: Callable[[Any, Any], bool]
    show: Callable[[Any], str]


def _trigger(r: ReportEvent) -> tuple[int, int]:
    return r.trigger_start, r.trigger_end


def _read_toll(r: ReportEvent, sentence: str) -> list[tuple[Hashable, int, int]]:
    t = toll(r, sentence)
    return [(t, *_trigger(r))] if t else []


def _read_date(r: ReportEvent, _: str) -> list[tuple[Hashable, int, int]]:
    d = _date(r)
    return [(d, *_trigger(r))] if d else []


def _named_at(r: ReportEvent, local_id: str) -> tuple[int, int] | None:
    """Where the report names an actor closest to the event's trigger, when that is outside the
    trigger's sentence ("... Officials blamed X"): the sentence an analyst must read."""
    lo, hi = sentence(r.document.text, r.trigger_start, r.trigger_end)
    spans = [
        (m["start"], m["end"])
        for m in r.document.analysis.get("mentions", [])
        if m.get("entity") == local_id
    ]
    if not spans or any(lo <= s and e <= hi for s, e in spans):
        return None
    return min(spans, key=lambda se: abs(se[0] - r.trigger_start))


def _read_perpetrator(r: ReportEvent, _: str) -> list[tuple[Hashable, int, int]]:
    out: list[tuple[Hashable, int, int]] = []
    for ea in r.actors:
        if ea.role != "actor1" or unnamed(ea.doc_entity.entity):
            continue
        out.append((ea.doc_entity.entity, *_trigger(r)))
        named = _named_at(r, ea.doc_entity.local_id)
        out += [(ea.doc_entity.entity, *named)] if named else []
    return out


def _read_place(r: ReportEvent, _: str) -> list[tuple[Hashable, int, int]]:
    if r.place is None:
        return []
    place = r.place.entity
    if place is None or place.lat is None:
        return []
    lo, hi = paragraph(r.document.text, r.trigger_start, r.trigger_end)
    return [(Spot(place, r.place.name, r.document.text[lo:hi]), *_trigger(r))]


def _read_manner(r: ReportEvent, _: str) -> list[tuple[Hashable, int, int]]:
    manner = cues().manners.get(r.sub_type)
    return [(f"{manner} ({r.sub_type})", *_trigger(r))] if manner else []


def checks(ties: set[frozenset[int]]) -> list[Check]:
    return [
        Check("fatalities", _read_toll, tolls_agree, lambda t: t.label),
        Check(
            "date",
            _read_date,
            lambda a, b: a.first <= b.last and b.first <= a.last,
            lambda d: d.label,
        ),
        Check(
            "perpetrator", _read_perpetrator, lambda a, b: _related(a, b, ties), lambda e: e.name
        ),
        Check("place", _read_place, _places_agree, lambda p: p.entity.name),
        Check("type", _read_manner, lambda a, b: a.split(" (")[0] == b.split(" (")[0], str),
    ]


# ---------------------------------------------------------------- sides and pairs


def _sources(session: Session, doc: Document, items: list[Evidence]) -> list[dict[str, Any]]:
    """Who says it, with the KB's grade: the event's claim, else claims around its words, else
    the outlet."""
    claims = list(
        session.scalars(select(Claim).where(Claim.document_id == doc.id).order_by(Claim.start))
    )
    found = [c for c in claims if any(c.id == e.claim_id for e in items)]
    found = found or [
        c for c in claims if any(c.start <= e.end and e.start <= c.end for e in items)
    ]
    out = [
        {
            "text": c.source_text,
            "type": c.source_type,
            "claim": c.local_id,
            "reliability": c.reliability,
            "credibility": c.credibility,
        }
        for c in found
    ]
    seen: set[tuple[object, object]] = set()
    unique = []
    for s in out:
        if (s["text"], s["claim"]) not in seen:
            seen.add((s["text"], s["claim"]))
            unique.append(s)
    return unique or [
        {
            "text": doc.outlet or doc.doc_id,
            "type": "media",
            "claim": None,
            "reliability": None,
            "credibility": None,
        }
    ]


def _shown(items: list[Evidence], show: Callable[[Any], str]) -> str:
    return " / ".join(sorted({show(e.value) for e in items}))


def _side(
    session: Session, doc: Document, items: list[Evidence], show: Callable[[Any], str]
) -> dict[str, Any]:
    spans = sorted({sentence(doc.text, e.start, e.end) for e in items})
    return {
        "document": doc.doc_id,
        "kb_document": doc.id,
        "outlet": doc.outlet,
        "published": doc.published,
        "value": _shown(items, show),
        "sentences": [{"start": s, "end": t, "text": doc.text[s:t]} for s, t in spans],
        "sources": _sources(session, doc, items),
    }


def _disagreeing(
    per_doc: PerDoc, keys: list[int], agree: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """Index pairs of reports none of whose values agree with any of the other's."""
    return [
        (i, j)
        for i, a in enumerate(keys)
        for j, b in enumerate(keys)
        if i < j and not any(agree(x.value, y.value) for x in per_doc[a] for y in per_doc[b])
    ]


def _emit(
    session: Session,
    about: str,
    per_doc: PerDoc,
    show: Callable[[Any], str],
    agree: Callable[[Any, Any], bool],
    sides: bool = True,
    **target: int,
) -> Contradiction | None:
    docs = {k: session.get_one(Document, k) for k in per_doc if per_doc[k]}
    keys = sorted(docs, key=lambda k: (docs[k].doc_id, k))
    pairs = _disagreeing(per_doc, keys, agree)
    involved = sorted({i for p in pairs for i in p})
    if not pairs:
        return None
    keep = [keys[i] for i in involved]
    index = {old: new for new, old in enumerate(involved)}
    found = Contradiction(
        about,
        [docs[k].doc_id for k in keep],
        [_shown(per_doc[k], show) for k in keep],
        document_keys=keep,
        pairs=[(index[i], index[j]) for i, j in pairs],
        event=target.get("event"),
        entity=target.get("entity"),
        pending=[(docs[k], per_doc[k], show) for k in keep],
    )
    return found.told(session) if sides else found


def incident_contradictions(
    session: Session, incident: Incident, ties: set[frozenset[int]], sides: bool = True
) -> list[Contradiction]:
    out = []
    for check in checks(ties):
        per_doc: PerDoc = defaultdict(list)
        for r in incident.reports:
            lo, hi = sentence(r.document.text, r.trigger_start, r.trigger_end)
            for value, start, end in check.read(r, r.document.text[lo:hi]):
                per_doc[r.document_id].append(Evidence(value, start, end, r.claim_id))
        if len(per_doc) > 1 and (
            found := _emit(
                session, check.name, per_doc, check.show, check.agree, sides, event=incident.id
            )
        ):
            out.append(found)
    return out


def _allegiances(session: Session) -> dict[int, PerDoc]:
    subject, obj = aliased(DocEntity), aliased(DocEntity)
    rows = session.execute(
        select(subject.entity_id, obj.entity_id, Relation.document_id, Relation.start, Relation.end)
        .join(subject, Relation.subject_id == subject.id)
        .join(obj, Relation.object_id == obj.id)
        .where(Relation.kind == "allegiance")
        .order_by(Relation.id)
    )
    per_subject: dict[int, PerDoc] = defaultdict(lambda: defaultdict(list))
    for subject_id, object_id, doc, start, end in rows:
        per_subject[subject_id][doc].append(Evidence(object_id, start, end, None))
    return per_subject


def allegiance_ties(session: Session) -> set[frozenset[int]]:
    """Entity pairs some report ties by allegiance: not rival perpetrators."""
    return {
        frozenset((s, cast(int, e.value)))  # an allegiance's value is an entity id
        for s, per_doc in _allegiances(session).items()
        for items in per_doc.values()
        for e in items
    }


def allegiance_contradictions(session: Session, sides: bool = True) -> list[Contradiction]:
    out = []
    for subject_id, per_doc in sorted(_allegiances(session).items()):
        if len(per_doc) < 2:
            continue
        ids = {e.value for items in per_doc.values() for e in items}
        names = {e.id: e.name for e in session.scalars(select(Entity).where(Entity.id.in_(ids)))}
        found = _emit(
            session,
            "allegiance",
            per_doc,
            names.__getitem__,
            lambda a, b: a == b,
            sides,
            entity=subject_id,
        )
        if found:
            out.append(found)
    return out


def find(
    session: Session, incident_ids: Iterable[int] | None = None, sides: bool = True
) -> list[Contradiction]:
    """Every contradiction in the KB (or among the given incidents), incidents first. With
    ``sides=False`` each side's sentences and sources wait for ``Contradiction.told``: a page
    builds them for the items it shows only."""
    query = (
        select(Incident)
        .join(ReportEvent)
        .group_by(Incident.id)
        .having(func.count(distinct(ReportEvent.document_id)) > 1)
        .options(
            selectinload(Incident.reports)
            .selectinload(ReportEvent.actors)
            .selectinload(EventActor.doc_entity)
        )
        .order_by(Incident.id)
    )
    if incident_ids is not None:
        query = query.where(Incident.id.in_(list(incident_ids)))
    ties = allegiance_ties(session)
    out = [
        c
        for inc in session.scalars(query)
        for c in incident_contradictions(session, inc, ties, sides)
    ]
    return out + (allegiance_contradictions(session, sides) if incident_ids is None else [])
