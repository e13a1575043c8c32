"""STIX 2.1 bundles (OASIS stix2) for OpenCTI and MISP.

Ids are UUIDv5s of stable keys and timestamps come from the reports' own dates, so the same
knowledge exported twice is byte-identical and a re-import merges instead of duplicating.
STIX has no event object, so events travel as ``x-sitrep-event`` through an extension-definition.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

import stix2
from stix2.properties import (
    FloatProperty,
    IntegerProperty,
    ListProperty,
    ReferenceProperty,
    StringProperty,
)

from .. import __version__
from .common import DocView, disputes, stable_uuid, views

EPOCH = "1970-01-01T00:00:00Z"
PRODUCER_ID = f"identity--{stable_uuid('sitrep', 'producer')}"
EXTENSION_ID = f"extension-definition--{stable_uuid('sitrep', 'event-extension')}"
THREAT_ACTOR_TYPES = {
    "armed_group": ["unknown"],
    "militia": ["unknown"],
    "criminal_network": ["crime-syndicate"],
}
# STIX 2.1 spec, appendix on confidence scales: Admiralty credibility 1-5 to 0-100 (6 cannot be judged).
CREDIBILITY_TO_CONFIDENCE: dict[int | None, int] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
# MISP's admiralty-scale taxonomy labels for source reliability.
MISP_RELIABILITY: dict[str | None, str] = {
    "A": 'admiralty-scale:source-reliability="a"',
    "B": 'admiralty-scale:source-reliability="b"',
    "C": 'admiralty-scale:source-reliability="c"',
    "D": 'admiralty-scale:source-reliability="d"',
    "E": 'admiralty-scale:source-reliability="e"',
    "F": 'admiralty-scale:source-reliability="f"',
}


@stix2.v21.CustomObject(
    "x-sitrep-event",
    [
        ("name", StringProperty(required=True)),
        ("event_type", StringProperty(required=True)),
        ("sub_event_type", StringProperty(required=True)),
        ("plover", StringProperty()),
        ("event_date", StringProperty()),
        ("date_precision", StringProperty()),
        ("fatalities", IntegerProperty()),
        ("modality", StringProperty()),
        ("trigger", StringProperty()),
        ("trigger_start", IntegerProperty()),
        ("trigger_end", IntegerProperty()),
        ("location_ref", ReferenceProperty(valid_types=["location"], spec_version="2.1")),
        (
            "actor_refs",
            ListProperty(
                ReferenceProperty(valid_types=["threat-actor", "identity"], spec_version="2.1")
            ),
        ),
        ("x_confidence", FloatProperty()),
    ],
    extension_name=EXTENSION_ID,
)
class SitrepEvent:
    """A report-level event in ACLED terms."""


def _time(date: str | None) -> str:
    return (
        f"{date[:10]}T00:00:00Z"
        if date and len(date) >= 10
        else (f"{date[:4]}-01-01T00:00:00Z" if date else EPOCH)
    )


def _sid(kind: str, *key: object) -> str:
    return f"{kind}--{stable_uuid(kind, *key)}"


class _Builder:
    def __init__(self) -> None:
        self.objects: dict[str, Any] = {}
        producer = stix2.Identity(
            id=PRODUCER_ID, name="sitrep", identity_class="system", created=EPOCH, modified=EPOCH
        )
        self.add(producer)
        self.add(
            stix2.ExtensionDefinition(
                id=EXTENSION_ID,
                created_by_ref=PRODUCER_ID,
                created=EPOCH,
                modified=EPOCH,
                name="sitrep event",
                description="A report-level event typed the way ACLED types them, with its trigger's offsets.",
                schema="https://sitrep.invalid/schema/x-sitrep-event",
                version=__version__,
                extension_types=["new-sdo"],
            )
        )

    def add(self, obj: Any) -> str:
        self.objects.setdefault(obj.id, obj)
        return obj.id

    def entity(self, v: DocView, e: dict[str, Any], created: str) -> str:
        key, name = v.key(e["id"]), e["name"]
        aliases = sorted({a for a in e.get("aliases", []) if a != name})
        if e["kind"] == "place":
            geo = e.get("geo")
            if not geo:
                return self.add(
                    stix2.Location(
                        id=_sid("location", key),
                        name=name,
                        created=created,
                        modified=created,
                        region="unknown",
                        allow_custom=True,
                    )
                )
            return self.add(
                stix2.Location(
                    id=_sid("location", key),
                    name=name,
                    latitude=geo["lat"],
                    longitude=geo["lon"],
                    country=geo.get("country") or None,
                    created=created,
                    modified=created,
                )
            )
        if e["kind"] == "actor" and e.get("actor_type") in THREAT_ACTOR_TYPES:
            return self.add(
                stix2.ThreatActor(
                    id=_sid("threat-actor", key),
                    name=name,
                    aliases=aliases or None,
                    threat_actor_types=THREAT_ACTOR_TYPES[e["actor_type"]],
                    created=created,
                    modified=created,
                )
            )
        identity_class = (
            "individual"
            if e["kind"] == "person"
            else "organization"
            if e.get("actor_type")
            else "group"
        )
        return self.add(
            stix2.Identity(
                id=_sid("identity", key),
                name=name,
                identity_class=identity_class,
                description=e.get("actor_type") or e.get("role") or None,
                created=created,
                modified=created,
            )
        )

    def relationship(self, kind: str, source: str, target: str, created: str, doc: str) -> str:
        return self.add(
            stix2.Relationship(
                id=_sid("relationship", kind, source, target),
                relationship_type=kind,
                source_ref=source,
                target_ref=target,
                created=created,
                modified=created,
                description=f"from {doc}",
            )
        )


def bundle(analyses: Iterable[dict[str, Any]]) -> stix2.Bundle:
    b = _Builder()
    for v in views(analyses):
        created = _time(v.document.get("published"))
        refs: list[str] = []
        outlet = v.document.get("outlet")
        if outlet:
            refs.append(
                b.add(
                    stix2.Identity(
                        id=_sid("identity", "outlet", outlet),
                        name=outlet,
                        identity_class="organization",
                        description="news outlet",
                        created=EPOCH,
                        modified=EPOCH,
                    )
                )
            )
        ids = {eid: b.entity(v, e, EPOCH) for eid, e in v.entities.items()}
        refs += ids.values()
        for eid, e in v.entities.items():
            if e.get("affiliation") in ids:
                refs.append(
                    b.relationship("related-to", ids[eid], ids[e["affiliation"]], EPOCH, v.id)
                )
        for ev in v.data.get("events", []):
            refs += _event(b, v, ev, ids, created)
        for claim in v.data.get("claims", []):
            refs.append(_note(b, v, claim, ids, created))
        report = stix2.Report(
            id=_sid("report", v.id),
            name=v.document.get("title") or v.id,
            published=created,
            created=created,
            modified=created,
            report_types=["threat-report"],
            description=v.document["text"][:500],
            object_refs=sorted(set(refs)),
            external_references=[{"source_name": outlet or "sitrep", "url": v.document["url"]}]
            if v.document.get("url")
            else None,
            allow_custom=True,
        )
        b.add(report)
    return stix2.Bundle(
        objects=list(b.objects.values()), id=_sid("bundle", *sorted(b.objects)), allow_custom=True
    )


def _event(
    b: _Builder, v: DocView, ev: dict[str, Any], ids: dict[str, str], created: str
) -> list[str]:
    place = ids.get(ev.get("place") or "")
    place_is_located = (
        place is not None
        and place.startswith("location--")
        and (v.entity(ev["place"]) or {}).get("geo")
    )
    actors = [
        ids[x["entity"]]
        for x in ev.get("actors", [])
        if x["entity"] in ids and not ids[x["entity"]].startswith("location--")
    ]
    # the fields come from @CustomObject, which mypy cannot see
    obj: Any = SitrepEvent(  # type: ignore[call-arg]
        id=_sid("x-sitrep-event", v.event_key(ev)),
        created=created,
        modified=created,
        name=f"{ev['sub_type']}: {ev['trigger']['text']}",
        event_type=ev["type"],
        sub_event_type=ev["sub_type"],
        plover=ev.get("plover"),
        event_date=(ev.get("date") or {}).get("value"),
        date_precision=(ev.get("date") or {}).get("precision"),
        fatalities=(ev.get("fatalities") or {}).get("best"),
        modality=ev.get("modality"),
        trigger=ev["trigger"]["text"],
        trigger_start=ev["trigger"]["start"],
        trigger_end=ev["trigger"]["end"],
        location_ref=place if place_is_located else None,
        actor_refs=actors or None,
        x_confidence=ev["confidence"],
    )
    refs = [b.add(obj), *_disputes(b, v, ev, obj.id, created)]
    roles = {x["role"]: ids.get(x["entity"]) for x in ev.get("actors", [])}
    agent, victim = roles.get("actor1"), roles.get("actor2")
    if agent and agent.startswith("threat-actor--"):
        if victim and victim.startswith(("identity--", "location--")):
            refs.append(b.relationship("targets", agent, victim, created, v.id))
        if place_is_located and place is not None:
            refs.append(b.relationship("located-at", agent, place, created, v.id))
            refs.append(
                b.add(
                    stix2.Sighting(
                        id=_sid("sighting", v.event_key(ev)),
                        sighting_of_ref=agent,
                        where_sighted_refs=[place],
                        first_seen=created,
                        created=created,
                        modified=created,
                        description=ev["trigger"]["text"],
                    )
                )
            )
    return refs


def _disputes(
    b: _Builder, v: DocView, ev: dict[str, Any], event_id: str, created: str
) -> list[str]:
    """Each contradiction other reports raise against this event: a note saying what each side
    says, and this report's opinion-free record that it is disputed."""
    refs = []
    for c, words in zip(ev.get("contradictions") or [], disputes(ev), strict=False):
        refs.append(
            b.add(
                stix2.Note(
                    id=_sid("note", v.event_key(ev), "contradiction", c["field"]),
                    created=created,
                    modified=created,
                    abstract=f"contradiction: {c['field']}",
                    content=words,
                    authors=["sitrep"],
                    object_refs=[event_id],
                    labels=["contradiction", f"field:{c['field']}"],
                    allow_custom=True,
                )
            )
        )
        refs.append(
            b.add(
                stix2.Opinion(
                    id=_sid("opinion", v.event_key(ev), "contradiction", c["field"]),
                    created=created,
                    modified=created,
                    opinion="disagree",
                    explanation=words,
                    authors=[d["document"] for d in c.get("disputed_by", [])] or None,
                    object_refs=[event_id],
                    allow_custom=True,
                )
            )
        )
    return refs


def _note(b: _Builder, v: DocView, claim: dict[str, Any], ids: dict[str, str], created: str) -> str:
    source = claim["source"]
    inside = {
        m["entity"]
        for m in v.data.get("mentions", [])
        if claim["start"] <= m["start"] and m["end"] <= claim["end"]
    }
    refs = sorted({ids[e] for e in inside if e in ids}) or [_sid("report", v.id)]
    reliability = claim.get("reliability")
    return b.add(
        stix2.Note(
            id=_sid("note", v.id, claim["id"]),
            created=created,
            modified=created,
            abstract=f"claim from {source['text']}",
            content=claim["text"],
            authors=[source["text"]],
            object_refs=refs,
            confidence=CREDIBILITY_TO_CONFIDENCE.get(claim.get("credibility")),
            labels=[f"source-type:{source['type']}"]
            + ([MISP_RELIABILITY[reliability]] if reliability in MISP_RELIABILITY else []),
            x_sitrep_reliability=MISP_RELIABILITY.get(reliability),
            x_sitrep_credibility=claim.get("credibility"),
            x_sitrep_offsets=[claim["start"], claim["end"]],
            allow_custom=True,
        )
    )


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write(bundle(analyses).serialize(pretty=True))
    out.write("\n")
