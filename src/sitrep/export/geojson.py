"""GeoJSON (RFC 7946): events as Points, routes as LineStrings in waypoint order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .common import actor_names, disputes, views


def _point(geo: dict[str, Any]) -> list[float]:
    return [round(geo["lon"], 6), round(geo["lat"], 6)]  # RFC 7946: longitude first


def feature_collection(analyses: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for v in views(analyses):
        doc = v.document
        for ev in v.data.get("events", []):
            place = v.entity(ev.get("place"))
            if not place or not place.get("geo"):
                continue
            claim = v.claim(ev.get("claim"))
            features.append(
                {
                    "type": "Feature",
                    "id": v.event_key(ev),
                    "geometry": {"type": "Point", "coordinates": _point(place["geo"])},
                    "properties": {
                        "kind": "event",
                        "type": ev["type"],
                        "sub_type": ev["sub_type"],
                        "date": (ev.get("date") or {}).get("value"),
                        "date_precision": (ev.get("date") or {}).get("precision"),
                        "actor1": actor_names(v, ev, "actor1"),
                        "actor2": actor_names(v, ev, "actor2"),
                        "place": place["name"],
                        "fatalities": (ev.get("fatalities") or {}).get("best"),
                        "trigger": ev["trigger"]["text"],
                        "document": v.id,
                        "outlet": doc.get("outlet"),
                        "claim": claim["text"] if claim else None,
                        "source": claim["source"]["text"] if claim else None,
                        "incident": ev.get("kb_incident"),
                        "contradictions": disputes(ev),
                    },
                }
            )
        for route in v.data.get("routes", []):
            stops = [(w, v.entity(w["entity"])) for w in route.get("waypoints", [])]
            located = [(w, e) for w, e in stops if e and e.get("geo")]
            if len(located) < 2:
                continue
            who = v.entity(route.get("who"))
            cost = route.get("cost")
            features.append(
                {
                    "type": "Feature",
                    "id": f"{v.id}:{route['id']}",
                    "geometry": {
                        "type": "LineString",
                        "coordinates": [_point(e["geo"]) for _, e in located],
                    },
                    "properties": {
                        "kind": "route",
                        "who": who["name"] if who else route.get("who_text"),
                        "what": route.get("what"),
                        "waypoints": [e["name"] for _, e in located],
                        "unresolved_waypoints": len(stops) - len(located),
                        "cost": f"{cost['amount']:g} {cost['currency']}"
                        + (f" per {cost['per']}" if cost.get("per") else "")
                        if cost
                        else None,
                        "document": v.id,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    json.dump(feature_collection(analyses), out, ensure_ascii=False, indent=1)
    out.write("\n")
