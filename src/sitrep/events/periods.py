"""Tolls told over a span of time ("has killed 12,000 since 2012", "abducted 1,500 so far this
year", "Violence ... killed 2,000 people last year"): a tally of many happenings, so no event of its
own and no part of any incident's toll. The words are in data/rules.yaml (tally_*)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicons import syntax
from .rules import rules

_YEAR = re.compile(r"(?:19|20)\d\d")
_VERBS = ("VERB", "AUX")


def _clause(head: Token) -> list[Token]:
    """The words of the head's own clause: its subtree less the clauses of other verbs in it."""
    out = []
    for tok in head.subtree:
        t = tok
        while t.i != head.i and t.pos_ not in _VERBS:
            t = t.head
        if t.i == head.i:
            out.append(tok)
    return out


def _since(tok: Token) -> bool:
    """ "since 2012", "since January", "since the start of the year"."""
    if tok.lower_ != "since" or tok.head.pos_ not in _VERBS:  # "the first time since 2012"
        return False
    for g in tok.children:
        if g.dep_ == "pobj" and (
            g.lower_ in rules().tally_since or any(_YEAR.fullmatch(t.text) for t in g.subtree)
        ):
            return True
    return False


def _in_year(tok: Token) -> bool:
    return (
        tok.lower_ == "in"
        and tok.dep_ == "prep"
        and any(g.dep_ == "pobj" and _YEAR.fullmatch(g.text) for g in tok.children)
    )


def _no_doer(head: Token, sent: Span) -> bool:
    """The harm's subject is a condition ("violence", "the insurgency"), or the sentence counts
    happenings in the plural ("stepped up their raids, killing ...")."""
    words = rules().tally_subjects
    verbs = [head, head.head] if head.dep_ in syntax()["role_sharing_clauses"] else [head]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lemma_.lower() in words or s.lower_ in words for s in subjects) or any(
        t.tag_ == "NNS" and t.lower_ in words for t in sent
    )


def _verb(tok: Token) -> Token:
    """A nominal trigger's verb ("Violence ... killed"); a verb is its own."""
    t = tok
    while t.pos_ not in _VERBS and t.head.i != t.i:
        t = t.head
    return t if t.pos_ in _VERBS else tok


def _shares(conj: Token) -> bool:
    """A verb joined by "and" with no subject of its own shares the first verb's modifiers; "... since
    September, and four children have died" does not."""
    return conj.pos_ in _VERBS and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)


def over_a_period(head: Token) -> bool:
    """Is the harm at this word told over a span of time rather than as one happening? Verbs joined
    by "and" share their modifiers ("has killed 12,000 and displaced a million since 2012")."""
    r = rules()
    verb = _verb(head)
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj" and _shares(c))]
    if verb.dep_ == "conj" and _shares(verb):
        joined.append(verb.head)
    clause = [t for v in joined for t in _clause(v)]
    text = f" {' '.join(t.lower_ for t in clause)} "
    if any(f" {p} " in text for p in r.tally_spans) or any(_since(t) for t in clause):
        return True
    calendar = any(f" {p} " in text for p in r.tally_periods) or any(_in_year(t) for t in clause)
    return calendar and _no_doer(verb, verb.sent)


def tells_a_tally(sent: Span) -> bool:
    """Does a killing verb of the sentence tell its toll over a span of time?"""
    r = rules()
    harm = r.kill_lemmas | r.sufferer_verbs
    return any(t.pos_ in _VERBS and t.lemma_.lower() in harm and over_a_period(t) for t in sent)
