"""JSON Lines: the contract itself, one analysis a line, for anything that reads sitrep.analysis/1."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    for a in analyses:
        out.write(json.dumps(a, ensure_ascii=False))
        out.write("\n")
