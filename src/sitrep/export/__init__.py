"""Exports in the formats analysts' tools already read, each written by its own ecosystem's library."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, TextIO

Writer = Callable[[Iterable[dict[str, Any]], TextIO], None]
# format -> module whose ``write`` writes it; imported on use, so that the CLI starts without stix2 and followthemoney
WRITERS: dict[str, str] = {"stix": "stix", "geojson": "geojson", "acled-csv": "acled", "ftm": "ftm", "graphml": "graphml",
                           "jsonl": ""}


def _jsonl(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    for a in analyses:
        out.write(json.dumps(a, ensure_ascii=False))
        out.write("\n")


def writer(fmt: str) -> Writer:
    """The function that writes fmt, one of WRITERS."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: use {', '.join(WRITERS)}")
    return import_module(f"{__name__}.{WRITERS[fmt]}").write if WRITERS[fmt] else _jsonl


def export(analyses: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write analyses (contract dicts) to out in fmt, one of WRITERS."""
    writer(fmt)(analyses, out)
