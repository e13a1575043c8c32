"""Where reports disagree: about one incident (perpetrator, fatalities, date, place) or about
an actor's allegiance. Only reports that say something on the point can contradict; silence
is not disagreement.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from ..geodesy import km
from .incidents import may_be_same
from .models import DocEntity, Document, Entity, EventActor, Incident, Relation, ReportEvent

AREA_FEATURES = ("ADM", "PCL", "RGN", "district", "province", "region", "country", "governorate")
PLACE_SLACK_KM = 3.0  # two named spots closer than this are one place told two ways


@dataclass
class Contradiction:
    about: str
    documents: list[str]  # the reports' own ids, aligned with values
    values: list[Any]
    event: int | None = None
    entity: int | None = None
    document_keys: list[int] = field(default_factory=list)  # KB row ids of the documents

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"about": self.about, "documents": self.documents, "values": self.values}
        out["event" if self.event is not None else "entity"] = self.event if self.event is not None else self.entity
        return out


def _disagree(per_doc: dict[int, set[Hashable]], overlap: Callable[[Hashable, Hashable], bool]) -> bool:
    """True when two reports hold values none of which agree with any of the other's."""
    docs = [v for v in per_doc.values() if v]
    return any(not any(overlap(x, y) for x in a for y in b) for i, a in enumerate(docs) for b in docs[i + 1:])


def _emit(about: str, per_doc: dict[int, set[Hashable]], docs: dict[int, Document], show: Callable[[set], Any],
          **target: int) -> Contradiction:
    keys = sorted((k for k, v in per_doc.items() if v), key=lambda k: (docs[k].doc_id, k))
    return Contradiction(about, [docs[k].doc_id for k in keys], [show(per_doc[k]) for k in keys], document_keys=keys, **target)


def _is_area(feature: str | None) -> bool:
    return feature is None or feature.startswith(AREA_FEATURES)


def incident_contradictions(incident: Incident) -> list[Contradiction]:
    by_doc: dict[int, list[ReportEvent]] = defaultdict(list)
    for r in incident.reports:
        by_doc[r.document_id].append(r)
    if len(by_doc) < 2:
        return []
    docs = {r.document_id: r.document for r in incident.reports}
    out = []

    perpetrators = {d: {ea.doc_entity.entity for r in rs for ea in r.actors if ea.role == "actor1"} for d, rs in by_doc.items()}
    if _disagree(perpetrators, may_be_same):
        out.append(_emit("perpetrator", perpetrators, docs, lambda v: " / ".join(sorted(e.name for e in v)), event=incident.id))

    tolls = {d: {(r.fatalities_low if r.fatalities_low is not None else r.fatalities,
                  r.fatalities_high if r.fatalities_high is not None else r.fatalities) for r in rs if r.fatalities is not None}
             for d, rs in by_doc.items()}
    if _disagree(tolls, lambda a, b: a[0] <= b[1] and b[0] <= a[1]):
        out.append(_emit("fatalities", tolls, docs, lambda v: "/".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in sorted(v)),
                         event=incident.id))

    days = {d: {r.date for r in rs if r.precision == "day" and r.date} for d, rs in by_doc.items()}
    if _disagree(days, lambda a, b: a == b):
        out.append(_emit("date", days, docs, lambda v: "/".join(sorted(v)), event=incident.id))

    spots = {d: {r.place.entity for r in rs if r.place is not None and not _is_area(r.place.entity.feature)
                 and r.place.entity.lat is not None} for d, rs in by_doc.items()}
    if _disagree(spots, lambda a, b: a.id == b.id or km(a.lat, a.lon, b.lat, b.lon) <= PLACE_SLACK_KM):
        out.append(_emit("place", spots, docs, lambda v: " / ".join(sorted(e.name for e in v)), event=incident.id))
    return out


def allegiance_contradictions(session: Session) -> list[Contradiction]:
    subject, obj = aliased(DocEntity), aliased(DocEntity)
    rows = session.execute(select(subject.entity_id, obj.entity_id, Relation.document_id)
                           .join(subject, Relation.subject_id == subject.id).join(obj, Relation.object_id == obj.id)
                           .where(Relation.kind == "allegiance"))
    per_subject: dict[int, dict[int, set[Hashable]]] = defaultdict(lambda: defaultdict(set))
    for subject_id, object_id, doc in rows:
        per_subject[subject_id][doc].add(object_id)
    out = []
    for subject_id, per_doc in sorted(per_subject.items()):
        if len(per_doc) > 1 and _disagree(per_doc, lambda a, b: a == b):
            docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(per_doc)))}
            names = {e.id: e.name for e in session.scalars(select(Entity).where(Entity.id.in_(set().union(*per_doc.values()))))}
            out.append(_emit("allegiance", per_doc, docs, lambda ids: " / ".join(sorted(names[i] for i in ids)), entity=subject_id))
    return out


def find(session: Session, incident_ids: Iterable[int] | None = None) -> list[Contradiction]:
    """Every contradiction in the KB (or among the given incidents), incidents first."""
    query = (select(Incident).join(ReportEvent).group_by(Incident.id)
             .having(func.count(distinct(ReportEvent.document_id)) > 1)
             .options(selectinload(Incident.reports).selectinload(ReportEvent.actors).selectinload(EventActor.doc_entity))
             .order_by(Incident.id))
    if incident_ids is not None:
        query = query.where(Incident.id.in_(list(incident_ids)))
    out = [c for inc in session.scalars(query) for c in incident_contradictions(inc)]
    return out + (allegiance_contradictions(session) if incident_ids is None else [])
