"""Places stage: find place names, resolve each to a gazetteer row, or abstain with a warning."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Analysis, Entity, Geo, Mention
from .detect import Hit, find
from .lexicon import lexicon
from .resolve import Choice, resolve
from .store import Candidate, Gazetteer, get_gazetteer


def annotate(a: Analysis, doc: Doc) -> None:
    """Add one place mention per name found and one entity per distinct place (pl1, pl2...)."""
    gaz = get_gazetteer()
    text = a.document.text
    hits = find(text, doc, gaz)
    choices = resolve(hits, gaz, _dateline(a.document.dateline, gaz))
    choices = _contained(text, hits, choices)
    by_place: dict[object, Entity] = {}
    for hit, choice in zip(hits, choices, strict=False):
        ent = _entity(a, hit, choice, by_place)
        surface = text[hit.start : hit.end]
        if surface not in ent.aliases and surface != ent.name:
            ent.aliases.append(surface)
        a.mentions.append(
            Mention(hit.start, hit.end, surface, "place", ent.id, demonym=hit.demonym)
        )
    for ent in by_place.values():
        ent.demonym = all(m.demonym for m in a.mentions if m.entity == ent.id)


def _entity(a: Analysis, hit: Hit, choice: Choice, by_place: dict[object, Entity]) -> Entity:
    """The entity for this place, made on first sight; abstentions group by spelling."""
    c = choice.candidate
    ident: object = c.id if c and not choice.area else ("unresolved", hit.key)
    if ident not in by_place:
        ent = Entity(
            a.new_id("pl", [e for e in a.entities if e.kind == "place"]),
            "place",
            c.name if c else a.document.text[hit.start : hit.end],
        )
        if c:
            ent.geo = Geo(
                c.lat, c.lon, c.country, c.feature, c.id if c.id > 0 else None, choice.confidence
            )
            if choice.area:  # the name is unknown: the division that holds it gives the point
                ent.geo.geonameid, ent.geo.precision = None, choice.area
                ent.name = a.document.text[hit.start : hit.end]
                a.warnings.append(f"place {ent.name!r} placed at its {choice.area}: {c.name}")
            elif c.id > 0:
                ent.ids["geonames"] = c.id
        else:
            a.warnings.append(f"place {ent.name!r} left unresolved: {choice.reason}")
        a.entities.append(ent)
        by_place[ident] = ent
    return by_place[ident]


# Divisions whose point may stand for an unknown place inside them, and the word geo.precision says.
_AREA_PRECISION = {"ADM1": "province", "ADM2": "district", "ADM3": "district", "ADM4": "district"}
_AREA_KINDS = {"province": "province", "district": "district"}


def _contained(text: str, hits: list[Hit], choices: list[Choice]) -> list[Choice]:
    """An unknown place right before its resolved division ("X village in Y district") takes
    that division's point, with ``area`` naming the level so geo.precision can say so."""
    out = list(choices)
    gap = lexicon().patterns.area_gap
    for n, (hit, choice) in enumerate(zip(hits, choices, strict=False)):
        if choice.candidate or n + 1 >= len(hits):
            continue
        nxt, parent = hits[n + 1], choices[n + 1].candidate
        if parent is None or not gap.fullmatch(text[hit.end : nxt.start]):
            continue
        level = _AREA_PRECISION.get(parent.feature) or _AREA_KINDS.get(parent.kind)
        if level:
            out[n] = replace(choice, candidate=parent, confidence=0.3, area=level)
    return out


def _dateline(dateline: str | None, gaz: Gazetteer) -> list[Candidate]:
    """The dateline's place (BEIRUT, Damascus): its most likely reading sets the scene."""
    if not dateline:
        return []
    from .fold import fold

    cands = gaz.candidates(fold(dateline.split(",")[0]))
    return cands[:1]
