"""The KB commands over a KB filled with hand-built reports."""

from __future__ import annotations

import json

import pytest
from kb_fixtures import actor, event, place, report
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.kb.db import open_kb
from sitrep.kb.store import store

ONE = "Fighters of the Sand Wolves stormed an army post in Qarn on Sunday and killed four soldiers."
TWO = "The Night Riders, not the Sand Wolves, stormed the army post in Qarn on Sunday, killing four soldiers."
QARN = (14.2, 13.1, "NG", None)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "kb.db")
    with open_kb(path) as factory, factory.begin() as s:
        for doc_id, text, blamed, outlet in (
            ("one", ONE, "Sand Wolves", "Lake Wire"),
            ("two", TWO, "Night Riders", "Delta Post"),
        ):
            ents = [
                actor("ac1", blamed, blamed.lower().replace(" ", "-")),
                actor("ac2", "army", "national-army"),
                place("pl1", "Qarn", *QARN),
            ]
            ev = event(
                text,
                "ev1",
                "stormed",
                "Armed clash",
                "pl1",
                "2024-04-14",
                {"ac1": "actor1", "ac2": "actor2"},
                4,
                type="Battles",
            )
            store(s, report(doc_id, text, ents, [ev], outlet=outlet))
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_contradictions_json_and_text(db):
    [c] = json.loads(run("contradictions", "--db", db, "--format", "json"))
    assert c["about"] == "perpetrator" and c["documents"] == ["one", "two"]
    assert c["values"] == ["Sand Wolves", "Night Riders"] and isinstance(c["event"], int)
    shown = run("contradictions", "--db", db)
    assert "perpetrator:" in shown and "one (Lake Wire) says Sand Wolves\n" in shown
    assert (
        " says Night Riders\n" in shown and "killing four soldiers." in shown
    )  # the sentence that says it


def test_events_actor_search_and_split(db):
    [ev] = json.loads(
        run("events", "--db", db, "--actor", "army", "--near", "14.2,13.1,5", "--format", "json")
    )
    assert ev["outlets"] == 2 and [r["document"] for r in ev["reports"]] == ["one", "two"]
    assert "Armed clash at Qarn, 4 killed" in run("events", "--db", db, "--since", "2024-04-01")
    dossier = json.loads(run("actor", "army", "--db", db, "--format", "json"))
    assert dossier["registry"] == "national-army" and len(dossier["merges"]) == 1
    assert "two" in run("search", "Night Riders", "--db", db)
    merge = dossier["merges"][0]["id"]
    assert f"merge {merge} undone" in run("entities", "split", str(merge), "--db", db)
    assert CliRunner().invoke(app, ["entities", "split", str(merge), "--db", db]).exit_code == 1


def test_bad_options_are_one_line_errors(db):
    result = CliRunner().invoke(app, ["events", "--db", db, "--near", "north"])
    assert result.exit_code == 2 and "LAT,LON,KM" in result.output
    result = CliRunner().invoke(app, ["actor", "Nobody Here", "--db", db])
    assert result.exit_code == 1
