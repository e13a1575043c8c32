"""Who a report says an actor is loyal to, read from the words around its mentions.

The actor stage does not record relations between actors, so the plain shapes wire copy uses
are read here, between two neighbouring actor mentions (X the group, Y its parent): an
apposition ("X, a faction loyal to Y", "X, the northern branch of Y"), a compound ("Y-aligned
X"), the parent's possessive ("Y's X", "Y's desert wing, X"), a unit noun before the name ("the
Y affiliate X"), and an apposition that ends on the parent ("X, a Y affiliate", "X, a little
known Y-linked group"). The words come from ``data/incidents.yaml`` (``allegiance``). Each
shape needs the two actors to be neighbouring mentions by name (not "the military" or
"insurgents"), which keeps false ties rare.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from .cues import cues
from .incidents import class_nouns

HYPHEN = "[-\u2010\u2011]"
POSSESSIVE = "['\u2019]s"
SPAN = r"[^.;,()\n]{0,60}?"  # the words of an apposition before its cue ("a hardline faction")


class Shapes(NamedTuple):
    apposition: re.Pattern[str]  # between X and Y
    compound: re.Pattern[str]  # between Y and X
    possessive: re.Pattern[str]  # between Y and X
    prenominal: re.Pattern[str]  # between Y and X
    opening: re.Pattern[str]  # between X and Y, with ``closing`` after Y
    closing: re.Pattern[str]


def _any(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def shapes() -> Shapes:
    words = cues().allegiance
    loyal, hyphened, unit = _any(words["loyal_to"]), _any(words["hyphened"]), _any(words["units"])
    cue = rf"(?:{loyal}|{unit}\s+of)"
    return Shapes(
        re.compile(rf",?\s+(?:(?:a|an|the)\s+)?{SPAN}\b{cue}\s+(?:the\s+)?", re.I),
        re.compile(rf"{HYPHEN}{hyphened}\s+(?:[\w-]+\s+){{0,2}}", re.I),
        re.compile(rf"{POSSESSIVE}\s+(?:(?:[\w-]+\s+){{0,2}}{unit},?\s+(?:the\s+)?)?", re.I),
        re.compile(rf"\s+(?:[\w-]+\s+)?{unit}\s+(?:the\s+)?", re.I),
        re.compile(rf",\s+(?:(?:a|an|the)\s+{SPAN})?", re.I),
        re.compile(
            rf"(?:{HYPHEN}{hyphened}|\s+(?:[\w-]+\s+)?{unit}|{POSSESSIVE}\s+(?:[\w-]+\s+){{0,2}}{unit})\b",
            re.I,
        ),
    )


class Tie(NamedTuple):
    subject: str  # local entity id of the actor whose allegiance is stated
    object: str  # local entity id it is said to be loyal to
    start: int
    end: int


def _named(mention: dict[str, Any]) -> bool:
    """A mention by name: "the military" or "insurgents" next to a parent ("al-Qaeda's military
    wing", "Islamic State-linked insurgents") states no named group's allegiance."""
    said = mention["text"]
    return any(c.isupper() for c in said) and said.casefold() not in class_nouns()


def _tie(text: str, a: dict[str, Any], b: dict[str, Any]) -> tuple[str, str] | None:
    """(group, parent) of two neighbouring mentions in the order of the text, if a shape ties them."""
    s, between = shapes(), text[a["end"] : b["start"]]
    if s.apposition.fullmatch(between):
        return a["entity"], b["entity"]
    if any(p.fullmatch(between) for p in (s.compound, s.possessive, s.prenominal)):
        return b["entity"], a["entity"]
    if s.opening.fullmatch(between) and s.closing.match(text, b["end"]):
        return a["entity"], b["entity"]
    return None


def ties(data: dict[str, Any]) -> list[Tie]:
    """Allegiance ties stated in one contract dict, with the offsets of the words that state them."""
    text = data["document"]["text"]
    actors = sorted((m for m in data["mentions"] if m["kind"] == "actor"), key=lambda m: m["start"])
    out = []
    for a, b in zip(actors, actors[1:], strict=False):
        if a["entity"] == b["entity"] or not (_named(a) and _named(b)):
            continue
        tie = _tie(text, a, b)
        if tie:
            out.append(Tie(*tie, a["start"], b["end"]))
    return out
