"""FollowTheMoney entities (JSON lines) for Aleph: people, organisations, events, places, memberships, articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from .common import DocView, views


def _article(v: DocView) -> EntityProxy:
    doc = v.document
    art = model.make_entity("Article")
    art.make_id("sitrep-document", v.id)
    art.add("title", doc.get("title") or v.id)
    art.add("bodyText", doc["text"])
    art.add("publisher", doc.get("outlet"))
    art.add("author", doc.get("byline"))
    art.add("publishedAt", doc.get("published"))
    art.add("sourceUrl", doc.get("url"))
    return art


def _entity(v: DocView, e: dict[str, Any], proof: EntityProxy) -> EntityProxy:
    geo = e.get("geo")
    if e["kind"] == "place":
        proxy = model.make_entity("Address")
        proxy.add("full", e["name"])
        if geo:
            proxy.add("latitude", str(geo["lat"]))
            proxy.add("longitude", str(geo["lon"]))
            proxy.add("country", (geo.get("country") or "").lower() or None)
    else:
        proxy = model.make_entity("Person" if e["kind"] == "person" else "Organization")
        proxy.add("name", e["name"])
        proxy.add("alias", [a for a in e.get("aliases", []) if a != e["name"]])
        if e.get("actor_type"):
            proxy.add("classification", e["actor_type"])
    proxy.make_id("sitrep-entity", v.key(e["id"]))
    proxy.add("wikidataId", (e.get("ids") or {}).get("wikidata"))
    proxy.add("proof", proof.id)
    proxy.add("sourceUrl", v.document.get("url"))
    return proxy


def entities(analyses: Iterable[dict[str, Any]]) -> Iterator[EntityProxy]:
    """Every entity once per document it appears in; Aleph merges fragments that share an id."""
    for v in views(analyses):
        art = _article(v)
        yield art
        made = {eid: _entity(v, e, art) for eid, e in v.entities.items()}
        yield from made.values()
        for eid, e in v.entities.items():
            org = made.get(e.get("affiliation") or "")
            if e["kind"] == "person" and org is not None and org.schema.name == "Organization":
                member = model.make_entity("Membership")
                member.make_id("sitrep-membership", made[eid].id, org.id)
                member.add("member", made[eid].id)
                member.add("organization", org.id)
                member.add("proof", art.id)
                yield member
        for ev in v.data.get("events", []):
            event = model.make_entity("Event")
            event.make_id("sitrep-event", v.event_key(ev))
            event.add("name", f"{ev['sub_type']}: {ev['trigger']['text']}")
            event.add("summary", ev["type"])
            event.add("date", (ev.get("date") or {}).get("value"))
            event.add(
                "involved",
                [made[x["entity"]].id for x in ev.get("actors", []) if x["entity"] in made],
            )
            place = made.get(ev.get("place") or "")
            if place is not None:
                event.add("addressEntity", place.id)
                event.add("location", place.first("full"))
            event.add("proof", art.id)
            event.add("sourceUrl", v.document.get("url"))
            yield event


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    for proxy in entities(analyses):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
