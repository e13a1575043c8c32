"""Tunables of the places stage: detection thresholds and resolution weights, each with where it
came from.

Both configs are frozen and passed in (``find(..., th=)``, ``resolve(..., w=)``), so a benchmark or
a
test can run the stage with other values. "Hand-set" means the value was chosen when its rule was
written and kept because the dev figures (LGL recall161/precision161, reports dev place scores)
held;
none has been fitted by search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class DetectThresholds:
    """When a capitalised word counts as a place name; zipf values are wordfreq's English scale."""

    # Hand-set: a word this frequent is a known word or name; inside a firm's name it is no hamlet.
    known_word_zipf: float = 3.0
    # Hand-set: a given name ("Helen") this frequent that only hamlets bear is no place (LGL dev).
    given_name_zipf: float = 3.5
    # Hand-set: a capitalised word this frequent in lower case needs spaCy to call it a place.
    common_zipf: float = 4.3
    # Hand-set: a sentence-initial word this frequent needs a major place to be kept.
    sentence_start_zipf: float = 3.5
    # Hand-set: words like "North" or "Mr." are never a place without spaCy's word.
    very_common_zipf: float = 5.0
    # Longest gazetteer name tried, in words (the longest common names in LGL have six).
    max_words: int = 6
    # Hand-set: a town this big names facilities and still locates them (Hartford Hospital).
    facility_town_population: int = 25_000
    # Hand-set: a town this size is still found by its alternate names without a cue.
    alternate_population: int = 30_000
    # Names in a list that one type word after it may cover: "Barrow, Jackson and Madison counties".
    max_list: int = 8
    # Whether a demonym naming people ("Syrian refugees") is a place mention. LGL's gold marks them
    # (turning them off costs 96 of its 4,462 toponyms); the mission-report gold does not (off:
    # dev half A place_precision 0.874 -> 0.911, recall161 0.831 -> 0.815 as "Syria" inside
    # "Syrian" stops matching). Kept on by default so LGL stays at its floor.
    people_demonyms: bool = True


@dataclass(frozen=True)
class ResolveWeights:
    """Prior and evidence weights on a log-odds-like scale (a softmax over them gives the
    confidence)."""

    # Hand-set with LGL dev: countries and capitals before towns; a county gives way to its seat.
    feature_prior: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(
            {"PCLI": 6.0, "CONT": 5.0, "ADM1": 2.5, "PPLC": 4.0, "ADM2": -1.5}
        )
    )
    # Hand-set: regions, terrain and water carry no population; as likely as a town of 10,000.
    area_prior: float = 4.0
    # Hand-set: a type word that fits ("Idlib province") or does not.
    type_match: float = 4.0
    type_mismatch: float = -3.0
    # Hand-set: "X in Y", "X, Y" where the reading lies in a reading of Y.
    parent_bonus: float = 6.0
    # Hand-set: the reading's country is named in the report; plus a repeat bonus per mention.
    country_bonus: float = 3.5
    country_repeat_bonus: float = 0.75
    country_repeat_cap: float = 4.0
    # Hand-set: the reading's first-level division is named in the report.
    admin1_bonus: float = 2.5
    # Hand-set: a place near one already resolved; fades linearly to nothing at near_km.
    near_km: float = 300.0
    near_bonus: float = 3.0
    # Readings kept per name (the gazetteer sorts them by prior; LGL dev loses nothing past 60).
    max_candidates: int = 60
    # Readings of a parent name that may contain a child (the likeliest ten).
    parent_candidates: int = 10
    # Resolution passes: the first settles the scene, the later use it (LGL dev: no gain past 3).
    passes: int = 3
    # Hand-set: readings within this of the best prior share an ambiguous name's vote.
    soft_margin: float = 2.0
    # Hand-set: the context weight of an ambiguous name's vote, shared among its readings.
    vote_weight: float = 0.5
    # Hand-set: the context weight of the dateline's place (twice a named place).
    dateline_weight: float = 2.0
    # Hand-set: a confidence at or over this lets a reading inform the others.
    settled_confidence: float = 0.95
    # Hand-set: a town that has the name only as an alternate gives way to one called so.
    alias_penalty: float = 2.5
    # Hand-set (LGL dev, Paris beside Henry County): a town lying in a county the report names.
    county_bonus: float = 5.0
    # Hand-set: a reading with a reading of another name this close: local stories lie together.
    neighbour_km: float = 60.0
    neighbour_bonus: float = 2.5
    # Hand-set: a hamlet this far below its country's likeliest namesake gets no county help.
    minor_margin: float = 2.0
    # Hand-set: a place near the middle of a country the report names (Gaza beside Israel).
    border_km: float = 500.0
    border_bonus: float = 2.5
    # "U.S." is a country or a state, or a city this big (L.A.), never the village "Us".
    abbreviated_city: int = 1_000_000
    # Hand-set: a town this size named like its province is the province's seat (Homs, Aleppo)...
    seat_population: int = 50_000
    # ...and lies within this of the province's centroid when division codes are missing.
    seat_km: float = 100.0
    # A first-level division contains what lies in its code or within this of its point.
    admin1_reach_km: float = 250.0
    # Any other area contains what lies within this of its point.
    area_reach_km: float = 60.0
    # Hand-set from wire stories ("Datu" read as a Chinese hamlet in a Mindanao story): a hamlet
    # of unknown size in a country the report never names, this far from all its other places,
    # is left unresolved rather than mapped abroad (dev reports: neutral on both halves).
    stray_km: float = 1500.0
    # ...and a town under this size abroad is as much a chance namesake (Solhan, Burkina Faso, read
    # as Solhan in Turkey across wire stories).
    stray_population: int = 50_000
    # Rows closer than this with the same kind are one place from two sources.
    same_place_km: float = 10.0


DETECT = DetectThresholds()
WEIGHTS = ResolveWeights()
