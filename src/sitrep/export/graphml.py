"""GraphML (networkx): actors, persons, places, events and documents as nodes, relations as edges."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

import networkx as nx

from .common import views


def _attrs(**kw: Any) -> dict[str, Any]:
    """GraphML takes only str, int, float and bool attributes: drop the empty ones."""
    return {k: v for k, v in kw.items() if v is not None and v != ""}


def build_graph(analyses: Iterable[dict[str, Any]]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for v in views(analyses):
        doc = f"document:{v.id}"
        g.add_node(
            doc,
            **_attrs(
                kind="document",
                label=v.document.get("title") or v.id,
                outlet=v.document.get("outlet"),
                published=v.document.get("published"),
            ),
        )
        for e in v.entities.values():
            key = v.key(e["id"])
            geo = e.get("geo") or {}
            if key not in g:
                g.add_node(
                    key,
                    **_attrs(
                        kind=e["kind"],
                        label=e["name"],
                        actor_type=e.get("actor_type"),
                        lat=geo.get("lat"),
                        lon=geo.get("lon"),
                        country=geo.get("country"),
                    ),
                )
            g.add_edge(doc, key, key=f"{doc}>{key}", relation="mentions")
            if e.get("affiliation"):
                g.add_edge(key, v.key(e["affiliation"]), relation="member_of", document=v.id)
        for ev in v.data.get("events", []):
            node = f"event:{v.event_key(ev)}"
            g.add_node(
                node,
                **_attrs(
                    kind="event",
                    label=f"{ev['sub_type']}: {ev['trigger']['text']}",
                    type=ev["type"],
                    sub_type=ev["sub_type"],
                    date=(ev.get("date") or {}).get("value"),
                    fatalities=(ev.get("fatalities") or {}).get("best"),
                ),
            )
            g.add_edge(doc, node, relation="reports")
            for x in ev.get("actors", []):
                if x["entity"] in v.entities:
                    g.add_edge(v.key(x["entity"]), node, relation=x["role"])
            if ev.get("place") in v.entities:
                g.add_edge(node, v.key(ev["place"]), relation="located_at")
        for route in v.data.get("routes", []):
            keys = [
                v.key(w["entity"]) for w in route.get("waypoints", []) if w["entity"] in v.entities
            ]
            for step, (a, b) in enumerate(zip(keys, keys[1:], strict=False), 1):
                g.add_edge(
                    a,
                    b,
                    **_attrs(
                        relation="route",
                        route=f"{v.id}:{route['id']}",
                        step=step,
                        what=route.get("what"),
                    ),
                )
    return g


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write("\n".join(nx.generate_graphml(build_graph(analyses))))
    out.write("\n")
