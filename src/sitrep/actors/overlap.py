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

from ..model import Analysis, Entity, Geo, Mention
from ..places.fold import fold
from ..places.hits import type_words
from ..places.store import Candidate, get_gazetteer
from .candidates import Cand
from .lexicon import lexicon

FIGHTERS = ("armed_group", "militia", "criminal_network")


def _nation(a: Analysis, p: Mention) -> bool:
    entity = a.entity(p.entity)
    feature = (entity.geo.feature or "") if entity and entity.geo else ""
    return p.demonym or feature.startswith("PCL") or feature in ("CONT", "ADM1")


def _core(text: str, p: Mention) -> int:
    """Where a place mention's name starts, after an article the place stage took in
    ("The Chin")."""
    m = re.match(r"(?i:the)\s+", text[p.start : p.end])
    return p.start + m.end() if m else p.start


def _nested_place(a: Analysis, text: str, p: Mention, c: Cand) -> bool:
    """Does the actor's name refer to the place inside it? After "of" it does ("Central Bank of
    Nigeria"); opening the name of a state body or an outlet too ("Jordan Armed Forces", "Lake Chad
    Wire"); never inside a person's name or a non-state group's ("Jalisco New Generation Cartel",
    "Rapid Support Forces")."""
    if p.demonym and c.source == "arms":  # "Russian missiles": the country that fired stays named
        return True
    if (
        p.demonym
        or not (c.start <= _core(text, p) and p.end <= c.end)
        or (p.start, p.end) == (c.start, c.end)
    ):
        return False
    if re.search(r"\s(?:of|de|del|in|for)\s+(?:the\s+)?$", text[c.start : p.start]):
        return True
    if _core(text, p) != c.start:
        return False
    if c.kind == "actor":
        return c.actor_type not in FIGHTERS or _country(a, p)
    return _typed(text, p)


def _country(a: Analysis, p: Mention) -> bool:
    """A country opening a group's name still names it ("Sudan Liberation Army"); a province
    or town opening a cartel's does not ("Jalisco New Generation Cartel")."""
    entity = a.entity(p.entity)
    return bool(entity and entity.geo and (entity.geo.feature or "").startswith("PCL"))


def _typed(text: str, p: Mention) -> bool:
    """A place named with its type word ("McMinn County", "Rapides Parish") is no part of a
    person's name, even when a title follows it ("McMinn County Sheriff")."""
    last = text[p.start : p.end].split()[-1].lower()
    return last in type_words()


def _list_of_places(text: str, c: Cand, hits: list[Mention]) -> bool:
    """Generic NER's "Yabroud and Flita" (ORG): nothing but places joined by "and", "or" or commas."""
    rest, pos = [], c.start
    for p in sorted(hits, key=lambda m: m.start):
        rest.append(text[pos : max(pos, p.start)])
        pos = max(pos, p.end)
    rest.append(text[pos : c.end])
    return (
        len(hits) > 1
        and re.fullmatch(r"(?:[\s,&]|\band\b|\bor\b|\bthe\b)*", "".join(rest), re.IGNORECASE)
        is not None
    )


def decide(a: Analysis, chosen: list[Cand]) -> list[Cand]:
    """Drop the losing side of every actor/place overlap; returns the actor candidates kept."""
    text = a.document.text
    places = sorted((m for m in a.mentions if m.kind == "place"), key=lambda m: m.start)
    starts = [m.start for m in places]
    widest = max((m.end - m.start for m in places), default=0)
    lost_places: set[int] = set()
    kept = []
    for c in chosen:
        window = places[
            bisect.bisect_left(starts, c.start - widest) : bisect.bisect_left(starts, c.end)
        ]
        hits = [p for p in window if p.start < c.end and c.start < p.end]
        longer = all(
            c.end - c.start > p.end - p.start and c.start <= _core(text, p) <= p.end <= c.end
            for p in hits
        )
        if c.source == "coordinated":  # "Afghan" of "Afghan and Pakistani troops": both
            kept.append(c)
            continue
        if (
            hits
            and not (c.source in lexicon().wins_ties or longer)
            or c.source == "ner"
            and _list_of_places(text, c, hits)
        ):
            continue
        if c.source == "short" and not c.titled and any(_nation(a, p) for p in hits):
            continue  # "Egypt" after a headline the tagger read as a person's name stays the country
        lost_places.update(id(p) for p in hits if not _nested_place(a, text, p, c))
        kept.append(c)
    a.mentions = [m for m in a.mentions if id(m) not in lost_places]
    used = {m.entity for m in a.mentions}
    a.entities = [e for e in a.entities if e.kind != "place" or e.id in used]
    return kept


def possessive_places(a: Analysis, chosen: list[Cand]) -> list[Cand]:
    """ "Khyber Pakhtunkhwa's Lakki Marwat": a name the tagger took for a person or a group, after a
    place's possessive, that the gazetteer knows in that place's country is a place there.
    Returns the candidates that stay actors; the others become place mentions."""
    kept = []
    for c in chosen:
        country = _possessor_country(a, c.start) if c.source == "ner" else None
        found = _in_country(c.name, country) if country else None
        if found is None:
            kept.append(c)
        else:
            _add_place(a, c, found)
    return kept


def _possessor_country(a: Analysis, start: int) -> str | None:
    m = re.search(r"['\u2019]s\s+$", a.document.text[max(0, start - 4) : start])
    if m is None:
        return None
    end = start - (len(a.document.text[max(0, start - 4) : start]) - m.start())
    owner = next((p for p in a.mentions if p.kind == "place" and p.end == end), None)
    ent = a.entity(owner.entity) if owner else None
    return ent.geo.country if ent is not None and ent.geo is not None else None


def _in_country(name: str, country: str) -> Candidate | None:
    found = get_gazetteer().candidates(fold(name))
    return next((g for g in found if g.country == country and not g.demonym), None)


def _add_place(a: Analysis, c: Cand, g: Candidate) -> None:
    used = [int(e.id[2:]) for e in a.entities if e.kind == "place" and e.id[2:].isdigit()]
    ent = Entity(
        f"pl{max(used, default=0) + 1}",
        "place",
        g.name,
        geo=Geo(g.lat, g.lon, g.country, g.feature, g.id if g.id > 0 else None, 0.5),
    )
    if g.id > 0:
        ent.ids["geonames"] = g.id
    a.entities.append(ent)
    a.mentions.append(Mention(c.start, c.end, a.document.text[c.start : c.end], "place", ent.id))
