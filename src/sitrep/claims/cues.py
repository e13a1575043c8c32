"""The claims stage's lexicons (``data/cues.yaml``, ``data/source_types.yaml``), loaded once."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("sitrep.claims").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def words(name: str, file: str = "cues.yaml") -> frozenset[str]:
    """One lexicon as a set of lower-case entries."""
    return frozenset(w.lower() for w in _load(file)[name])


def source_words(name: str) -> frozenset[str]:
    return words(name, "source_types.yaml")
