"""Whether a trigger's sentence says the happening took place, and how firmly.

Only asserted (and alleged) happenings are events that took place; denials, plans, threats and
conditionals are kept apart so they are not counted as facts.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import syntax
from .rules import rules


def _chain(tok: Token) -> list[Token]:
    """The trigger and the words it hangs from, up to the root of its sentence."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def modality(tok: Token) -> str:
    r = rules()
    chain = _chain(tok)
    for i, t in enumerate(chain):
        kids = list(t.children)
        if any(k.dep_ == "neg" or k.lower_ in ("no", "never") for k in kids):
            return "negated"
        if i and t.lemma_.lower() in r.deny:
            return "negated"
        if any(k.lower_ in ("will", "'ll", "shall") for k in kids) or (
            i and t.lemma_.lower() in r.plan
        ):
            return "planned"
        if any(k.lower_ in r.hedge and k.pos_ in syntax()["hedge_pos"] for k in kids):
            return "hypothetical"
    if any(k.lemma_.lower() in r.allege for t in chain for k in [t, *t.children]):
        return "alleged"
    return "asserted"


def habitual(tok: Token) -> bool:
    """'have attacked it repeatedly', 'has killed 40,000 since 2009': a pattern, not one event.
    A simple past keeps its event ('struck the area repeatedly in August' is one campaign)."""
    if tok.tag_ == "VBD":
        return False
    habit = rules().habitual
    for t in _chain(tok)[:2]:
        for k in t.children:
            if k.lower_ in habit or (
                k.lower_ == "times" or any(g.lower_ == "times" for g in k.children)
            ):
                return True
            if k.dep_ == "prep" and k.lower_ == "since" and _perfect(t):
                return True
            if (
                k.dep_ == "prep"
                and k.lower_ == "for"
                and any(g.lemma_.lower() in ("year", "decade") for g in k.subtree)
            ):
                return True
    return False


def _perfect(tok: Token) -> bool:
    """Present or past perfect: 'have been killed since ...', 'had been killed since ...' count a period."""
    return any(k.dep_ == "aux" and k.lower_ in ("has", "have", "'ve", "had") for k in tok.children)


def tense_ok(tok: Token, dated: bool) -> bool:
    """A past happening: simple past, passive past, past perfect; present perfect or a participle only when dated."""
    if tok.tag_ == "VBD" or (tok.tag_ == "VBP" and tok.lower_ in rules().past_forms):
        return True  # "forces retook it" tagged as present
    if tok.tag_ != "VBN":
        return False
    if any(k.dep_ == "aux" and k.lower_ == "had" for k in tok.children):
        return True
    if any(k.dep_ == "auxpass" and k.lower_ in ("was", "were") for k in tok.children):
        return True
    return dated
