"""Piracy by the codebook: a hijacked vessel's crew is held with it (Abduction/forced
disappearance); pirates who board and steal loot; a 'chemical tanker' is a ship, not a weapon."""

import pytest
from handmade import TOWN, with_events


@pytest.mark.parametrize(
    "text",
    [
        "A tanker was hijacked by pirates off Kelwa on Monday and its crew of 12 was taken hostage.",
        "Armed pirates hijacked a fishing trawler off Kelwa on Sunday, the coast guard said.",
        "Pirates boarded a chemical tanker off Kelwa on Tuesday and kidnapped six crew members.",
    ],
)
def test_a_hijacking_or_crew_kidnapping_is_an_abduction(text):
    a = with_events(text, places={"Kelwa": TOWN})
    assert [e.sub_type for e in a.events] == ["Abduction/forced disappearance"]
    assert a.entity(a.events[0].place).name == "Kelwa"


def test_pirates_who_board_and_steal_loot():
    text = "Pirates boarded a cargo ship anchored off Kelwa on Friday and stole ropes and fuel."
    assert [e.sub_type for e in with_events(text).events] == ["Looting/property destruction"]


@pytest.mark.parametrize(
    "text",
    [
        "A chemical attack on the suburb killed dozens of people on Saturday.",
        "Witnesses said the shells released chlorine gas over the district on Friday.",
    ],
)
def test_chemical_weapons_still_type_as_such(text):
    assert [e.sub_type for e in with_events(text).events] == ["Chemical weapon"]
