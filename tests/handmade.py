"""Build an Analysis by hand (places, actors, quantities) so a stage can be tested on its own,
whatever the earlier stages find in the same text."""

from __future__ import annotations

import re

from sitrep.model import Document, Entity, Geo, Mention, Quantity
from sitrep.nlp import get_nlp
from sitrep.pipeline import prepare

COUNTRY = "PCLI"
TOWN = "PPL"


def _find(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def handmade(
    text: str,
    places: dict[str, str] | None = None,
    actors: dict[str, str] | None = None,
    persons: tuple[str, ...] = (),
    money: dict[str, tuple[float, str, str | None]] | None = None,
):
    """(analysis, parsed doc) with a place entity per name in ``places`` (name -> GeoNames feature),
    an actor per name in ``actors`` (name -> actor type), persons, and sums of money
    (words -> (amount, ISO code, per))."""
    a = prepare(Document(id="t", text=text, language="en"))
    for kind, names in (
        ("place", places or {}),
        ("actor", actors or {}),
        ("person", dict.fromkeys(persons)),
    ):
        for name, detail in names.items():
            prefix = {"place": "pl", "actor": "ac", "person": "pe"}[kind]
            eid = f"{prefix}{sum(e.kind == kind for e in a.entities) + 1}"
            geo = Geo(0.0, 0.0, feature=detail) if kind == "place" else None
            a.entities.append(
                Entity(eid, kind, name, geo=geo, actor_type=detail if kind == "actor" else None)
            )
            for start, end in _find(text, name):
                a.mentions.append(Mention(start, end, name, kind, eid))
    for words, (amount, code, per) in (money or {}).items():
        for start, end in _find(text, words):
            a.quantities.append(Quantity(start, end, words, amount, code, per))
    a.mentions.sort(key=lambda m: m.start)
    return a, get_nlp()(text)


def routed(text: str, places: dict[str, str], **kw):
    """The analysis after the routes stage alone ran over hand-made places."""
    from sitrep import routes

    a, doc = handmade(text, places, **kw)
    routes.annotate(a, doc)
    return a


def waypoint_names(a, route) -> list[str]:
    return [a.entity(w.entity).name for w in route.waypoints]


def with_events(text: str, published: str = "2024-04-20", **kw):
    """The analysis after the events stage alone ran over a hand-made analysis (see handmade)."""
    from sitrep import events

    a, doc = handmade(text, **kw)
    a.document.published = published
    events.annotate(a, doc)
    return a


def sub_types(text: str, **kw) -> list[str]:
    """The sub-types of the events the events stage finds in a hand-made analysis."""
    return [e.sub_type for e in with_events(text, **kw).events]
