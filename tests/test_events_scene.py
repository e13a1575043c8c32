"""Where an incident happened: the town its sentence opens the scene in ('In Kelwa, police ...'),
never a town a distance is measured from ('30 kilometres north of X')."""

import pytest
from handmade import with_events


def events_of(text: str, places: dict[str, str], published: str = "2024-03-14"):
    a = with_events(text, published, places=places)
    return a


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
