"""A foiling that announces the happening the next sentence tells is a fact of that incident."""

import pytest
from handmade import handmade

from sitrep import events


def sub_types(text: str) -> list[str]:
    a, doc = handmade(text, places={"Kelwa": "PPL", "Dorva": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return [e.sub_type for e in a.events]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "On Saturday, soldiers foiled an attack by two suicide bombers on the outskirts of Kelwa. "
            "One of the bombers detonated her explosives early, killing herself and a guard.",
            "Suicide bomb",
        ),
        (
            "Police thwarted an assault on a checkpoint near Dorva on Monday. The gunmen opened fire on "
            "the officers and were repelled after a two-hour gun battle in which three attackers died.",
            "Armed clash",
        ),
        (
            "Troops foiled an infiltration attempt by armed smugglers at the border on Friday. In the "
            "exchange of fire that followed, four smugglers were killed.",
            "Armed clash",
        ),
    ],
)
def test_the_announced_happening_leads_the_incident(text, sub_type):
    assert sub_types(text) == [sub_type]


def test_a_foiling_followed_by_a_separate_incident_stays():
    text = (
        "Soldiers foiled an attack on a school in Kelwa on Monday. In a separate incident, gunmen "
        "killed two farmers in Dorva."
    )
    assert sub_types(text) == ["Disrupted weapons use", "Attack"]
