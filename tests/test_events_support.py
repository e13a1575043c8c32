"""A phrase that tells who backs a side ('troops backed by fighter jets', 'rebels armed by a
neighbour') describes that side, not the happening: its words type nothing."""

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
            "Army troops backed by fighter jets recaptured the village of Kelwa from insurgents on Monday.",
            "Government regains territory",
        ),
        (
            "Soldiers and local hunters backed by helicopters stormed Dorva on Sunday and fought the "
            "militants for hours.",
            "Armed clash",
        ),
        (
            "Militiamen armed by local politicians seized control of the district headquarters in "
            "Kelwa on Sunday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Separatist fighters armed by foreign backers took over the border post at Dorva on Friday.",
            "Non-state actor overtakes territory",
        ),
        (
            "With the support of fighter jets, soldiers retook the village of Dorva from insurgents on "
            "Monday.",
            "Government regains territory",
        ),
        (
            "Under the cover of helicopter gunships, the militia took control of the border town of "
            "Kelwa on Friday.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_words_of_a_backing_phrase_type_nothing(text, sub_type):
    assert sub_types(text) == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Fighter jets struck rebel positions near Kelwa on Monday, killing nine fighters.",
            "Air/drone strike",
        ),
        (
            "Troops seized a cache of rifles and ammunition in Dorva on Tuesday.",
            "Disrupted weapons use",
        ),
        (
            "Five farmers were killed by a drone strike on a market in Kelwa on Sunday.",
            "Air/drone strike",
        ),
        (
            "A drone strike with the support of coalition jets killed four militants in Kelwa on Monday.",
            "Air/drone strike",
        ),
    ],
)
def test_the_same_words_outside_a_backing_phrase_still_type(text, sub_type):
    assert sub_types(text) == [sub_type]
