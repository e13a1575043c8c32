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
    assert "brigadier general" in ranks and "constable" in ranks
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
