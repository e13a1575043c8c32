"""The route cue lexicon (``data/cues.yaml``), loaded once and kept as reviewable data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


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
    continuation: tuple[str, ...]
    onward: tuple[str, ...]
    earlier_openers: frozenset[str]
    branch_openers: frozenset[str]
    alternative: tuple[str, ...]
    branch: tuple[str, ...]
    what: dict[str, tuple[str, float]]  # lemma -> (category, weight)


@cache
def cues() -> Cues:
    raw = yaml.safe_load(resources.files("sitrep.routes").joinpath("data/cues.yaml").read_text("utf-8"))
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
        continuation=tuple(raw["continuation"]),
        onward=tuple(raw["onward"]),
        earlier_openers=frozenset(raw["earlier_openers"]),
        branch_openers=frozenset(raw["branch_openers"]),
        alternative=tuple(raw["alternative"]),
        branch=tuple(raw["branch"]),
        what={**{w: (cat, CARRIER_WEIGHT) for cat, words in raw["carriers"].items() for w in words},
              **{w: (cat, 1.0) for cat, words in raw["what"].items() for w in words}},
    )
