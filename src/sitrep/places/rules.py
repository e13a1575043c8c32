"""Whether a gazetteer match is a place: an ordered list of small veto and support rules.

Each rule looks at one match's ``Facts`` and returns a ``Verdict`` or ``None`` (no say); the first
rule with a say decides, so the order of ``RULES`` is the only ordering. A ``WEAK`` verdict
keeps the name only when the words around it say it is a place (a locative, a type word, a
listed place).
spaCy's small model calls many unfamiliar Arabic place names PERSON or NORP; those labels are weak.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from spacy.tokens import Doc

from ..lexicons import calendar, syntax
from .config import DetectThresholds
from .fold import fold, words
from .hits import (
    Hit,
    after_locative,
    major,
    nation,
    next_token,
    only_an_alternate,
    person_titles,
    small_towns_only,
    type_keys,
    type_words,
    well_known,
    zipf,
)
from .lexicon import lexicon
from .store import Gazetteer


class Verdict(Enum):
    PLACE = "place"
    NOT_PLACE = "not a place"
    WEAK = "needs a cue"


@dataclass(frozen=True)
class Facts:
    """One match and what the rules read about it, computed once."""

    text: str
    hit: Hit
    doc: Doc
    gaz: Gazetteer
    person_words: frozenset[str]
    th: DetectThresholds
    label: str | None  # spaCy's label over the span
    ent_start: int  # that entity's extent (the match's own when spaCy has none)
    ent_end: int

    @property
    def surface(self) -> str:
        return self.text[self.hit.start : self.hit.end]

    @property
    def one_word(self) -> bool:
        return " " not in self.hit.key

    @cached_property
    def extends(self) -> bool:
        """spaCy's entity reaches past the name by more than a direction or a type word."""
        beyond = self.ent_start < self.hit.start or self.ent_end > self.hit.end
        return beyond and not _qualified(self.text, self.hit, self.ent_start, self.ent_end)

    @cached_property
    def opens(self) -> bool:
        """A well-known place opening a longer entity: "the Fargo Police Department"."""
        return (
            self.extends
            and self.text[self.ent_start : self.hit.start].lower() in ("", "the ")
            and self.hit.key not in lexicon().qualifiers
            and zipf(self.surface.lower()) < self.th.very_common_zipf
            and well_known(self.gaz, self.hit.key, self.th)
        )


def facts(
    text: str,
    hit: Hit,
    doc: Doc,
    person_words: frozenset[str],
    gaz: Gazetteer,
    th: DetectThresholds,
) -> Facts:
    label, s, e = spacy_label(doc, hit.start, hit.end)
    return Facts(text, hit, doc, gaz, person_words, th, label, s, e)


def spacy_label(doc: Doc, start: int, end: int) -> tuple[str | None, int, int]:
    """spaCy's entity label over a span, with that entity's extent."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, start, end
    for tok in span:
        if (
            tok.ent_type_
        ):  # walk the IOB tags to the entity's edges: doc.ents is rebuilt on every access
            first = tok.i
            while doc[first].ent_iob_ == "I" and first > 0:
                first -= 1
            last = tok.i
            while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                last += 1
            return tok.ent_type_, doc[first].idx, doc[last].idx + len(doc[last])
    return None, start, end


Rule = Callable[[Facts], "Verdict | None"]


def _veto(cond: bool) -> Verdict | None:
    return Verdict.NOT_PLACE if cond else None


_DAY_BEFORE = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+$")
_DAY_OR_YEAR_AFTER = re.compile(r"\.?,?\s+(?:[0-3]?\d\b|(?:19|20)\d\d\b)")


def date_part(f: Facts) -> Verdict | None:
    """A month's short name by a day or a year is part of a date, not a place that shares the
    spelling: "on 9 Mar", "Sept 12", "Aug 2023" (Mar is also a name of Maracaibo)."""
    if f.hit.key not in calendar().month_abbreviations:
        return None
    before = f.text[max(0, f.hit.start - 8) : f.hit.start]
    return _veto(bool(_DAY_BEFORE.search(before) or _DAY_OR_YEAR_AFTER.match(f.text, f.hit.end)))


def byline(f: Facts) -> Verdict | None:
    """A name in a byline is a reporter's: "Reporting by Nadia Karam", "By Ann Roe and Sam Lee"."""
    line_start = f.text.rfind("\n", 0, f.hit.start) + 1
    prefix = f.text[line_start : f.hit.start]
    return _veto(lexicon().patterns.byline.fullmatch(prefix) is not None)


