"""Overlap tests against a fixed set of spans in logarithmic time.

Stages ask "does this span overlap any taken span?" once per candidate; a scan of every taken
span made that quadratic on long texts (a 1 M-character line has tens of thousands of each).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class Intervals:
    """Half-open spans ``[start, end)``, fixed at construction."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(
            accumulate((e for _, e in ordered), max)
        )  # the furthest end among the first k

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with ``[start, end)``."""
        k = bisect.bisect_left(self._starts, end)  # spans starting before this one ends
        return k > 0 and self._reach[k - 1] > start
