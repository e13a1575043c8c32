"""KB test helpers: a database per test on SQLite and PostgreSQL, and hand-built analyses.

Analyses are built from the model dataclasses rather than the pipeline, so the KB is tested
against the contract while the extraction stages are still changing.
"""

from __future__ import annotations

import os
import re
import uuid
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from sitrep.model import (
    Analysis,
    Claim,
    DateRef,
    Document,
    Entity,
    Event,
    EventActor,
    Fatalities,
    Geo,
    Mention,
    Source,
    Span,
)
from sitrep.serialize import to_dict, validate


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty KB location: a SQLite file, or a schema of its own on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.db'}"
        return
    base = os.environ.get("SITREP_TEST_PG_URL")
    if not base:
        pytest.skip("SITREP_TEST_PG_URL is not set (.ci/postgres starts a server and prints it)")
    schema = f"kbtest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def kb(db_url):
    """A session factory on a fresh KB."""
    from sitrep.kb.db import open_kb

    with open_kb(db_url) as factory:
        yield factory


def actor(
    eid: str,
    name: str,
    registry: str | None = None,
    aliases: tuple[str, ...] = (),
    actor_type: str | None = None,
) -> Entity:
    return Entity(
        eid,
        "actor",
        name,
        aliases=list(aliases),
        actor_type=actor_type,
        ids={"registry": registry} if registry else {},
    )


def place(
    eid: str,
    name: str,
    lat: float,
    lon: float,
    country: str,
    geonameid: int | None = None,
    feature: str = "PPL",
) -> Entity:
    return Entity(
        eid,
        "place",
        name,
        geo=Geo(lat, lon, country, feature, geonameid, 0.9),
        ids={"geonames": geonameid} if geonameid else {},
    )


def person(eid: str, name: str, affiliation: str | None = None) -> Entity:
    return Entity(eid, "person", name, affiliation=affiliation)


def word(text: str, w: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of w in text."""
    starts = [m.start() for m in re.finditer(re.escape(w), text)]
    return Span(starts[nth], starts[nth] + len(w), w)


def event(
    text: str,
    eid: str,
    trigger: str,
    sub_type: str,
    place_id: str | None,
    day: str | None,
    actors: dict[str, str] | None = None,
    killed: int | None = None,
    type: str = "Explosions/Remote violence",
    precision: str = "day",
    claim: str | None = None,
) -> Event:
    return Event(
        eid,
        type,
        sub_type,
        word(text, trigger),
        actors=[EventActor(e, r) for e, r in (actors or {}).items()],
        place=place_id,
        date=DateRef(day, precision) if day else None,
        fatalities=Fatalities(killed) if killed is not None else None,
        claim=claim,
    )


def claim(
    text: str,
    cid: str,
    words: str,
    source: str,
    kind: str,
    reliability: str = "B",
    credibility: int = 2,
) -> Claim:
    c = word(text, words)
    s = word(text, source)
    return Claim(
        cid,
        c.start,
        c.end,
        c.text,
        Source(s.text, kind, start=s.start, end=s.end),
        reliability=reliability,
        credibility=credibility,
    )


def report(
    doc_id: str,
    text: str,
    entities: list[Entity],
    events: list[Event] = (),
    claims: list[Claim] = (),
    outlet: str = "Test Wire",
    published: str = "2024-04-15",
) -> dict[str, Any]:
    """A validated contract dict; every occurrence of an entity's name or alias in the text is a mention."""
    a = Analysis(
        Document(
            doc_id,
            text,
            title=text.split("\n")[0],
            outlet=outlet,
            published=published,
            language="en",
        )
    )
    a.entities = list(entities)
    for e in entities:
        for name in {e.name, *e.aliases}:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                a.mentions.append(Mention(m.start(), m.end(), name, e.kind, e.id))
    a.mentions.sort(key=lambda m: m.start)
    a.events, a.claims = list(events), list(claims)
    data = to_dict(a)
    validate(data)
    return data