def weapon_system(f: Facts) -> Verdict | None:
    """A weapon named like a place: "Grad rockets", "a Tochka", "Shahed-136 drones" (not "in
    Grad")."""
    lex = lexicon()
    m = lex.patterns.weapon_next.match(f.text, f.hit.end)
    before_weapon = m is not None and m.group(1).lower() in lex.weapon_nouns
    named = f.surface.lower() in lex.weapon_systems
    return _veto(
        not after_locative(f.text, f.hit)
        and (named or (before_weapon and small_towns_only(f.gaz, f.hit.key, f.th)))
    )


def armed_group_name(f: Facts) -> Verdict | None:
    """A name inside an armed group's or a gang's name: "Jalisco New Generation Cartel",
    "the Cartel de Sinaloa", "the Hamza Brigade": the group is named, not the place."""
    group = lexicon().armed_group_words
    after = lexicon().patterns.run_after.match(f.text, f.hit.end)
    tail = after.group(0).split() if after else []
    before = lexicon().patterns.group_of.search(f.text, max(0, f.hit.start - 24), f.hit.start)
    return _veto(
        any(w.lower() in group for w in tail)
        or (before is not None and before.group(1).lower() in group)
    )


def short_alternate(f: Facts) -> Verdict | None:
    """A code in capitals, or a short word opening a longer name, that no sizeable place is called,
    only an alternate name: an airport code ("LOS" for Lagos), an article ("Los Viagras"),
    unless a locative or a type word marks it ("by boat to Ibo island")."""
    key = f.hit.key
    typed = lexicon().patterns.next_word.match(f.text, f.hit.end)
    cued = after_locative(f.text, f.hit) or (
        typed is not None and typed.group(1).lower() in type_words()
    )
    opens = lexicon().patterns.capital_next.match(f.text, f.hit.end) is not None
    return _veto(
        f.one_word
        and not cued
        and (f.surface.isupper() or opens)
        and len(key) <= 3
        and not any(_named_so(c, key, f.th) for c in f.gaz.candidates(key))
    )


def _named_so(c, key: str, th: DetectThresholds) -> bool:
    """A country or state by this name, or a town of some size called so (not "Loos" for "Los")."""
    return c.feature in ("PCLI", "ADM1") or (
        c.called(key) and c.population >= th.facility_town_population
    )


def in_firm(f: Facts) -> Verdict | None:
    """Names joined by an ampersand make a firm: Stevens & Wilkinson (unless a country or state)."""
    return _veto(_in_firm(f.text, f.hit) and not major(f.gaz, f.hit.key))


def direction_before_name(f: Facts) -> Verdict | None:
    """A direction before a name narrows it and is no place: Northeast Georgia, West Cambridge."""
    cap = lexicon().patterns.capital_next.match(f.text[f.hit.end : f.hit.end + 2])
    return _veto(f.hit.key in lexicon().qualifiers and cap is not None)


def part_of_facility(f: Facts) -> Verdict | None:
    """spaCy's FAC reaching past the name: part of a street or building's name, Washington
    Street."""
    return _veto(f.label == "FAC" and f.extends and not f.opens)


def state_highway(f: Facts) -> Verdict | None:
    """A state's name before a route number is a highway: "W.Va. 61", "Minnesota 23"."""
    return _veto(
        lexicon().patterns.route.match(f.text, f.hit.end) is not None
        and any(c.feature == "ADM1" for c in f.gaz.candidates(f.hit.key))
    )


