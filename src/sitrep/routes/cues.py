"""The route cue lexicon (``data/cues.yaml``), loaded once and kept as reviewable data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import DataFileError
from ..lexicons import parse_yaml

CARRIER_WEIGHT = 0.5


@dataclass(frozen=True)
class Cues:
    prep_role: dict[str, str]
    verb_preps: dict[str, str]
    for_heads: frozenset[str]
    of_nouns: dict[str, str]
    road_nouns: frozenset[str]
    object_verbs: dict[str, str]
    qualifier_preps: frozenset[str]
    verb_role: dict[str, str]
    place_nouns: frozenset[str]
    describing_nouns: frozenset[str]
    speech: frozenset[str]
    continuation: tuple[str, ...]
    onward: tuple[str, ...]
    earlier_openers: frozenset[str]
    branch_openers: frozenset[str]
    sequence: frozenset[str]
    trip_units: frozenset[str]
    unit_nouns: dict[str, str]
    alternative: tuple[str, ...]
    branch: tuple[str, ...]
    what: dict[str, tuple[str, float]]  # lemma -> (category, weight)


CUES_FILE = "sitrep/routes/data/cues.yaml"
# Each entry of the file and the shape it must have: a list of words, or a mapping of them.
LISTS = (
    "for_heads",
    "qualifier_preps",
    "origin_verbs",
    "via_verbs",
    "dest_verbs",
    "place_nouns",
    "describing_nouns",
    "road_nouns",
    "continuation",
    "onward",
    "alternative",
    "branch",
    "earlier_openers",
    "branch_openers",
    "sequence",
    "trip_units",
    "speech",
)
MAPPINGS = ("unit_nouns", "preps", "verb_preps", "of_nouns", "object_verbs", "carriers", "what")


class CueError(DataFileError):
    """The route cue file lacks an entry or holds one of the wrong shape."""


def _checked(raw: object) -> dict:
    """The parsed file, or a one-line error naming it and the entry at fault."""
    if not isinstance(raw, dict):
        raise CueError(f"{CUES_FILE}: expected a mapping of cue lists")
    for key in LISTS:
        if not isinstance(raw.get(key), list):
            raise CueError(f"{CUES_FILE}: '{key}' must be a list")
    for key in MAPPINGS:
        if not isinstance(raw.get(key), dict):
            raise CueError(f"{CUES_FILE}: '{key}' must be a mapping")
    return raw


@cache
def cues() -> Cues:
    raw = _checked(
        parse_yaml(resources.files("sitrep.routes").joinpath("data/cues.yaml").read_text("utf-8"))
    )
    verb_role = {v: "origin" for v in raw["origin_verbs"]}
    verb_role.update({v: "via" for v in raw["via_verbs"] if v not in verb_role})
    verb_role.update({v: "dest" for v in raw["dest_verbs"]})
    return Cues(
        prep_role={p: role for role, preps in raw["preps"].items() for p in preps},
        verb_preps=dict(raw["verb_preps"]),
        for_heads=frozenset(raw["for_heads"]),
        of_nouns=dict(raw["of_nouns"]),
        road_nouns=frozenset(raw["road_nouns"]),
        object_verbs=dict(raw["object_verbs"]),
        qualifier_preps=frozenset(raw["qualifier_preps"]),
        verb_role=verb_role,
        place_nouns=frozenset(raw["place_nouns"]),
        describing_nouns=frozenset(raw["describing_nouns"]) | frozenset(raw["place_nouns"]),
        speech=frozenset(raw["speech"]),
        continuation=tuple(raw["continuation"]),
        onward=tuple(raw["onward"]),
        earlier_openers=frozenset(raw["earlier_openers"]),
        branch_openers=frozenset(raw["branch_openers"]),
        sequence=frozenset(raw["sequence"]),
        trip_units=frozenset(raw["trip_units"]),
        unit_nouns={w: unit for unit, ws in raw["unit_nouns"].items() for w in ws},
        alternative=tuple(raw["alternative"]),
        branch=tuple(raw["branch"]),
        what={
            **{w: (cat, CARRIER_WEIGHT) for cat, words in raw["carriers"].items() for w in words},
            **{w: (cat, 1.0) for cat, words in raw["what"].items() for w in words},
        },
    )
