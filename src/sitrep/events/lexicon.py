"""The event lexicon (data/triggers.yaml) and its matching against parsed sentences."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from ..errors import DataFileError
from ..lexicons import calendar, parse_yaml, syntax


@dataclass(frozen=True)
class SubType:
    name: str
    type: str
    plover: str | None
    cap: float | None = None  # the most its cues may add up to in one sentence
    requires: str | None = None  # a cue group the sentence must hold for this sub-type ...
    otherwise: str | None = None  # ... or its evidence goes to this one
    needs_object: bool = False  # a verb trigger must have an object (what was burned, looted)
    takes_ground: bool = False  # a territory sub-type: its verb needs ground as its object


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    label: str  # a sub-type name, or "group:<name>"
    weight: float
    trigger: bool  # may anchor an event
    generic: str | None = None  # generic violence word: its default sub-type


@dataclass(frozen=True)
class Combo:
    groups: tuple[str, ...]
    sub_type: str
    weight: float


@dataclass(frozen=True)
class Precedence:
    """Codebook: a trigger of ``type`` scoring at least ``floor`` wins over the readings ``over``."""

    type: str
    over: tuple[str, ...]
    floor: float


@dataclass
class Match:
    cue: Cue
    tokens: list[Token]

    @property
    def head(self) -> Token:
        """The token that stands for the match in the parse: a verb if there is one, else the last word."""
        return next((t for t in self.tokens if t.pos_ in ("VERB", "AUX")), self.tokens[-1])


@dataclass(frozen=True)
class Lexicon:
    sub_types: dict[str, SubType]
    index: dict[str, tuple[Cue, ...]]  # first word -> cues starting with it
    combos: tuple[Combo, ...]
    sides: dict[
        str, frozenset[tuple[str, ...]]
    ]  # territory sub-type -> words naming who takes ground
    readings: dict[
        tuple[str, ...], frozenset[str]
    ]  # trigger words -> every sub-type they may anchor
    precedence: tuple[Precedence, ...] = ()

    def options(self, words: tuple[str, ...]) -> frozenset[str]:
        """The sub-types a trigger may take: those listing it, and those of combinations over its groups."""
        return self.readings.get(words, frozenset())


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-]+", phrase.lower()) if w)


@cache
def lexicon() -> Lexicon:
    raw = parse_yaml(
        resources.files("sitrep.events").joinpath("data/triggers.yaml").read_text("utf-8")
    )
    cues: list[Cue] = []
    sub_types = {}
    for name, spec in raw["sub_types"].items():
        sub_types[name] = SubType(
            name,
            spec["type"],
            spec.get("plover"),
            spec.get("cap"),
            spec.get("requires"),
            spec.get("otherwise"),
            bool(spec.get("needs_object")),
            bool(spec.get("takes_ground")),
        )
        for key, trigger in (("triggers", True), ("context", False)):
            cues += [
                Cue(_words(w), name, float(wt), trigger) for w, wt in (spec.get(key) or {}).items()
            ]
    cues += [
        Cue(_words(w), default, 1.0, True, generic=default) for w, default in raw["generic"].items()
    ]
    cues += [
        Cue(_words(w), f"group:{g}", 0.0, False)
        for g, words in raw["groups"].items()
        for w in words
    ]
    index: dict[str, list[Cue]] = defaultdict(list)
    for cue in cues:
        index[cue.words[0]].append(cue)
    combos = tuple(Combo(tuple(c["all"]), c["sub_type"], float(c["weight"])) for c in raw["combos"])
    sides = {name: frozenset(_words(w) for w in words) for name, words in raw["sides"].items()}
    readings: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for cue in cues:
        if cue.trigger:
            readings[cue.words].add(cue.label)
    for combo in combos:
        for g in combo.groups:
            for w in raw["groups"][g]:
                if _words(w) in readings:
                    readings[_words(w)].add(combo.sub_type)
    return Lexicon(
        sub_types,
        {k: tuple(v) for k, v in index.items()},
        combos,
        sides,
        {k: frozenset(v) for k, v in readings.items()},
        _precedence(raw.get("precedence") or [], {t.type for t in sub_types.values()}),
    )


def _precedence(raw: list, types: set[str]) -> tuple[Precedence, ...]:
    out = []
    for rule in raw:
        named = [rule.get("type"), *(rule.get("over") or [])] if isinstance(rule, dict) else [None]
        if not all(t in types for t in named) or len(named) < 2:
            raise DataFileError(
                f"sitrep/events/data/triggers.yaml: precedence {rule!r} must name known event types"
            )
        out.append(Precedence(rule["type"], tuple(rule["over"]), float(rule.get("floor", 0))))
    return tuple(out)


def _is_month(tok: Token) -> bool:
    """A month's name in a date ("on 12 March", "March 3", "in late March 2024"): "March" is
    then no protest march. Capitalised, and dated by spaCy or by a number beside it."""
    if not tok.text[:1].isupper() or tok.lower_ not in calendar().months:
        return False
    doc = tok.doc
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
    return tok.ent_type_ == "DATE" or any(t.like_num for t in near)


def _in_name(tok: Token) -> bool:
    """A capitalised word inside a name of two words or more: "Liberation" in "Macina Liberation
    Front" tells no liberation, "Freedom" in a group's name no freedom."""
    if not tok.text[:1].isupper() or tok.ent_type_ not in syntax()["named_entities"]:
        return False
    if tok.i == tok.sent.start:
        return False  # a sentence's first word is capitalised anyway
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


def _forms(tok: Token) -> set[str]:
    if _is_month(tok) or _in_name(tok):
        return set()
    return {tok.lower_, tok.lemma_.lower()}


def match(sent: Span) -> list[Match]:
    """Every cue found in the sentence (hyphens ignored, lemma or surface form per word)."""
    lex = lexicon()
    toks = [t for t in sent if t.text not in ("-", "–") and not t.is_space]
    forms = [_forms(t) for t in toks]  # each word's forms once, however many cues start near it
    found = []
    for i, first_forms in enumerate(forms):
        for first in first_forms:
            for cue in lex.index.get(first, ()):
                n = len(cue.words)
                if i + n <= len(toks) and all(
                    w in f for w, f in zip(cue.words[1:], forms[i + 1 : i + n], strict=False)
                ):
                    found.append(Match(cue, toks[i : i + n]))
    return found
