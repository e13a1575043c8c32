"""What incident linking and comparison read (``data/incidents.yaml``), and their weights.

The word lists and tolerances are data beside the stage; the weights that turn evidence into a
link score are one typed, frozen config, each value with where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..lexicons import parse_yaml

DATA = "data/incidents.yaml"


@dataclass(frozen=True)
class LinkWeights:
    """Points each kind of evidence adds when a report event is compared with another report's."""

    same_type: float = 1.0  # one ACLED type: weak alone, many events share it
    same_place: float = 2.0  # the very place (one KB entity): strong, as in ACLED's own dedup
    near_place: float = 1.5  # within the place kind's tolerance
    # one KB place by name, no coordinates: a spot named alike, as near_place (it was worth
    # nothing: less than the same name would give were it no place at all)
    unplaced_place: float = 1.5
    same_area: float = 0.5  # one district or province: many incidents share it
    point_km: float = 25.0  # tolerances up to this are a spot (a town), beyond it an area
    far_place: float = -1.5  # beyond three tolerances: told elsewhere (a place dispute needs more)
    same_day: float = 1.5  # one day, both at day precision
    next_day: float = 1.0  # a day apart: overnight events, a date resolved a day off
    days_apart: float = -1.0  # four to seven days apart: a date dispute needs more evidence
    period_overlap: float = 0.5  # coarser dates that overlap
    inferred_same_day: float = (
        0.5  # a date taken from publication on the other's day: one news cycle
    )
    shared_actor: float = 1.5  # each named actor both reports involve, at most two
    other_targets: float = (
        -2.0
    )  # both name whom it hit and no one could be the same: another attack
    same_toll: float = 1.0  # one positive toll
    shared_token: float = 0.5  # each distinctive word or number both paragraphs hold, at most three
    threshold: float = 3.5  # a spot, a day and a type; a spot and a day alone are nearby attacks
    window_days: int = 7  # beyond a week apart two reports tell two incidents
    misread_km: float = 500.0  # no report disputes where by this much: a name read as a far homonym
    far_factor: float = 3.0  # how many tolerances away a place counts as elsewhere
    max_actors: int = 2  # shared actors counted at most
    max_tokens: int = 3  # shared distinctive tokens counted at most
    core_token: float = 0.5  # more for a token both trigger sentences hold: the event's own words
    max_core: int = 2  # such tokens counted at most


@dataclass(frozen=True)
class Cues:
    tolerance_km: dict[str, float]
    families: tuple[frozenset[str], ...]
    manners: dict[str, str]  # sub-type -> manner group
    approximate: tuple[str, ...]
    revision: tuple[str, ...]
    common_words: frozenset[str]
    night: tuple[str, ...] = ()
    small_hours: tuple[str, ...] = ()
    name_connectors: frozenset[str] = frozenset()
    rival_types: frozenset[str] = frozenset()
    # how a report says a group is loyal to another: loyal_to, hyphened, units (allegiance.py)
    allegiance: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def tolerance(self, feature: str | None) -> float:
        """The distance within which two reports' places are one, for a place of this kind."""
        if not feature:
            return self.tolerance_km["default"]
        hits = [k for k in self.tolerance_km if k != "default" and feature.startswith(k)]
        return self.tolerance_km[max(hits, key=len)] if hits else self.tolerance_km["default"]

    def family(self, event_type: str) -> int:
        return next((i for i, f in enumerate(self.families) if event_type in f), -1)


def _check(raw: Any) -> dict[str, Any]:
    keys = (
        "place_tolerance_km",
        "type_families",
        "manner_groups",
        "approximate",
        "revision",
        "common_words",
    )
    if not isinstance(raw, dict) or any(k not in raw for k in keys):
        raise ValueError(f"sitrep/kb/{DATA}: needs the keys {', '.join(keys)}")
    if "default" not in raw["place_tolerance_km"]:
        raise ValueError(f"sitrep/kb/{DATA}: place_tolerance_km needs a default")
    return raw


ALLEGIANCE_KEYS = ("loyal_to", "hyphened", "units")


def _allegiance(raw: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or set(raw) != set(ALLEGIANCE_KEYS):
        raise ValueError(f"sitrep/kb/{DATA}: allegiance needs exactly {', '.join(ALLEGIANCE_KEYS)}")
    out = {k: tuple(str(w) for w in raw[k] or ()) for k in ALLEGIANCE_KEYS}
    if not all(out.values()):
        raise ValueError(f"sitrep/kb/{DATA}: allegiance lists must not be empty")
    return out


@cache
def cues() -> Cues:
    raw = _check(parse_yaml(resources.files("sitrep.kb").joinpath(DATA).read_text("utf-8")))
    try:
        tolerance = {str(k): float(v) for k, v in raw["place_tolerance_km"].items()}
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"sitrep/kb/{DATA}: place_tolerance_km values must be numbers ({exc})"
        ) from None
    return Cues(
        tolerance_km=tolerance,
        families=tuple(frozenset(f) for f in raw["type_families"]),
        manners={s: group for group, subs in raw["manner_groups"].items() for s in subs},
        approximate=tuple(raw["approximate"]),
        revision=tuple(raw["revision"]),
        common_words=frozenset(raw["common_words"]),
        night=tuple(raw.get("night") or ()),
        small_hours=tuple(raw.get("small_hours") or ()),
        name_connectors=frozenset(raw.get("name_connectors") or ()),
        rival_types=frozenset(raw.get("rival_types") or ()),
        allegiance=_allegiance(raw.get("allegiance") or {}),
    )


WEIGHTS = LinkWeights()
