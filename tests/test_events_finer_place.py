"""An incident is placed at the finest place its sentences put it in: a lead that names only a
country or a province, then "The attack in X village ..." or "The attack took place in X", puts the
event in X. A town in the lead is kept over a later one. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events

PLACES = {"Mali": "PCLI", "Tombouctou": "ADM1", "Kelwa": "PPL", "Dorva": "PPL"}


def place_of(text: str) -> list[str | None]:
    a, doc = handmade(text, places=PLACES)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    name = {e.id: e.name for e in a.entities}
    return [name.get(e.place or "") for e in a.events]


@pytest.mark.parametrize(
    "second",
    [
        "The attack in Kelwa village on Friday is being investigated, the governor said.",
        "The attack took place in Kelwa, near the border, the governor said.",
        "Survivors of the attack in Kelwa were taken to a clinic, the governor said.",
    ],
)
def test_a_town_told_after_a_country_lead_places_the_incident(second):
    text = (
        "Gunmen killed at least 20 people in an attack on a cattle market in Mali on Friday, "
        "officials said.\n" + second
    )
    assert place_of(text) == ["Kelwa"]


def test_a_town_told_after_a_province_lead_places_the_incident():
    text = (
        "Gunmen killed 20 people in Tombouctou region on Friday, officials said.\n"
        "The attack took place in Kelwa, the governor said."
    )
    assert place_of(text) == ["Kelwa"]


def test_a_town_in_the_lead_is_kept_over_a_later_one():
    text = (
        "Gunmen killed 20 people in an attack on a market in Kelwa on Friday, officials said.\n"
        "The gunmen had earlier attacked a checkpoint in Dorva, residents said."
    )
    assert place_of(text)[0] == "Kelwa"
