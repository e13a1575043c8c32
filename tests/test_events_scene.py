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


@pytest.mark.parametrize(
    ("text", "places", "where"),
    [
        (
            "DORVA (Coast Wire) - In Kelwa, police on Wednesday arrested two men suspected of smuggling rifles.",
            {"Dorva": "PPL", "Kelwa": "PPL"},
            "Kelwa",
        ),
        (
            "MAREL, Sundi (Wire) - In the village of Tal Hamra, gunmen shot dead a teacher on Monday.",
            {"Marel": "PPL", "Sundi": "ADM1", "Tal Hamra": "PPL"},
            "Tal Hamra",
        ),
        (
            "Near Dorva, about 20 kilometres north of Kelwa, rebels ambushed an army convoy on Friday.",
            {"Dorva": "PPL", "Kelwa": "PPL"},
            "Dorva",
        ),
    ],
)
def test_the_town_a_sentence_opens_its_scene_in_is_the_place(text, places, where):
    a = events_of(text, places)
    assert a.events, text
    assert a.entity(a.events[0].place).name == where


@pytest.mark.parametrize(
    ("text", "places", "where"),
    [
        (
            "Rebels ambushed a convoy 30 kilometres north of Kelwa on Friday, near the village of Dorva.",
            {"Kelwa": "PPL", "Dorva": "PPL"},
            "Dorva",
        ),
        (
            "Gunmen attacked a checkpoint on Monday at a crossing some 12 km east of Marel, in Tal Hamra.",
            {"Marel": "PPL", "Tal Hamra": "PPL"},
            "Tal Hamra",
        ),
        (
            "A drone struck a truck on Sunday at Dorva, five miles south of Kelwa.",
            {"Dorva": "PPL", "Kelwa": "PPL"},
            "Dorva",
        ),
    ],
)
def test_a_town_a_distance_is_measured_from_is_not_the_scene(text, places, where):
    a = events_of(text, places)
    assert a.events, text
    assert a.entity(a.events[0].place).name == where
