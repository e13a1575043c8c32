"""A happening's noun counted off ("the second strike", "another bomb", "a third attack", "a
separate raid") tells a happening other than the one before: its own event with its own toll and
place, not a sentence of the first. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events

PLACES = {"Kelwa": "PPL", "Dorva": "PPL", "Mareth": "PPL"}


def told(text: str) -> list[tuple[int | None, str | None]]:
    a, doc = handmade(text, places=PLACES)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    name = {e.id: e.name for e in a.entities}
    return [
        (e.fatalities.best if e.fatalities else None, name.get(e.place or "")) for e in a.events
    ]


@pytest.mark.parametrize(
    "second",
    [
        "The second strike hit a house in Dorva and killed four civilians, a medic said.",
        "Another bomb killed four police officers in Dorva hours later, an officer said.",
        "A separate raid on Dorva left four herders dead, residents said.",
    ],
)
def test_a_counted_off_happening_is_an_event_of_its_own(second):
    text = (
        "An air strike on a market in Kelwa on Sunday killed nine people, residents said.\n"
        + second
    )
    assert told(text) == [(9, "Kelwa"), (4, "Dorva")]


def test_the_same_happening_told_again_stays_one_event():
    text = (
        "An air strike on a market in Kelwa on Sunday killed nine people, residents said.\n"
        "The strike also wounded twelve others, a medic said."
    )
    assert told(text) == [(9, "Kelwa")]


def test_a_counted_off_strike_told_with_a_generic_word_is_a_strike_like_the_first():
    a, doc = handmade(
        "An air strike on a market in Kelwa on Sunday killed nine people, residents said.\n"
        "The second strike hit a house in Dorva and killed four civilians, a medic said.",
        places=PLACES,
    )
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    assert [e.sub_type for e in a.events] == ["Air/drone strike", "Air/drone strike"]
