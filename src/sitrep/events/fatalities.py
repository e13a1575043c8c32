"""Fatality counts in an event's sentence: "killing 6 civilians", "at least 12 dead",
"dozens were killed", "the death toll rose to 30".

best is the stated figure (the upper one of "at least"/"more than" wording is unknown, so high
stays empty); vague words take the ACLED-style numbers in numbers.VAGUE and are recorded in
`vague`. A sentence that names no deaths gives 0, as ACLED codes events without reported deaths.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import Fatalities
from .numbers import NUMBER, VAGUE, parse_number

_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_QUAL = r"(?:(?P<qual>at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|an\s+estimated)\s+)?"
_AMOUNT = rf"{_QUAL}(?:(?P<num>{NUMBER})|(?P<vague>{_VAGUE}))"
_NOUNS = r"(?:[\w'-]+\s+){0,3}?"
DEATH_WORDS = re.compile(r"\b(?:kill\w*|dead|died|die|dies|death\w*|fatalit\w*|lives|massacred|slain|shot\s+dead|perish\w*|bodies)\b", re.IGNORECASE)
PATTERNS = [
    # "killing 6 civilians", "killed at least 12 people", "left seven dead"
    re.compile(rf"\b(?:kill(?:ing|ed|s)?|massacred|slaughtered|left)\s+[\"“']?{_AMOUNT}\b(?:\s+(?:of\s+)?{_NOUNS})?", re.IGNORECASE),
    # "death toll rose to 30", "toll of 12"
    re.compile(rf"\b(?:death\s+)?toll\s+(?:has\s+)?(?:\w+\s+)?(?:to|of|at)\s+{_AMOUNT}", re.IGNORECASE),
    # "at least 12 dead", "12 people were killed", "dozens of soldiers were killed"
    re.compile(rf"{_AMOUNT}\s+(?:(?:of\s+)?{_NOUNS})?(?:(?:were|was|have\s+been|had\s+been|are|being|got)\s+)?(?:killed|dead|died|slain|shot\s+dead|massacred|lost\s+their\s+lives|perished)\b", re.IGNORECASE),
]
_VICTIM = re.compile(r"\b(?:kill(?:ing|ed)|slain|massacred)\s+(?P<objs>(?:an?|one)\s+[\w\s'-]{1,60}?(?:\s+and\s+(?:an?|one)\s+[\w'-]+(?:\s+[\w'-]+)?)+)", re.IGNORECASE)


def _from_match(m: re.Match) -> Fatalities | None:
    if m.group("vague"):
        word = m.group("vague").lower()
        return Fatalities(best=VAGUE[word], low=VAGUE[word], vague=word)
    value = parse_number(m.group("num"))
    if value is None:
        return None
    n = int(value)
    qual = (m.group("qual") or "").lower()
    low = n if qual.startswith(("at", "more", "over")) else None
    return Fatalities(best=n, low=low)


def _parsed(sent: Span) -> Fatalities | None:
    """The number on the subject of a passive 'were killed' or of 'died', commas and all; 1 for a singular subject."""
    for tok in sent:
        if tok.lemma_.lower() not in ("kill", "die", "slay") or tok.pos_ not in ("VERB", "AUX"):
            continue
        deps = ("nsubjpass",) if tok.lemma_.lower() != "die" else ("nsubj",)
        for subj in (c for c in tok.children if c.dep_ in deps):
            num = next((c for c in subj.children if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("quantmod", "amod"))), None)
            num = num or (subj if subj.like_num else None)
            value = parse_number(num.text) if num is not None else None
            if value is not None:
                return Fatalities(best=int(value))
            if num is None and subj.tag_ in ("NN", "NNP"):  # "al-Baghdadi was killed": one named person
                return Fatalities(best=1)
    return None


def fatalities(sent: Span) -> Fatalities | None:
    """The sentence's fatality count; 0 if it names no deaths; None if deaths are named but not counted."""
    text = sent.text
    for pattern in PATTERNS:
        m = pattern.search(text)
        if m:
            found = _from_match(m)
            if found is not None:
                return found
    counted = _parsed(sent)
    if counted is not None:
        return counted
    v = _VICTIM.search(text)  # "killing a commander and a companion": count the people named
    if v:
        return Fatalities(best=len(re.findall(r"\b(?:an?|one)\s", v.group("objs"), re.IGNORECASE)))
    return None if DEATH_WORDS.search(text) else Fatalities(best=0)
