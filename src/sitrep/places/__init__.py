"""Places stage: find place names, resolve each to a gazetteer row, or abstain with a warning."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis, Entity, Geo, Mention
from .detect import Hit, find
from .resolve import Choice, resolve
from .store import Candidate, Gazetteer, get_gazetteer


def annotate(a: Analysis, doc: Doc) -> None:
    """Add one place mention per name found and one entity per distinct place (pl1, pl2...)."""
    gaz = get_gazetteer()
    text = a.document.text
    hits = find(text, doc, gaz)
    choices = resolve(hits, gaz, _dateline(a.document.dateline, gaz))
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
    ident: object = c.id if c else ("unresolved", hit.key)
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
            if c.id > 0:
                ent.ids["geonames"] = c.id
        else:
            a.warnings.append(f"place {ent.name!r} left unresolved: {choice.reason}")
        a.entities.append(ent)
        by_place[ident] = ent
    return by_place[ident]


def _dateline(dateline: str | None, gaz: Gazetteer) -> list[Candidate]:
    """The dateline's place (BEIRUT, Damascus): its most likely reading sets the scene."""
    if not dateline:
        return []
    from .fold import fold

    cands = gaz.candidates(fold(dateline.split(",")[0]))
    return cands[:1]