def the_thing(f: Facts) -> Verdict | None:
    """A building, vehicle or firm named like a town: "the White House said", "the Durango sped
    off"."""
    return _veto(f.label not in syntax()["place_entities"] and _the_thing(f))


def tagged_speaker(f: Facts) -> Verdict | None:
    """spaCy's GPE on a surname the report uses for a speaker: "Nelson said"."""
    return _veto(
        f.label in lexicon().place_labels
        and f.one_word
        and f.surface in f.person_words
        and not nation(f.gaz, f.hit.key)
        and not after_locative(f.text, f.hit)
    )


def bare_type_word(f: Facts) -> Verdict | None:
    """A type word alone ("the City", "Lake") that is only some town's alternate name."""
    return _veto(
        f.hit.key in type_keys()
        and not any(c.called(f.hit.key) for c in f.gaz.candidates(f.hit.key))
    )


def region_not_hamlet(f: Facts) -> Verdict | None:
    """spaCy's LOC is a region or feature ("New England", "Old Town"), not the hamlet named like
    it."""
    return _veto(f.label == "LOC" and small_towns_only(f.gaz, f.hit.key, f.th))


def spacy_place(f: Facts) -> Verdict | None:
    """spaCy's GPE/LOC/FAC decides: a place unless its entity runs on into a common word's name."""
    if f.label not in lexicon().place_labels:
        return None
    ok = not f.extends or f.opens or zipf(f.surface.lower()) < f.th.common_zipf
    return Verdict.PLACE if ok else Verdict.NOT_PLACE


def other_label(f: Facts) -> Verdict | None:
    """Dates, sums, titles of works, or a make after a model year ("a red 1994 Dodge"); a label
    spaCy often gives unfamiliar towns (WORK_OF_ART: "leave from Yabroud") yields to a locative."""
    lex = lexicon()
    typed = lex.patterns.next_word.match(f.text, f.hit.end)
    cued = after_locative(f.text, f.hit) or (
        typed is not None and typed.group(1).lower() in type_words()
    )
    soft = f.label in lex.soft_labels and cued
    return _veto((f.label in lex.not_place_labels and not soft) or _after_model_year(f.text, f.hit))


def demonym_for_people(f: Facts) -> Verdict | None:
    """A demonym that names people, not their country: "Syrian refugees", "a Yemeni who", "among
    them Lebanese, Syrians and": no place, where "Syrian territory" still is one. Only when the
    thresholds say people's demonyms are no places (``people_demonyms=False``)."""
    cands = f.gaz.candidates(f.hit.key)
    if f.th.people_demonyms or not cands or not all(c.demonym for c in cands):
        return None
    nxt = lexicon().patterns.next_word.match(f.text, f.hit.end)
    tok = next_token(f.doc, f.hit.end)
    as_noun = tok is None or tok.pos_ not in syntax()["modifiable_pos"]
    return _veto(as_noun or (nxt is not None and nxt.group(1).lower() in lexicon().people_nouns))


def demonym(f: Facts) -> Verdict | None:
    """spaCy's NORP on a name the gazetteer knows as a people's: "Syrian", "Lebanese"."""
    ok = f.label == "NORP" and any(c.demonym for c in f.gaz.candidates(f.hit.key))
    return Verdict.PLACE if ok else None


def inside_person(f: Facts) -> Verdict | None:
    """A place name inside the name spaCy's PERSON covers: Jordan Peterson."""
    beyond = f.ent_start < f.hit.start or f.ent_end > f.hit.end
    return _veto(f.label == "PERSON" and beyond and _inside_name(f.text, f.hit, f.ent_end))


def abbreviated_title(f: Facts) -> Verdict | None:
    """An abbreviated title spelt like a town: Gov., Sen., The Rev."""
    return _veto(f.hit.key in person_titles() and f.text[f.hit.end : f.hit.end + 1] == ".")


