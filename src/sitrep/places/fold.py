"""Loose spelling keys, so that Qusayr, al-Qusayr and Al Qusair land on the same gazetteer row.

Transliterated Arabic names drift between sources (ou/u, q/k, doubled consonants, the
article, apostrophes for ayn and hamza); the key forgets exactly those differences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import DataFileError
from ..lexicons import load_yaml, word_list

SPELLING_FILE = "data/spelling.yaml"


def text_map(raw: dict[str, Any], key: str, origin: str, lower: bool = True) -> dict[str, str]:
    """raw[key] as a non-empty mapping of text to text (lower-case keys unless ``lower`` is off)."""
    value = raw.get(key)
    if not isinstance(value, dict) or not value:
        raise DataFileError(f"{origin}: {key!r} must be a non-empty mapping")
    bad = [
        k
        for k, v in value.items()
        if not isinstance(k, str)
        or not isinstance(v, str)
        or not k
        or not v
        or (lower and k != k.lower())
    ]
    if bad:
        raise DataFileError(
            f"{origin}: {key!r} holds empty, capitalised or non-text entries {bad[:3]}"
        )
    return dict(value)


_ORIGIN = f"sitrep.places/{SPELLING_FILE}"


def _spelling() -> dict[str, Any]:
    """data/spelling.yaml's top-level mapping, or DataFileError."""
    raw = load_yaml("sitrep.places", SPELLING_FILE)
    if not isinstance(raw, dict):
        raise DataFileError(f"{_ORIGIN}: expected a mapping at the top level")
    return raw


_RAW = _spelling()
# Arabic articles are dropped anywhere; the short English-looking ones only when hyphenated (as-Sham).
ARTICLES = frozenset(word_list(_RAW, "articles", _ORIGIN))
HYPHEN_ARTICLES = frozenset(word_list(_RAW, "hyphen_articles", _ORIGIN))
SHORT_FORMS = text_map(_RAW, "short_forms", _ORIGIN)
EZAFE = text_map(_RAW, "ezafe", _ORIGIN)
_SPECIAL = str.maketrans(text_map(_RAW, "special_letters", _ORIGIN))
_WORD = re.compile(r"[^\W_]+(?:[\u2018\u2019'`\u02bf\u02be.][^\W_]+)*\.?")
_APOSTROPHES = re.compile(r"[\u2018\u2019'`\u02bf\u02be]")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Word:
    """One word of a text with its offsets and key; ``article`` words are left out of keys."""

    start: int
    end: int
    text: str
    key: str
    article: bool


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The key of one word: no accents, apostrophes or doubled letters; q as k, ou as u."""
    s = unicodedata.normalize("NFKD", word.lower().translate(_SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _APOSTROPHES.sub("", s).replace(".", "")
    s = s.replace("ou", "u").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", s)


SHORT_TEXT = 120  # names and phrases: read once each (the actors stage asks for the same ones)


def words(text: str) -> list[Word]:
    """The words of ``text`` with offsets; hyphens and spaces both separate words."""
    return list(_short_words(text)) if len(text) <= SHORT_TEXT else _words(text)


@lru_cache(maxsize=65_536)
def _short_words(text: str) -> tuple[Word, ...]:
    return tuple(_words(text))


def _words(text: str) -> list[Word]:
    out = []
    for m in _WORD.finditer(text):
        raw = m.group()
        if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in "'\u2019":
            raw = raw[:-2]  # possessive: Russia's
        elif raw.endswith(".") and "." not in raw[:-1] and len(raw) > 3:
            raw = raw[:-1]  # a full stop, not an abbreviation like St. or U.S.
        key = fold_word(raw)
        hyphen = text[m.end() : m.end() + 1] in ("-", "\u2010", "\u2011")
        article = key in ARTICLES or (hyphen and key in HYPHEN_ARTICLES)
        out.append(Word(m.start(), m.start() + len(raw), raw, key, article))
    return out


def key_of(ws: list[Word] | tuple[Word, ...]) -> str:
    """The key of a run of words, article words dropped; empty when only articles remain. A
    linking vowel between two words takes one spelling (Mazar-i-Sharif is Mazar-e Sharif)."""
    keys = [w.key for w in ws if not w.article]
    last = len(keys) - 1
    return " ".join(EZAFE.get(k, k) if 0 < n < last else k for n, k in enumerate(keys))


def fold(name: str) -> str:
    """The key of a whole name, as stored in the gazetteer."""
    return key_of(words(name))


def short(key: str) -> str:
    """A key with St., Mt. and Ft. spelled one way, for comparing names written either way."""
    return " ".join(SHORT_FORMS.get(w, w) for w in key.split())


@lru_cache(maxsize=100_000)
def own_key(name: str) -> str:
    """The key of a gazetteer row's own name, its qualifier dropped: "Al-Qasr (Hermel)" is called Qasr."""
    return short(fold(_QUALIFIER.sub("", name)))
