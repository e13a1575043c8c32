"""Word lists that several stages share, loaded once from ``data/*.yaml`` and validated on load.

Stage-specific lexicons live beside their stage; these are the ones that would otherwise exist
twice (calendar words, titles before a name).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .datacache import parsed
from .errors import DataFileError

# libyaml's parser when the wheel has it: the registry and lexicons load several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser, the result kept by the text's hash (a changed
    file is parsed again; a broken one raises every time): see sitrep.datacache."""
    return parsed(text, _safe_load)


def load_yaml(package: str, name: str) -> Any:
    """A data file of ``package`` parsed, or DataFileError naming the file and line.

    Every stage loads its YAML through here, so start-up cost and error messages are one thing.
    """
    ref = resources.files(package).joinpath(name)
    try:
        return parse_yaml(ref.read_text("utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}" if mark is not None else ""
        raise DataFileError(f"{package}/{name}{where}: {exc.problem}") from None


def word_list(raw: dict[str, Any], key: str, origin: str) -> tuple[str, ...]:
    """raw[key] as a tuple of non-empty lower-case strings, or DataFileError naming origin and key."""
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise DataFileError(f"{origin}: {key!r} must be a non-empty list of words")
    odd = [w for w in value if not isinstance(w, str)]
    if odd:  # YAML 1.1 reads bare on/off/yes/no as booleans: quote such words
        raise DataFileError(
            f"{origin}: {key!r} holds non-text entries {odd[:3]}; quote words like 'on' or 'no'"
        )
    words = tuple(value)
    bad = [w for w in words if not w.strip() or w != w.lower()]
    if bad:
        raise DataFileError(f"{origin}: {key!r} holds empty or capitalised entries: {bad[:3]}")
    return words


@dataclass(frozen=True)
class Calendar:
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    month_abbreviations: dict[str, str]

    @property
    def words(self) -> frozenset[str]:
        """Every weekday and month name: never a place, never a person."""
        return frozenset(self.weekdays) | frozenset(self.months)


@cache
def calendar() -> Calendar:
    origin = "sitrep/data/calendar.yaml"
    raw = load_yaml("sitrep.data", "calendar.yaml")
    weekdays, months = word_list(raw, "weekdays", origin), word_list(raw, "months", origin)
    if len(weekdays) != 7 or len(months) != 12:
        raise DataFileError(
            f"{origin}: expected 7 weekdays and 12 months, got {len(weekdays)} and {len(months)}"
        )
    abbreviations = dict(raw.get("month_abbreviations") or {})
    unknown = sorted(set(abbreviations.values()) - set(months))
    if unknown:
        raise DataFileError(f"{origin}: month_abbreviations name unknown months {unknown}")
    return Calendar(weekdays, months, abbreviations)


@cache
def syntax() -> dict[str, frozenset[str]]:
    """The named sets of spaCy labels of ``data/syntax.yaml``, each label checked against spaCy's
    glossary, so a typo ("nsubjpas") fails on load instead of never matching."""
    from spacy.glossary import GLOSSARY

    origin = "sitrep/data/syntax.yaml"
    raw = load_yaml("sitrep.data", "syntax.yaml")
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(f"{origin}: expected named lists of spaCy labels")
    out = {}
    for name, labels in raw.items():
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(x, str) for x in labels)
        ):
            raise DataFileError(f"{origin}: {name!r} must be a non-empty list of labels")
        unknown = sorted(set(labels) - set(GLOSSARY))
        if unknown:
            raise DataFileError(f"{origin}: {name!r} holds labels spaCy does not define: {unknown}")
        out[name] = frozenset(labels)
    return out


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its three-letter start ("Sept", "sep", "September"), else None."""
    stem = word[:3].lower()
    return next((i for i, m in enumerate(calendar().months, 1) if m[:3] == stem), None)


@dataclass(frozen=True)
class Titles:
    groups: dict[str, tuple[str, ...]]
    abbreviations: frozenset[str] = frozenset()

    def dotted(self, *groups: str) -> tuple[str, ...]:
        """``of(*groups)`` and each abbreviation as written with its dots ("lt col", "lt. col.")."""
        words = self.of(*groups)
        dots = {" ".join(f"{w}." for w in t.split()) for t in words if t in self.abbreviations}
        return tuple(sorted({*words, *dots}, key=lambda w: (-len(w), w)))

    def of(self, *groups: str) -> tuple[str, ...]:
        """The titles of the given groups (all when none are named), longest first."""
        unknown = sorted(set(groups) - set(self.groups))
        if unknown:
            raise DataFileError(f"sitrep/data/titles.yaml has no groups {unknown}")
        words = {w for g in groups or self.groups for w in self.groups[g]}
        return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def titles() -> Titles:
    origin = "sitrep/data/titles.yaml"
    raw = load_yaml("sitrep.data", "titles.yaml")
    if not isinstance(raw, dict):
        raise DataFileError(f"{origin}: expected groups of titles")
    # Every key but "abbreviations" is a group; the stages name the groups they take.
    groups = {g: word_list(raw, g, origin) for g in raw if g != "abbreviations"}
    seen: dict[str, str] = {}
    for group, words in groups.items():
        for w in words:
            if w in seen:
                raise DataFileError(f"{origin}: {w!r} is in both {seen[w]!r} and {group!r}")
            seen[w] = group
    abbreviations = frozenset(word_list(raw, "abbreviations", origin))
    stray = sorted(abbreviations - set(seen))
    if stray:
        raise DataFileError(f"{origin}: abbreviations that are no title: {stray}")
    return Titles(groups, abbreviations)
