"""Codebook: a seizure that includes weapons is Disrupted weapons use, however many drug words
the sentence counts beside them."""

import pytest
from handmade import handmade

from sitrep import events


def sub_types(text: str) -> list[str]:
    a, doc = handmade(text, places={"Kelwa": "PPL", "Dorva": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return [e.sub_type for e in a.events]


@pytest.mark.parametrize(
    "text",
    [
        "A search of the farmhouse in Kelwa on Monday uncovered 40,000 Captagon pills, 12 kilograms "
        "of hashish and three pistols.",
        "Police seized heroin, methamphetamine and a hand grenade from a warehouse in Dorva on Friday.",
        "Border guards found two rifles and 300 kilograms of cocaine in a truck near Dorva on Sunday.",
    ],
)
def test_weapons_among_drugs_make_a_weapons_seizure(text):
    assert sub_types(text) == ["Disrupted weapons use"]


def test_drugs_alone_stay_other():
    assert sub_types("Customs officers seized 200 kilograms of cocaine in Kelwa on Monday.") == [
        "Other"
    ]
