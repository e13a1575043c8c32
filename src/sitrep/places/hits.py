"""A candidate place mention and the small facts about words and gazetteer rows that rules share."""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from ..lexicons import titles
from .config import DetectThresholds
from .fold import Word, fold_word
from .lexicon import lexicon
from .sources import DATA
from .store import Gazetteer


@dataclass
class Hit:
    """One candidate place mention: its span, gazetteer key and what the words around it say."""

    start: int
    end: int
    key: str
    ner: str | None = None  # spaCy's label for (most of) the span
    demonym: bool = False
    kinds: tuple[str, ...] = ()  # what a type word next to it says it is (province, camp...)
    strict: bool = False  # the type word rules out other kinds (a camp is never a town)
    parents: list[int] = field(
        default_factory=list
    )  # indices of hits that contain this one ("X in Y")
    abbreviation: bool = False  # "U.S.", "UK": a country or state, never the village spelt like it


@cache
def type_words() -> dict[str, tuple[tuple[str, ...], bool]]:
    """data/type_words.csv: a type word's kinds and whether it rules out other kinds."""
    with open(DATA / "type_words.csv", encoding="utf-8") as fh:
        return {
            r["word"]: (tuple(r["kinds"].split("|")), r["strict"] == "yes")
            for r in csv.DictReader(fh)
        }


@cache
def type_keys(kind: str | None = None) -> frozenset[str]:
    """The type words (of one kind, or all) as keys ("valley" folds to "valey")."""
    return frozenset(
        fold_word(w) for w, (kinds, _) in type_words().items() if kind is None or kind in kinds
    )


@cache
def word_list(name: str) -> frozenset[str]:
    """One of the lower-case word lists in data/ (person_titles, facility_words,
    street_words...)."""
    with open(DATA / f"{name}.txt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def person_titles() -> frozenset[str]:
    """The titles before a person's name (sitrep/data/titles.yaml) but royal ones, which open
    many place names ("Prince George", "King County")."""
    return frozenset(titles().of(*(g for g in titles().groups if g != "royal")))


@cache
def zipf(word: str) -> float:
    """wordfreq's English frequency: how common a word is outside names."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def capitalised(w: Word) -> bool:
    return w.text[0].isupper()


def near(text: str, a: Word, b: Word) -> bool:
    """Only white space between two words."""
    return text[a.end : b.start].strip() == ""


def after_locative(text: str, hit: Hit) -> bool:
    """After "in", "near", "from"... or "residents of", "north of", "the outskirts of"."""
    lex = lexicon()
    before = text[max(0, hit.start - 28) : hit.start].lower().split()
    if len(before) > 1 and before[-1] == "the":  # "in the Qalamoun", "the outskirts of the"
        before = before[:-1]
    return bool(before) and (
        before[-1] in lex.locatives
        or (before[-1] == "of" and len(before) > 1 and before[-2] in lex.located_of)
    )


def token_starts(doc: Doc) -> list[int]:
    """Token offsets, computed once per document, for bisecting instead of scanning per hit."""
    starts = doc.user_data.get("sitrep_token_starts")
    if starts is None:
        starts = doc.user_data["sitrep_token_starts"] = [t.idx for t in doc]
    return starts


def next_token(doc: Doc, end: int):
    """The first non-space token at or after character ``end``."""
    i = bisect.bisect_left(token_starts(doc), end)
    return next((t for t in doc[i : i + 2] if not t.is_space), None)


def major(gaz: Gazetteer, key: str) -> bool:
    """A name most readers take for a place: a country, a continent, a first-level division, a
    demonym."""
    return any(c.feature in ("PCLI", "ADM1", "CONT") or c.demonym for c in gaz.candidates(key))


def nation(gaz: Gazetteer, key: str) -> bool:
    """A country, a continent or a demonym: too well known to be vetoed as a surname (Jordan,
    Chad)."""
    return any(c.feature in ("PCLI", "CONT") or c.demonym for c in gaz.candidates(key))


def well_known(gaz: Gazetteer, key: str, th: DetectThresholds) -> bool:
    """Places a facility is often named after and still locates (Hartford Hospital, Guernsey County
    Jail)."""
    return (
        major(gaz, key)
        or key.split()[-1] in ("county", "parish")
        or any(c.population >= th.facility_town_population for c in gaz.candidates(key))
    )


def only_an_alternate(gaz: Gazetteer, key: str, th: DetectThresholds) -> bool:
    """No place is called this: it is only an alternate name of small towns (a county's bare name
    and a city's exonym, like Phila or Auschwitz, are how writers name them, so they do not
    count)."""
    return not major(gaz, key) and not any(
        c.called(key) or c.feature == "ADM2" or c.population >= th.alternate_population
        for c in gaz.candidates(key)
    )


def small_towns_only(gaz: Gazetteer, key: str, th: DetectThresholds) -> bool:
    """Every place of this name is a town smaller than the facility-town population."""
    cands = gaz.candidates(key)
    return bool(cands) and all(
        c.feature.startswith("PPL") and c.population < th.facility_town_population and not c.demonym
        for c in cands
    )
