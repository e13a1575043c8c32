"""The shared word lists load, validate, and refuse bad data with the file's name."""

from __future__ import annotations

import pytest

from sitrep import lexicons
from sitrep.errors import DataFileError


def test_calendar_is_in_calendar_order() -> None:
    cal = lexicons.calendar()
    assert cal.weekdays[0] == "monday" and cal.months[8] == "september"
    assert "may" in cal.words and "tripoli" not in cal.words
    assert cal.month_abbreviations["sept"] == "september"


def test_titles_by_group_longest_first() -> None:
    t = lexicons.titles()
    ranks = t.of("ranks")
    assert "brigadier general" in ranks and "constable" in t.of("police")
    assert ranks.index("brigadier general") < ranks.index("general")
    assert "mayor" not in ranks and "mayor" in t.of()


def test_word_list_refuses_capitals_and_empties() -> None:
    with pytest.raises(DataFileError, match="x.yaml: 'w' holds empty or capitalised"):
        lexicons.word_list({"w": ["ok", "Bad"]}, "w", "x.yaml")
    with pytest.raises(DataFileError, match="quote words like 'on'"):
        lexicons.word_list({"w": ["in", True]}, "w", "x.yaml")
    with pytest.raises(DataFileError, match="non-empty list"):
        lexicons.word_list({"w": []}, "w", "x.yaml")


def test_broken_yaml_names_file_and_line(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")

    class Ref:
        def joinpath(self, name: str):
            return bad

    monkeypatch.setattr(lexicons.resources, "files", lambda package: Ref())
    with pytest.raises(DataFileError, match=r"pkg/broken.yaml:\d+"):
        lexicons.load_yaml("pkg", "broken.yaml")


@pytest.mark.parametrize(
    ("word", "number"), [("Sept", 9), ("sep", 9), ("December", 12), ("Jan", 1), ("Mon", None)]
)
def test_month_number_from_a_name_or_its_start(word: str, number: int | None) -> None:
    assert lexicons.month_number(word) == number


# One titles list (sitrep/data/titles.yaml) read by places, actors and claims.


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("The officer said the convoy was hit near Gao on Monday.", "anonymous"),
        ("Sheriff Diaz said the road to Kidal was closed after the attack.", "named_person"),
        ("The governor said the curfew in Gao would hold.", "named_person"),
    ],
)
def test_claims_take_titles_from_the_shared_list(analyze, text: str, source_type: str) -> None:
    """A title before a name makes a named source; alone, only an office one person holds does
    ("the governor"), not a rank many share ("the officer")."""
    (claim,) = analyze(text)["claims"]
    assert claim["source"]["type"] == source_type


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Trooper Okafor said two men were arrested in Kidal.", "Okafor", "Kidal"),
        ("Imam Bakary led prayers in Mopti after the raid.", "Bakary", "Mopti"),
        ("Detective Amara Sall flew to Bamako on Friday.", "Amara Sall", "Bamako"),
    ],
)
def test_a_name_after_a_title_is_no_place(analyze, text: str, person: str, place: str) -> None:
    data = analyze(text)
    places = {e["name"] for e in data["entities"] if e["kind"] == "place"}
    assert place in places and not any(person.split()[-1] in p for p in places)


def test_every_stage_reads_the_one_titles_list() -> None:
    from sitrep.actors.lexicon import lexicon
    from sitrep.places.hits import person_titles

    shared = lexicons.titles()
    assert set(shared.of("ranks")) <= person_titles()
    assert not set(shared.of("royal")) & person_titles()  # "Prince George" stays a place
    assert {"lt. col.", "lt col", "bishop"} <= set(lexicon().titles)
    assert "president." not in lexicon().titles  # only abbreviations take dots


def test_titles_refuse_an_abbreviation_that_is_no_title(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = lexicons.parse_yaml(
        lexicons.resources.files("sitrep.data").joinpath("titles.yaml").read_text("utf-8")
    )
    raw["abbreviations"] = [*raw["abbreviations"], "xyz"]
    monkeypatch.setattr(lexicons, "load_yaml", lambda package, name: raw)
    lexicons.titles.cache_clear()
    try:
        with pytest.raises(DataFileError, match="titles.yaml: abbreviations that are no title"):
            lexicons.titles()
    finally:
        lexicons.titles.cache_clear()
