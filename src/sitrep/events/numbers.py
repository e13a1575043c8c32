"""Numbers as reporters write them: digits with separators, words, scales, vague plurals.

Shared by quantities and fatalities so "2,000", "two thousand", "2.1 million", "1.5bn",
"5 lakh" and "half a million" read alike. The words live in data/numbers.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import DataFileError
from ..lexicons import load_yaml

_ORIGIN = "sitrep/events/data/numbers.yaml"


@dataclass(frozen=True)
class NumberWords:
    words: dict[str, int]
    scales: dict[str, int]  # written after the number with a space
    glued: dict[str, int]  # glued to the digits anywhere ("1.5bn")
    glued_after_sign: dict[str, int]  # glued only after a currency sign ("$1.2m")
    fractions: dict[str, float]  # "half" a million
    vague: dict[str, int]


def _table(raw: dict, key: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict) or not value:
        raise DataFileError(f"{_ORIGIN}: {key!r} must be a mapping of words to numbers")
    bad = [
        k
        for k, v in value.items()
        if not isinstance(k, str) or k != k.lower() or not isinstance(v, (int, float)) or v <= 0
    ]
    if bad:
        raise DataFileError(f"{_ORIGIN}: {key!r} holds bad entries {bad[:3]} (lower-case word: n)")
    return dict(value)


@cache
def number_words() -> NumberWords:
    raw = load_yaml("sitrep.events", "data/numbers.yaml")
    keys = ("words", "scales", "glued", "glued_after_sign", "fractions", "vague")
    return NumberWords(*(_table(raw, k) for k in keys))


_N = number_words()
WORDS = _N.words
SCALES = {**_N.scales, **_N.glued, **_N.glued_after_sign}
# Vague plurals, coded the way ACLED codes them (the lowest defensible count).
VAGUE = _N.vague


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORD_ALT = _alt(w for w in WORDS if w not in ("a", "an"))
_SCALE_ALT = _alt(w for w in _N.scales if len(w) > 1)
_BIG_ALT = _alt(w for w in _N.scales if _N.scales[w] >= 1_000_000 and len(w) > 2)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FRACTION = rf"(?:{_alt(_N.fractions)})\s+an?\s+(?:{_BIG_ALT})\b"
# One number: digits (a scale glued on: "1.5bn") or words ("twenty-five"), then an optional
# scale word ("2.1 million", "5 lakh"); or a fraction of a large scale ("half a million").
NUMBER = (
    rf"(?:{_FRACTION}|(?:(?:{_DIGITS})(?:{_alt(_N.glued)})\b|(?:{_DIGITS})"
    rf"|(?:{_WORD_ALT})(?:-(?:{_WORD_ALT}))?)(?:\s+(?:{_SCALE_ALT})\b)?)"
)
# A number right after a currency sign may also carry a one-letter scale: "$1.2m", "$300k".
NUMBER_AFTER_SIGN = rf"(?:(?:{_DIGITS})(?:{_alt(_N.glued_after_sign)})\b|{NUMBER})"
NUMBER_RE = re.compile(rf"\b(?:{NUMBER})", re.IGNORECASE)
_GLUED_RE = re.compile(rf"(\d+(?:\.\d+)?)({_alt(SCALES)})", re.IGNORECASE)


def _fraction(parts: list[str]) -> float | None:
    """'half a million' -> 500000; None when parts are not a fraction of a scale."""
    if len(parts) < 3 or parts[-2] not in ("a", "an") or parts[-1] not in SCALES:
        return None
    share = _N.fractions.get(" ".join(parts[:-2]))
    return None if share is None else share * SCALES[parts[-1]]


def parse_number(text: str) -> float | None:
    """The value of one NUMBER match ("2,000", "2.1 million", "1.5bn", "5 lakh", "half a
    million", "twenty-five", "a dozen"); None if not a number."""
    parts = text.lower().replace(",", "").split()
    if not parts:
        return None
    fraction = _fraction(parts)
    if fraction is not None:
        return fraction
    scale = 1
    if len(parts) > 1 and parts[-1] in SCALES:
        scale = SCALES[parts.pop()]
    head = " ".join(parts)
    glued = _GLUED_RE.fullmatch(head)
    if glued:
        head, scale = glued.group(1), scale * SCALES[glued.group(2).lower()]
    if re.fullmatch(r"\d+(?:\.\d+)?", head):
        value = float(head)
    elif head in WORDS:
        value = float(WORDS[head])
    elif "-" in head and all(p in WORDS for p in head.split("-")):
        value = float(sum(WORDS[p] for p in head.split("-")))
    else:
        return None
    return round(value * scale, 6)  # 1.2 * 1e6 without float dust


def as_number(value: float) -> float | int:
    """Whole numbers as int so JSON shows 2000, not 2000.0."""
    return int(value) if float(value).is_integer() else value
