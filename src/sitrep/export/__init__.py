"""Exports in the formats analysts' tools already read, each written by its own ecosystem's library."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from . import acled, ftm, geojson, graphml, stix


def _jsonl(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    for a in analyses:
        out.write(json.dumps(a, ensure_ascii=False))
        out.write("\n")


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], None]] = {
    "stix": stix.write, "geojson": geojson.write, "acled-csv": acled.write, "ftm": ftm.write,
    "graphml": graphml.write, "jsonl": _jsonl,
}


def export(analyses: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write analyses (contract dicts) to out in fmt, one of WRITERS."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: use {', '.join(WRITERS)}")
    WRITERS[fmt](analyses, out)
