"""Numbers as reporters write them: digits with separators, words, scales, vague plurals.

Shared by quantities and fatalities so "2,000", "two thousand" and "2.1 million" read alike.
"""

from __future__ import annotations

import re

WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
}
SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}

# Vague plurals, coded the way ACLED codes them (the lowest defensible count), so figures stay comparable.
VAGUE = {
    "several": 10,
    "many": 10,
    "scores": 20,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "a few": 3,
    "few": 3,
}

_WORD_ALT = "|".join(
    sorted((re.escape(w) for w in WORDS if w not in ("a", "an")), key=len, reverse=True)
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# One number: digits or words (optionally "twenty-five"), then an optional scale word.
NUMBER = rf"(?:{_DIGITS}|(?:{_WORD_ALT})(?:-(?:{_WORD_ALT}))?)(?:\s+(?:thousand|million|billion|mn|bn)\b)?"
NUMBER_RE = re.compile(rf"\b(?:{NUMBER})", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of one NUMBER match ("2,000", "2.1 million", "twenty-five", "a dozen"); None if not a number."""
    parts = text.lower().replace(",", "").split()
    if not parts:
        return None
    scale = 1
    if len(parts) > 1 and parts[-1] in SCALES:
        scale = SCALES[parts.pop()]
    head = " ".join(parts)
    if re.fullmatch(r"\d+(?:\.\d+)?", head):
        value = float(head)
    elif head in WORDS:
        value = float(WORDS[head])
    elif "-" in head and all(p in WORDS for p in head.split("-")):
        value = float(sum(WORDS[p] for p in head.split("-")))
    else:
        return None
    return value * scale


def as_number(value: float) -> float | int:
    """Whole numbers as int so JSON shows 2000, not 2000.0."""
    return int(value) if float(value).is_integer() else value
