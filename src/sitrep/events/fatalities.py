"""Fatality counts in an event's sentence: "killing 6 civilians", "at least 12 dead",
"dozens were killed", "the death toll rose to 30".

best is the stated figure (the upper one of "at least"/"more than" wording is unknown, so high
stays empty); vague words take the ACLED-style numbers in numbers.VAGUE and are recorded in
`vague`. A sentence that names no deaths gives 0, as ACLED codes events without reported deaths.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Fatalities
from .numbers import NUMBER, VAGUE, parse_number
from .rules import rules

_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_QUAL = r"(?:(?P<qual>at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|an\s+estimated)\s+)?"
_AMOUNT = rf"{_QUAL}(?:(?P<num>{NUMBER})|(?P<vague>{_VAGUE}))"
_NOUNS = r"(?:[\w'-]+\s+){0,3}?"
# Military euphemisms ("eleven terrorists were neutralised", "paid the supreme price") count as deaths.
_EUPHEMISM = r"neutrali[sz]ed|eliminated|paid\s+the\s+(?:supreme|ultimate)\s+price"
DEATH_WORDS = re.compile(
    rf"\b(?:kill\w*|dead|died|die|dies|death\w*|fatalit\w*|lives|massacred|slaughtered|slain|shot\s+dead|gunned\s+down|mown\s+down|perish\w*|bodies|murdered|executed|beheaded|{_EUPHEMISM})\b",
    re.IGNORECASE,
)
PATTERNS = [
    # "killing 6 civilians", "killed at least 12 people", "left seven dead", "shot dead four"
    re.compile(
        rf"\b(?:kill(?:ing|ed|s)?|massacred|slaughtered|left|(?:shot|shooting)\s+dead|gunned\s+down|{_EUPHEMISM})\s+[\"“']?{_AMOUNT}\b(?:\s+(?:of\s+)?{_NOUNS})?",
        re.IGNORECASE,
    ),
    # "death toll rose to 30", "toll of 12", "the toll later rose to 23", "the toll had risen to 20",
    # "the death toll has reached 31"
    re.compile(
        rf"\b(?:death\s+)?toll\s+(?:has\s+|had\s+)?(?:(?:\w+\s+){{0,2}}(?:to|of|at)|reached|hit|passed|topped)\s+{_AMOUNT}",
        re.IGNORECASE,
    ),
    # "at least 12 dead", "12 people were killed", "dozens of soldiers were killed"
    re.compile(
        rf"{_AMOUNT}\s+(?:(?:of\s+)?{_NOUNS})?(?:(?:were|was|have\s+been|had\s+been|are|being|got)\s+)?(?:killed|dead|died|slain|shot\s+dead|gunned\s+down|mown\s+down|massacred|slaughtered|murdered|executed|beheaded|lost\s+their\s+lives|perished|{_EUPHEMISM})\b",
        re.IGNORECASE,
    ),
]
# One person named after the killing verb ("shot dead a retired judge"), when the parse gives no count.
_ONE = re.compile(
    r"\b(?:shot\s+dead|gunned\s+down|killed|executed|murdered|beheaded|assassinated)\s+(?:an?|one)\s+"
    r"(?!(?:number|group|few|couple)\b)[\w'-]+(?:\s+[\w'-]+)?\b(?!\s+and\b)",
    re.IGNORECASE,
)
_VICTIM = re.compile(
    r"\b(?:kill(?:ing|ed)|slain|massacred)\s+(?P<objs>(?:an?|one)\s+[\w\s'-]{1,60}?(?:\s+and\s+(?:an?|one)\s+[\w'-]+(?:\s+[\w'-]+)?)+)",
    re.IGNORECASE,
)

# The bearer of a bomb dies by it too: "killing herself and three shoppers" is four dead.
_SELF = re.compile(
    rf"\bkill(?:ing|ed)\s+(?:himself|herself)\s+and\s+(?:(?:an?|one)\s|{_AMOUNT}\b)",
    re.IGNORECASE,
)


def _from_match(m: re.Match) -> Fatalities | None:
    if m.group("vague"):
        word = m.group("vague").lower()
        return Fatalities(best=VAGUE[word], low=VAGUE[word], vague=word)
    value = parse_number(m.group("num"))
    if value is None:
        return None
    n = int(value)
    qual = (m.group("qual") or "").lower()
    low = n if qual.startswith(tuple(rules().lower_bounds)) else None
    return Fatalities(best=n, low=low)


def _count_of(noun: Token) -> int | None:
    """A number on the noun ('seven soldiers'), or 1 per singular noun named ('a man and his son')."""
    num = next(
        (
            c
            for c in noun.children
            if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("quantmod", "amod"))
        ),
        None,
    )
    num = num or (noun if noun.like_num else None)
    if num is not None:
        value = parse_number(num.text)
        return int(value) if value is not None else None
    if noun.tag_ not in ("NN", "NNP"):
        return None
    return 1 + sum(1 for c in noun.children if c.dep_ == "conj" and c.tag_ in ("NN", "NNP"))


def _killing(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    r = rules()
    return lemma in r.kill_lemmas or any(
        f"{lemma} {c.lower_}" in r.kill_phrasals for c in tok.children
    )  # "shot dead", "were gunned down"


def _victims(tok: Token) -> list[Token]:
    """Who died: the subject of a passive 'were killed' or of 'died', else the object of 'killed'."""
    passive = ("nsubj",) if tok.lemma_.lower() == "die" else ("nsubjpass",)
    out = [c for c in tok.children if c.dep_ in passive]
    if not out and not any(c.dep_ == "auxpass" for c in tok.children):
        holder = (
            tok.head
            if tok.dep_ == "conj" and not any(c.dep_ == "dobj" for c in tok.children)
            else tok
        )
        out = [c for c in holder.children if c.dep_ == "dobj"]
    return out


def _one_count(noun: Token) -> int | None:
    """The count of one noun of a list of victims: its number ('three attackers'), or 1 for a
    singular noun ('a soldier', 'one policeman')."""
    num = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if num is not None:
        value = parse_number(num.text)
        return int(value) if value is not None else None
    return 1 if noun.tag_ == "NN" and any(c.dep_ == "det" for c in noun.children) else None


def _listed(sent: Span) -> Fatalities | None:
    """'One policeman and three attackers were killed', 'killed a soldier and two civilians': the
    dead listed by kind add up (each kind counted, or the sum is not told)."""
    for tok in sent:
        if not _killing(tok):
            continue
        for victim in _victims(tok):
            nouns = [victim, *(c for c in victim.conjuncts if c.i > victim.i)]
            counts = [_one_count(n) for n in nouns if n.pos_ in ("NOUN", "PROPN")]
            if len(counts) == len(nouns) > 1 and all(n is not None for n in counts):
                return Fatalities(best=sum(n for n in counts if n is not None))
    return None


def _parsed(sent: Span) -> Fatalities | None:
    """The count of the victims of a killing verb, commas and all; 1 for one named person."""
    for tok in sent:
        if not _killing(tok):
            continue
        for victim in _victims(tok):
            value = _count_of(victim)
            if value is not None:
                return Fatalities(best=value)
    return None


# "killed and wounded over 100", "100 killed and injured", "60 dead or wounded": one count of the
# dead and the hurt together, no toll.
COMBINED = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|died)\s+(?:and|or|&)\s+(?:injur\w*|wound\w*|hurt)\b",
    re.IGNORECASE,
)
_NEAR = 40  # characters between a count and the words that make it combined


def _combined(m: re.Match, combined: list[re.Match]) -> bool:
    return any(c.start() - _NEAR <= m.end() and m.start() <= c.end() + _NEAR for c in combined)


def fatalities(sent: Span) -> Fatalities | None:
    """The sentence's fatality count; 0 if it names no deaths; None if deaths are named but not
    counted (or counted only together with the wounded)."""
    text = sent.text
    combined = list(COMBINED.finditer(text))
    listed = None if combined else _listed(sent)
    if listed is not None:
        return listed
    for pattern in PATTERNS:
        m = next((x for x in pattern.finditer(text) if not _combined(x, combined)), None)
        if m:
            found = _from_match(m)
            if found is not None:
                return found
    if combined:
        return None
    counted = _parsed(sent)
    if counted is not None:
        return counted
    bearer = _SELF.search(text)
    if bearer:
        if bearer.group("vague"):
            return _from_match(
                bearer
            )  # "killing himself and dozens of others": as vague as it says
        others = _from_match(bearer) if bearer.group("num") else None
        return Fatalities(best=1 + (others.best if others and others.best is not None else 1))
    v = _VICTIM.search(text)  # "killing a commander and a companion": count the people named
    if v:
        return Fatalities(best=len(re.findall(r"\b(?:an?|one)\s", v.group("objs"), re.IGNORECASE)))
    if _ONE.search(text):
        return Fatalities(best=1)
    return None if DEATH_WORDS.search(text) else Fatalities(best=0)


def revises_toll(sent: Span) -> bool:
    """'The death toll later rose to 23, officials said on Saturday': a revision of the incident's
    toll, told later and dated later, but about the same incident."""
    return bool(PATTERNS[1].search(sent.text)) and _revises(sent)


def _revises(sent: Span) -> bool:
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return bool(words & rules().revision)


def incident_fatalities(first: Span, later: list[Span]) -> Fatalities | None:
    """The toll of an incident told in several sentences. A revised toll ('later put the toll at 5')
    replaces the one before. When the first sentence names deaths without a count ('people were
    killed'), the first later count is that toll told again; when it names no deaths at all, the
    later sentences' counts add up ('eleven militants were neutralised ... two soldiers paid the
    supreme price'), a count told twice counting once."""
    base = fatalities(first)
    summed: int | None = None
    counted: set[int] = set()
    for sent in later:
        if not DEATH_WORDS.search(sent.text) and not revises_toll(sent):
            continue
        found = fatalities(sent)
        if found is None or found.best is None:
            continue
        if _revises(sent) or (base is None and summed is None):
            base, summed = found, None
        elif base is not None and not base.best and found.best not in counted:
            summed = (summed or 0) + found.best
            counted.add(found.best)
    return Fatalities(best=summed) if summed is not None else base
