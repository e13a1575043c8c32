"""Codebook: a bomb whose bearer dies by it is a suicide bomb, whatever word names it; the bearer
counts among the dead ('killing herself and three shoppers' is four)."""

import pytest
from handmade import handmade

from sitrep import events


def events_of(text: str):
    a, doc = handmade(text)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return a.events


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "One of the attackers detonated his explosives at the gate on Monday, killing himself and a guard.",
            2,
        ),
        (
            "On Tuesday a woman set off a bomb hidden under her dress at the market, "
            "killing herself and three shoppers.",
            4,
        ),
        (
            "The driver detonated the explosives packed in his car outside the police station, "
            "killing himself and two officers.",
            3,
        ),
    ],
)
def test_a_bomber_killed_by_the_bomb_makes_a_suicide_bomb(text, dead):
    [ev] = events_of(text)
    assert ev.sub_type == "Suicide bomb"
    assert ev.fatalities.best == dead


@pytest.mark.parametrize(
    "text",
    [
        "A gunman shot four customers at the bank on Monday before killing himself.",
        "A bomb planted by the roadside exploded under a bus on Monday, killing the driver and a passenger.",
        "Militants detonated a bomb under the bridge on Monday, and the commander later killed himself.",
    ],
)
def test_no_self_killing_beside_a_bomb_is_no_suicide_bomb(text):
    evs = events_of(text)
    assert evs and all(ev.sub_type != "Suicide bomb" for ev in evs)
