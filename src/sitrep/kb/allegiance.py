"""Who a report says an actor is loyal to, read from the words around its mentions.

The actor stage does not record relations between actors, so two plain shapes are read
here: an apposition ("X, a faction loyal to Y") and a compound ("Y-aligned X"). Both need
the two actors to be neighbouring mentions, which keeps false ties rare.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

CUE = r"(?:loyal to|aligned (?:with|to)|affiliated (?:with|to)|allied (?:with|to)|linked to|pledged allegiance to|an? (?:offshoot|affiliate|branch|wing) of)"  # noqa: E501 - one literal
# Between X and Y: "X, a hardline faction loyal to [the] Y", "X, which is affiliated with Y".
APPOSITION = re.compile(
    r",?\s+(?:(?:a|an|the)\s+)?[^.;,()\n]{0,60}?\b" + CUE + r"\s+(?:the\s+)?", re.I
)
# Between Y and X: "Y-aligned X", "Y-linked cells of X".
COMPOUND = re.compile(
    r"[-\u2010\u2011](?:aligned|linked|affiliated|allied|loyal)\s+(?:[\w-]+\s+){0,2}", re.I
)


class Tie(NamedTuple):
    subject: str  # local entity id of the actor whose allegiance is stated
    object: str  # local entity id it is said to be loyal to
    start: int
    end: int


def ties(data: dict[str, Any]) -> list[Tie]:
    """Allegiance ties stated in one contract dict, with the offsets of the words that state them."""
    text = data["document"]["text"]
    actors = sorted((m for m in data["mentions"] if m["kind"] == "actor"), key=lambda m: m["start"])
    out = []
    for a, b in zip(actors, actors[1:], strict=False):
        if a["entity"] == b["entity"]:
            continue
        between = text[a["end"] : b["start"]]
        if APPOSITION.fullmatch(between):
            out.append(Tie(a["entity"], b["entity"], a["start"], b["end"]))
        elif COMPOUND.fullmatch(between):
            out.append(Tie(b["entity"], a["entity"], a["start"], b["end"]))
    return out
