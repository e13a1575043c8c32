"""Where an incident happened when its own sentence names no place: the town the paragraph put
the scene in before it ('north of the village of X', 'the rural area of X, in the Y region')."""

import pytest
from handmade import handmade

from sitrep import events


def events_of(text: str, places: dict[str, str], published: str = "2024-03-14"):
    a, doc = handmade(text, places=places)
    a.document.published = published
    events.annotate(a, doc)
    return a


@pytest.mark.parametrize(
    ("text", "places", "where"),
    [
        (
            "Border guards tracked the group to a farm north of the village of Tal Hamra. "
            "When the gunmen opened fire on the patrol, the guards returned fire and killed two of them.",
            {"Tal Hamra": "PPL"},
            "Tal Hamra",
        ),
        (
            "A patrol was searching the outskirts of Dorva, in the Kessa region, on Friday. "
            "In the ensuing fighting with rebels, three soldiers were killed.",
            {"Dorva": "PPL", "Kessa": "ADM1"},
            "Dorva",
        ),
        (
            "Police were guarding the market in the town of Marel, in the Sundi district. "
            "Gunmen then stormed the market and shot dead four traders.",
            {"Marel": "PPL", "Sundi": "ADM2"},
            "Marel",
        ),
    ],
)
def test_the_scene_set_before_the_trigger_is_the_town_named(text, places, where):
    a = events_of(text, places)
    assert a.events, text
    assert a.entity(a.events[0].place).name == where
