"""The place detector's word sets and patterns (``data/detect.yaml``), loaded once and validated.

Keeping them as data lets a reviewer read and change a cue without reading the rules that use it;
a bad file fails on load with its name and the key at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..lexicons import parse_yaml
from .fold import fold_word
from .sources import DATA

LEXICON_FILE = DATA / "detect.yaml"
_WORD_SETS = (
    "place_labels",
    "not_place_labels",
    "connectors",
    "calendar",
    "qualifiers",
    "located_of",
    "locatives",
    "date_words",
    "joiners",
    "soft_labels",
    "armed_group_words",
    "weapon_nouns",
    "weapon_systems",
    "strong_cues",
    "people_nouns",
)
_PATTERNS = (
    "speaker",
    "route",
    "model_year",
    "party",
    "next_hyphened",
    "prev_hyphened",
    "next_word",
    "dotted",
    "firm_after",
    "firm_before",
    "container_gap",
    "area_gap",
    "capital_next",
    "byline",
    "weapon_next",
    "run_after",
    "group_of",
    "dated_before",
    "dated_after",
)


class LexiconError(DataFileError):
    """A detector data file that is missing a key, holds a non-string word or a bad pattern."""


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns; see data/detect.yaml for what each one finds."""

    speaker: re.Pattern[str]
    route: re.Pattern[str]
    model_year: re.Pattern[str]
    party: re.Pattern[str]
    next_hyphened: re.Pattern[str]
    prev_hyphened: re.Pattern[str]
    next_word: re.Pattern[str]
    dotted: re.Pattern[str]
    firm_after: re.Pattern[str]
    firm_before: re.Pattern[str]
    container_gap: re.Pattern[str]
    area_gap: re.Pattern[str]
    capital_next: re.Pattern[str]
    byline: re.Pattern[str]
    weapon_next: re.Pattern[str]
    run_after: re.Pattern[str]
    group_of: re.Pattern[str]
    dated_before: re.Pattern[str]
    dated_after: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    """The detector's word sets; ``qualifiers`` are held as keys ("south" folds to "suth")."""

    place_labels: frozenset[str]
    not_place_labels: frozenset[str]
    connectors: frozenset[str]
    calendar: frozenset[str]
    qualifiers: frozenset[str]
    located_of: frozenset[str]
    locatives: frozenset[str]
    date_words: frozenset[str]
    joiners: frozenset[str]
    soft_labels: frozenset[str]
    armed_group_words: frozenset[str]
    weapon_nouns: frozenset[str]
    weapon_systems: frozenset[str]
    strong_cues: frozenset[str]
    people_nouns: frozenset[str]
    patterns: Patterns
    spelling_variants: tuple[tuple[re.Pattern[str], str], ...]


def _word_set(raw: dict, key: str, path: Path) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{path}: {key!r} must be a non-empty list of words")
    return frozenset(value)


def _pattern(raw: dict, key: str, path: Path) -> re.Pattern[str]:
    value = raw.get(key)
    if not isinstance(value, str):
        raise LexiconError(f"{path}: patterns.{key} must be a string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise LexiconError(f"{path}: patterns.{key} does not compile: {exc}") from None


def load(path: Path) -> Lexicon:
    """Read and check one lexicon file."""
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), dict):
        raise LexiconError(f"{path}: expected a mapping with a 'patterns' mapping")
    sets = {k: _word_set(raw, k, path) for k in _WORD_SETS}
    sets["qualifiers"] = frozenset(fold_word(w) for w in sets["qualifiers"])
    patterns = Patterns(**{k: _pattern(raw["patterns"], k, path) for k in _PATTERNS})
    return Lexicon(**sets, patterns=patterns, spelling_variants=_variants(raw, path))


def _variants(raw: dict, path: Path) -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = raw.get("spelling_variants")
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        raise LexiconError(f"{path}: 'spelling_variants' must be a list of [pattern, replacement]")
    return tuple((_pattern({"v": p}, "v", path), r) for p, r in pairs)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return load(LEXICON_FILE)
