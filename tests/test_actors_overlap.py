"""The place/actor decision keeps a place that an actor's name refers to, and only drops the
ones inside a fighting group's name or a person's name."""

from __future__ import annotations

import pytest


def _places(data: dict) -> set[str]:
    return {m["text"] for m in data["mentions"] if m["kind"] == "place"}


def _actors(data: dict) -> set[str]:
    return {m["text"] for m in data["mentions"] if m["kind"] == "actor"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The Madison County Sheriff said deputies found the stolen tractor on Friday.",
            "Madison County",
        ),
        ("The Athens City Council voted on Tuesday to close the old bridge for repairs.", "Athens"),
        ("The Sudan Liberation Army said its fighters repelled an attack near El Fasher.", "Sudan"),
    ],
)
def test_a_place_opening_a_name_that_refers_to_it_is_kept(analyze, text: str, place: str) -> None:
    assert any(p.endswith(place) for p in _places(analyze(text, published="2024-05-03")))


def test_a_province_opening_a_cartel_name_is_no_place(analyze) -> None:
    data = analyze(
        "Gunmen of the Jalisco New Generation Cartel ambushed police officers near Aguililla on Monday.",
        published="2024-05-06",
    )
    assert "Jalisco" not in _places(data)
    assert any("Jalisco New Generation Cartel" in a for a in _actors(data))
