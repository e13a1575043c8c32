"""The event filters of ``sitrep events``, applied to analyses read from a file (``--from``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..geodesy import km
from .common import fold


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    place: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: str | None = None
    until: str | None = None
    type: str | None = None

    @property
    def active(self) -> bool:
        return any(
            v is not None
            for v in (self.actor, self.place, self.near, self.since, self.until, self.type)
        )


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """'LAT,LON,KM' as three floats; ValueError with the reason otherwise."""
    if not value:
        return None
    parts = value.split(",")
    if len(parts) != 3:
        raise ValueError(f"--near takes LAT,LON,KM, got {value!r}")
    lat, lon, radius = (float(p) for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and radius > 0):
        raise ValueError(f"--near out of range: {value!r}")
    return lat, lon, radius


def _names(entity: dict[str, Any] | None) -> list[str]:
    return [fold(n) for n in ([entity["name"], *entity.get("aliases", [])] if entity else [])]


def matches(f: EventFilter, event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> bool:
    if f.type and fold(f.type) not in (fold(event["type"]), fold(event["sub_type"])):
        return False
    date: str = (event.get("date") or {}).get("value") or ""
    if (f.since or f.until) and not date:
        return False
    if f.since and date < f.since[: len(date)]:
        return False
    if f.until and date > f.until[: len(date)]:
        return False
    if f.actor and not any(
        fold(f.actor) in n
        for x in event.get("actors", [])
        for n in _names(entities.get(x["entity"]))
    ):
        return False
    place = entities.get(event.get("place") or "")
    if f.place and not any(fold(f.place) in n for n in _names(place)):
        return False
    if f.near:
        geo = (place or {}).get("geo")
        if not geo or km(f.near[0], f.near[1], geo["lat"], geo["lon"]) > f.near[2]:
            return False
    return True


def filter_analyses(analyses: Iterable[dict[str, Any]], f: EventFilter) -> Iterator[dict[str, Any]]:
    """Analyses keeping only matching events; with a filter set, documents with none are left out."""
    for a in analyses:
        if not f.active:
            yield a
            continue
        entities = {e["id"]: e for e in a.get("entities", [])}
        kept = [ev for ev in a.get("events", []) if matches(f, ev, entities)]
        if kept:
            yield {**a, "events": kept}
