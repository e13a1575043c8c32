"""Queries over the KB: events by actor, place, distance, date and type; dossiers; full text; analyses."""

from __future__ import annotations

import pytest
from kb_fixtures import actor, db_url, event, kb, person, place, report  # noqa: F401  (fixtures)

from sitrep.kb import query
from sitrep.kb.db import resolve_url
from sitrep.kb.store import store
from sitrep.serialize import validate

RAID = "Gunmen of the Red Hand raided a police post in Ruwaysh on Tuesday, killing two officers. Commander Salim Haddad led them."
SHELLING = "Artillery of the Coastal Guard shelled farms near Marfaq on Sunday, residents said."
RUWAYSH = (33.5, 36.3, "SY", None)
MARFAQ = (34.9, 35.9, "SY", None)


@pytest.fixture
def filled(kb):
    raid_ents = [
        actor("ac1", "Red Hand", "red-hand", aliases=("RH",)),
        actor("ac2", "police", None),
        place("pl1", "Ruwaysh", *RUWAYSH),
        person("pe1", "Salim Haddad", affiliation="ac1"),
    ]
    raid = event(
        RAID,
        "ev1",
        "raided",
        "Armed clash",
        "pl1",
        "2024-05-07",
        {"ac1": "actor1", "ac2": "actor2"},
        2,
        type="Battles",
    )
    shell_ents = [actor("ac1", "Coastal Guard", "coastal-guard"), place("pl1", "Marfaq", *MARFAQ)]
    shell = event(
        SHELLING,
        "ev1",
        "shelled",
        "Shelling/artillery/missile attack",
        "pl1",
        "2024-06",
        precision="month",
        actors={"ac1": "actor1"},
    )
    with kb.begin() as s:
        store(s, report("raid", RAID, raid_ents, [raid], published="2024-05-08"))
        store(
            s,
            report(
                "shell", SHELLING, shell_ents, [shell], outlet="Other Wire", published="2024-06-20"
            ),
        )
    return kb


def test_events_filter_by_actor_place_distance_date_and_type(filled):
    with filled() as s:
        assert [e["sub_type"] for e in query.events(s)] == [
            "Shelling/artillery/missile attack",
            "Armed clash",
        ]
        assert [e["reports"][0]["document"] for e in query.events(s, actor="RH")] == ["raid"]
        assert [e["reports"][0]["document"] for e in query.events(s, place="marfaq")] == ["shell"]
        assert [e["place"]["name"] for e in query.events(s, near=(33.55, 36.3, 10))] == ["Ruwaysh"]
        assert query.events(s, near=(30.0, 30.0, 50)) == []
        assert [e["date"] for e in query.events(s, since="2024-06-15")] == ["2024-06"]
        assert [e["date"] for e in query.events(s, until="2024-05-31")] == ["2024-05-07"]
        assert [e["type"] for e in query.events(s, type="battles")] == ["Battles"]
        assert len(query.events(s, limit=1, offset=1)) == 1
        assert (
            query.events(s, actor="Salim Haddad") == []
        )  # named in the report, but no actor of an event
        [raid] = query.events(s, actor="Red Hand")
        report_event = raid["reports"][0]
        assert report_event["trigger"] == {
            "start": RAID.index("raided"),
            "end": RAID.index("raided") + 6,
            "text": "raided",
        }
        assert raid["fatalities"] == 2


def test_actor_dossier(filled):
    with filled() as s:
        d = query.actor(s, "Red Hand")
        assert query.actor(s, "nobody at all") is None
    assert d["aliases"] == ["RH"]
    assert [p["name"] for p in d["people"]] == ["Salim Haddad"]
    assert [e["sub_type"] for e in d["events"]] == ["Armed clash"]
    assert [p["name"] for p in d["places"]] == ["Ruwaysh"]
    assert [src["document"] for src in d["sources"]] == ["raid"]


def test_full_text_search(filled):
    with filled() as s:
        hits = query.search(s, "police post")
        assert [h["document"] for h in hits] == ["raid"]
        assert "police" in hits[0]["snippet"]
        assert query.search(s, "farms") and query.search(s, "submarine") == []
        assert query.search(s, '" OR NOT (') == []  # search syntax in the query is read as words


def test_analyses_give_back_contract_json_with_kb_ids(filled):
    with filled() as s:
        everything = list(query.analyses(s))
        raids = list(query.analyses(s, actor="Red Hand"))
        counts = query.counts(s)
    assert [a["document"]["id"] for a in everything] == ["raid", "shell"]
    assert [a["document"]["id"] for a in raids] == ["raid"]
    for a in everything:
        validate(a)
        assert all(isinstance(e["kb_id"], int) for e in a["entities"])
    assert counts["documents"] == 2 and counts["incidents"] == 2 and counts["report_events"] == 2


def test_db_location(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_DB", raising=False)
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("SITREP_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    monkeypatch.delenv("SITREP_DB")
    assert resolve_url(None).endswith("/sitrep.db")
