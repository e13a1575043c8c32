"""Every shipped YAML data file parses, and no word list holds a value YAML 1.1 turned into a
boolean or a number by accident (bare ``on``, ``no``, ``yes``, ``off`` read as True/False)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.lexicons import parse_yaml

SRC = Path(__file__).resolve().parent.parent / "src" / "sitrep"
YAML_FILES = sorted(p for p in SRC.rglob("*.yaml") if "vendor" not in p.parts)


def _booleans_in_lists(node: Any, where: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                found.append(f"{where}/<key {k}>")
            found += _booleans_in_lists(v, f"{where}/{k}")
    elif isinstance(node, list):
        strings = [x for x in node if isinstance(x, str)]
        for x in node:
            if isinstance(x, bool) and strings:  # a word list with a stray boolean in it
                found.append(f"{where}: {x!r}")
            found += _booleans_in_lists(x, where)
    return found


def test_there_are_data_files() -> None:
    assert len(YAML_FILES) > 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_word_lists_hold_no_accidental_booleans(path: Path) -> None:
    data = parse_yaml(path.read_text("utf-8"))
    assert _booleans_in_lists(data) == [], (
        f"{path.relative_to(SRC)}: quote words like 'on' and 'no'"
    )


def test_the_check_catches_a_bare_on() -> None:
    assert _booleans_in_lists(parse_yaml("words: [in, on, at]")) == ["/words: True"]
