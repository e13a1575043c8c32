"""The claims stage's lexicons (``data/cues.yaml``, ``data/source_types.yaml``), loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..errors import DataFileError
from ..lexicons import parse_yaml


@cache
def _load(name: str) -> dict[str, Any]:
    return parse_yaml(resources.files("sitrep.claims").joinpath(f"data/{name}").read_text("utf-8"))


class LexiconError(DataFileError):
    """A claims data file lacks a lexicon or holds one that is not a list of words."""


@cache
def words(name: str, file: str = "cues.yaml") -> frozenset[str]:
    """One lexicon as a set of lower-case entries; a missing or malformed one names its file."""
    entries = (_load(file) or {}).get(name)
    if not isinstance(entries, list) or not all(isinstance(w, str) for w in entries):
        raise LexiconError(f"sitrep/claims/data/{file}: '{name}' must be a list of words")
    return frozenset(w.lower() for w in entries)


def source_words(name: str) -> frozenset[str]:
    return words(name, "source_types.yaml")
