"""The place/actor decision for spans both stages claim.

An actor found by strong evidence (registry, acronym, outlet, a title) or by a longer
span wins: "Daesh" is never a place, "Lebanese army" drops its "Lebanese". Generic NER loses
a tie to the gazetteer ("Sarmada" tagged ORG stays a town); the short form of a person named in
full in the report does not ("Idris's men" after "Idris Musa"). A country or town named inside a
longer actor name after "of"/"de", or opening it ("Central Bank of Nigeria", "Lake Chad
Wire"), keeps its place mention too: the name does refer to that place.
"""
from __future__ import annotations

import bisect
import re

from ..model import Analysis, Mention
from .candidates import Cand

FIGHTERS = ("armed_group", "militia", "criminal_network", "state_force", "foreign_force", None)
WINS_TIES = ("byline", "registry", "outlet", "acronym", "title", "short")


def _nation(a: Analysis, p: Mention) -> bool:
    entity = a.entity(p.entity)
    feature = (entity.geo.feature or "") if entity and entity.geo else ""
    return p.demonym or feature.startswith("PCL") or feature in ("CONT", "ADM1")


def _nested_place(text: str, p: Mention, c: Cand) -> bool:
    """Does the actor's name refer to the place inside it? After "of" it does ("Central Bank of
    Nigeria"); opening the name of an outlet or an office too ("Lake Chad Wire"); never inside a
    person's name or an armed group's ("Jalisco New Generation Cartel", "Rapid Support Forces")."""
    if p.demonym or not (c.start <= p.start and p.end <= c.end) or (p.start, p.end) == (c.start, c.end):
        return False
    if re.search(r"\s(?:of|de|del|in|for)\s+(?:the\s+)?$", text[c.start:p.start]):
        return True
    return p.start == c.start and c.kind == "actor" and c.actor_type not in FIGHTERS


def _list_of_places(text: str, c: Cand, hits: list[Mention]) -> bool:
    """Generic NER's "Yabroud and Flita" (ORG): nothing but places joined by "and", "or" or commas."""
    rest, pos = [], c.start
    for p in sorted(hits, key=lambda m: m.start):
        rest.append(text[pos:max(pos, p.start)])
        pos = max(pos, p.end)
    rest.append(text[pos:c.end])
    return len(hits) > 1 and re.fullmatch(r"(?:[\s,&]|\band\b|\bor\b|\bthe\b)*", "".join(rest), re.IGNORECASE) is not None


def decide(a: Analysis, chosen: list[Cand]) -> list[Cand]:
    """Drop the losing side of every actor/place overlap; returns the actor candidates kept."""
    text = a.document.text
    places = sorted((m for m in a.mentions if m.kind == "place"), key=lambda m: m.start)
    starts = [m.start for m in places]
    widest = max((m.end - m.start for m in places), default=0)
    lost_places: set[int] = set()
    kept = []
    for c in chosen:
        window = places[bisect.bisect_left(starts, c.start - widest):bisect.bisect_left(starts, c.end)]
        hits = [p for p in window if p.start < c.end and c.start < p.end]
        longer = all(c.end - c.start > p.end - p.start and c.start <= p.start and p.end <= c.end for p in hits)
        if hits and not (c.source in WINS_TIES or longer) or c.source == "ner" and _list_of_places(text, c, hits):
            continue
        if c.source == "short" and any(_nation(a, p) for p in hits):
            continue  # "Egypt" after a headline the tagger read as a person's name stays the country
        lost_places.update(id(p) for p in hits if not _nested_place(text, p, c))
        kept.append(c)
    a.mentions = [m for m in a.mentions if id(m) not in lost_places]
    used = {m.entity for m in a.mentions}
    a.entities = [e for e in a.entities if e.kind != "place" or e.id in used]
    return kept
