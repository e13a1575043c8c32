"""The unit tables in data/units.yaml, loaded once and turned into regex alternations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import DataFileError
from ..lexicons import parse_yaml


@dataclass(frozen=True)
class Units:
    currencies: dict[str, str]
    symbols: dict[str, str]
    measures: dict[str, str]
    counts: dict[str, str]  # noun lemma -> unit
    per: dict[str, str]
    people_verbs: frozenset[str]  # verbs whose bare number counts people
    people_words: frozenset[str]  # "others": people counted
    multipliers: frozenset[str]  # "million": part of the number before it


def alternation(words: list[str]) -> str:
    """A regex alternation that tries the longest words first, so 'syrian pounds' beats 'pounds'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def units() -> Units:
    raw = parse_yaml(
        resources.files("sitrep.events").joinpath("data/units.yaml").read_text("utf-8")
    )
    counts = {noun: unit for unit, nouns in raw["counts"].items() for noun in nouns}
    lists = {k: frozenset(_words(raw, k)) for k in ("people_verbs", "people_words", "multipliers")}
    return Units(raw["currencies"], raw["symbols"], raw["measures"], counts, raw["per"], **lists)


def _words(raw: dict, key: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(f"sitrep/events/data/units.yaml: '{key}' must be a list of words")
    return [w.lower() for w in value]
