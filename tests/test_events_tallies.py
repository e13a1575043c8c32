"""A running tally ('since January, guards have seized ...', 'so far this year police have arrested
120') counts many happenings over a span of time; it is not one event."""

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
        "Since January, border guards have foiled 40 smuggling attempts and seized two tonnes of hashish.",
        "So far this year, police have arrested 120 people suspected of smuggling migrants.",
        "Since the start of the year, the army has killed more than 300 militants in the province.",
    ],
)
def test_a_running_tally_is_no_event(tally):
    assert triggers(LEAD + tally) == ["attacked"]


def test_a_present_perfect_of_one_happening_is_still_an_event():
    text = (
        "The army gave its weekly briefing in the capital.\n"
        "Troops have killed five militants in an ambush near the border on Tuesday, a spokesman said."
    )
    assert triggers(text) == ["killed"]


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
