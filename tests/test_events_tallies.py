"""Harm told over many happenings at once ('died in various attacks', 'in a string of ambushes')
is a tally, not one event."""

import pytest
from handmade import handmade

from sitrep import events

LEAD = "Gunmen attacked a police post in Kelwa on Saturday, killing two officers.\n"


def triggers(text: str) -> list[str]:
    a, doc = handmade(text, places={"Kelwa": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return [e.trigger.text for e in a.events]


@pytest.mark.parametrize(
    "tally",
    [
        "Last month some 60 people died in various attacks across the province.",
        "The week before, 30 soldiers were killed in several raids on army posts.",
        "Dozens of villagers have been killed in a string of ambushes on the Dorva road this year.",
    ],
)
def test_harm_told_over_many_happenings_is_no_event(tally):
    assert triggers(LEAD + tally) == ["attacked"]


def test_harm_in_one_named_happening_is_still_an_event():
    text = LEAD + "On Monday, three soldiers were killed in an ambush on the Dorva road."
    assert triggers(text) == ["attacked", "killed"]