def misdecoded(f: Facts) -> Verdict | None:
    """A mis-decoded apostrophe: We\u00e2\u20ac\u2122re read as Latin-1 leaves a word ending in
    \u00e2."""
    return _veto(f.surface.endswith("\u00e2"))


def before_person(f: Facts) -> Verdict | None:
    """A word right before a PERSON entity is a title or a first name: "Gov. Smith"."""
    tok = next_token(
        f.doc, f.hit.end
    )  # a comma right after the name stops it: "Kent, Judy Pearson"
    return _veto(tok is not None and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B")


def hyphen_compound(f: Facts) -> Verdict | None:
    """Part of a hyphenated name (Wal-Mart), unless a party tag or a pair of places
    (Fargo-Moorhead)."""
    return _veto(_in_compound(f.text, f.hit) and not _hyphen_ok(f))


def surname(f: Facts) -> Verdict | None:
    """A one-word name the report uses for a person elsewhere, and no country, unless a locative
    stands right before it here ("between Comalapa and", "near Balkh")."""
    return _veto(
        f.one_word
        and f.surface in f.person_words
        and not nation(f.gaz, f.hit.key)
        and not after_locative(f.text, f.hit)
    )


def known_word_hamlet(f: Facts) -> Verdict | None:
    """A known word or given name only hamlets bear: "the Highway Patrol", "Helen said"."""
    floor = f.th.known_word_zipf if f.label == "ORG" else f.th.given_name_zipf
    return _veto(
        f.label in ("ORG", None)
        and f.one_word
        and small_towns_only(f.gaz, f.hit.key, f.th)
        and zipf(f.surface.lower()) >= floor
    )


def alternate_only(f: Facts) -> Verdict | None:
    """Only a small place's alternate name ("Passover" for a Tennessee town): it needs a cue."""
    return Verdict.WEAK if only_an_alternate(f.gaz, f.hit.key, f.th) else None


def opens_organisation(f: Facts) -> Verdict | None:
    """A known place opening an organisation's name: the Fargo Police Department."""
    return Verdict.PLACE if f.label == "ORG" and f.opens else None


def person_or_people_label(f: Facts) -> Verdict | None:
    """spaCy's PERSON or NORP: a major place stays, anything else needs a cue."""
    if f.label not in ("PERSON", "NORP"):
        return None
    return Verdict.PLACE if major(f.gaz, f.hit.key) else Verdict.WEAK


def not_a_common_word(f: Facts) -> Verdict | None:
    """Multi-word names and abbreviations (U.S., S.C., UAE) are not common words; a longer word in
    capitals that spells a common word only hamlets bear ("OUTLOOK:") is judged as that word."""
    s = f.surface
    header = (
        len(s) > 4
        and small_towns_only(f.gaz, f.hit.key, f.th)
        and zipf(s.lower()) >= f.th.sentence_start_zipf
    )
    caps = s.isupper() and not header
    return Verdict.PLACE if not f.one_word or "." in s.rstrip(".") or caps else None


def common_word(f: Facts) -> Verdict | None:
    """Last: a common word is a place only if it names a major place and opens no sentence."""
    z = zipf(f.surface.lower())
    first = f.doc.char_span(f.hit.start, f.hit.end, alignment_mode="expand")
    at_start = first is not None and first[0].is_sent_start
    is_major = major(f.gaz, f.hit.key)
    if z >= f.th.common_zipf:
        ok = is_major and z < f.th.very_common_zipf and not at_start
    else:
        ok = not (at_start and z >= f.th.sentence_start_zipf) or is_major
    return Verdict.PLACE if ok else Verdict.NOT_PLACE


RULES: tuple[Rule, ...] = (
    date_part,
    byline,
    weapon_system,
    armed_group_name,
    short_alternate,
    in_firm,
    direction_before_name,
    part_of_facility,
    state_highway,
    the_thing,
    tagged_speaker,
    bare_type_word,
    region_not_hamlet,
    demonym_for_people,
    spacy_place,
    other_label,
    demonym,
    inside_person,
    abbreviated_title,
    misdecoded,
    before_person,
    hyphen_compound,
    surname,
    known_word_hamlet,
    alternate_only,
    opens_organisation,
    person_or_people_label,
    not_a_common_word,
    common_word,
)


def judge(f: Facts, rules: tuple[Rule, ...] = RULES) -> tuple[Verdict, str]:
    """The first rule with a say, and its name; a match no rule decides is weak."""
    for rule in rules:
        verdict = rule(f)
        if verdict is not None:
            return verdict, rule.__name__
    return Verdict.WEAK, ""


def _in_firm(text: str, hit: Hit) -> bool:
    pats = lexicon().patterns
    return bool(
        pats.firm_after.match(text[hit.end : hit.end + 4])
        or pats.firm_before.search(text[max(0, hit.start - 4) : hit.start])
    )


def _after_model_year(text: str, hit: Hit) -> bool:
    """A make after a model year is a car, not a town: "a red 1994 Dodge", "his 2006 Lincoln"."""
    m = lexicon().patterns.model_year.search(text, max(0, hit.start - 24), hit.start)
    return m is not None and m.group(1).lower() not in lexicon().date_words


def _qualified(text: str, hit: Hit, start: int, end: int) -> bool:
    """The entity reaches past the name only by a direction or a type word: Hamilton Township."""
    left, right, table = words(text[start : hit.start]), words(text[hit.end : end]), type_words()
    return all(w.key in lexicon().qualifiers for w in left) and all(
        w.text.lower() in table for w in right
    )


def _inside_name(text: str, hit: Hit, end: int) -> bool:
    """Whether a one-word place is part of the name spaCy's PERSON span covers, not a town before
    a title ("Litchfield Fire Chief Ann Roe") or a possessive ("Peru's president Ana Ruiz")."""
    if " " in hit.key or text[hit.end : hit.end + 2] in ("'s", "\u2019s"):
        return False
    titles = person_titles()
    return not any(w.text.rstrip(".").lower() in titles for w in words(text[hit.end : end]))


def _the_thing(f: Facts) -> bool:
    """A "the X" that ends its noun phrase, where X names only towns: a town takes no article
    unless it modifies a noun ("the Dover council", "the Albukamal\u2013Qaim crossing")."""
    text, hit = f.text, f.hit
    if (
        text[max(0, hit.start - 4) : hit.start].lower() != "the "
        or text[hit.end : hit.end + 1] in lexicon().joiners
        or not _next_word_not_noun(f.doc, hit.end)
    ):
        return False
    return all(c.feature.startswith("PPL") for c in f.gaz.candidates(hit.key) if not c.demonym)


def _next_word_not_noun(doc: Doc, end: int) -> bool:
    """The token after ``end`` is no noun the name could modify (a verb, a preposition, 's)."""
    tok = next_token(doc, end)
    return tok is None or tok.pos_ not in syntax()["modifiable_pos"]


def _in_compound(text: str, hit: Hit) -> bool:
    """Hyphen-joined to a capitalised word that is not an article: Wal-Mart, Coca-Cola."""
    after = text[hit.end : hit.end + 2]
    before = text[max(0, hit.start - 2) : hit.start]
    article = text[max(0, hit.start - 4) : hit.start - 1].lower() in ("-al", " al", " el", "-el")
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha() and not article
    )


def _hyphen_ok(f: Facts) -> bool:
    """A hyphen that joins a party to a home town (R-Marion) or two known places
    (Fargo-Moorhead)."""
    text, hit, pats = f.text, f.hit, lexicon().patterns
    if pats.party.search(text, max(0, hit.start - 8), hit.start):
        return True
    if not well_known(f.gaz, hit.key, f.th):
        return False
    other = pats.next_hyphened.match(text, hit.end) or pats.prev_hyphened.search(
        text, max(0, hit.start - 30), hit.start
    )
    return other is not None and other.group(1)[:1].isupper() and fold(other.group(1)) in f.gaz.keys


__all__ = ["RULES", "Facts", "Rule", "Verdict", "facts", "judge"]
