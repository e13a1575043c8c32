"""How a sentence's words put a place on a path or off it, on sentences written for this test:
a stop the parser hangs on no preposition, a phrase that only describes a place or a speaker,
and a place told ahead as where the path ends."""

import pytest
from handmade import COUNTRY, TOWN
from handmade import routed as run
from handmade import waypoint_names as names

MISPARSED = [
    (
        "The smugglers drove the group from Gao via Kidal and Tessalit to Tamanrasset.",
        ["Gao", "Kidal", "Tessalit", "Tamanrasset"],
    ),
    (
        "Couriers ran the fuel from Kufra via Tazirbu to Ajdabiya.",
        ["Kufra", "Tazirbu", "Ajdabiya"],
    ),
    (
        "The convoy went from Dirkou through Seguedine to Madama.",
        ["Dirkou", "Seguedine", "Madama"],
    ),
]


@pytest.mark.parametrize(("text", "path"), MISPARSED)
def test_a_place_right_after_a_path_preposition_is_on_the_path(text, path):
    a = run(text, dict.fromkeys(path, TOWN))
    assert [names(a, r) for r in a.routes] == [path]


DESCRIBED = [
    (
        "Boats ferry families from Ayvalik to Lesbos, the island nearest to Europe.",
        {"Ayvalik": TOWN, "Lesbos": TOWN, "Europe": COUNTRY},
        ["Ayvalik", "Lesbos"],
    ),
    (
        "The drivers take migrants from Sebha to Zuwara, the town closest to Sicily.",
        {"Sebha": TOWN, "Zuwara": TOWN, "Sicily": TOWN},
        ["Sebha", "Zuwara"],
    ),
    (
        "A trader from Gao said the trucks carried rice from Mopti to Timbuktu.",
        {"Gao": TOWN, "Mopti": TOWN, "Timbuktu": TOWN},
        ["Mopti", "Timbuktu"],
    ),
    (
        "Many families left for Malaysia by boat, a fisherman from Teknaf told reporters.",
        {"Teknaf": TOWN, "Malaysia": COUNTRY},
        [],
    ),
]


@pytest.mark.parametrize(("text", "places", "path"), DESCRIBED)
def test_a_phrase_that_describes_a_place_or_a_speaker_is_no_leg(text, places, path):
    a = run(text, places)
    assert [names(a, r) for r in a.routes] == ([path] if path else [])


def test_a_walk_in_apposition_still_moves():
    text = "They sell 'the walk' - a trek through the forests to Maribor, then a ride to Graz."
    a = run(text, {"Maribor": TOWN, "Graz": TOWN})
    assert [names(a, r) for r in a.routes] == [["Maribor", "Graz"]]


LOOPS = [
    (
        "Families heading to Malaysia gather at Teknaf. The route passes through Sittwe to Phuket "
        "and from there overland into Malaysia.",
        ["Sittwe", "Phuket", "Malaysia"],
    ),
    (
        "Recruits heading to Raqqa wait in Gaziantep. The path goes through Kilis to Azaz and "
        "from there on into Raqqa.",
        ["Kilis", "Azaz", "Raqqa"],
    ),
    (
        "Fighters bound for Idlib gather in Hama. They go through Morek to Khan Shaykhun and from "
        "there on to Idlib.",
        ["Hama", "Morek", "Khan Shaykhun", "Idlib"],
    ),
]


@pytest.mark.parametrize(("text", "path"), LOOPS)
def test_a_path_never_comes_back_to_a_place_it_names_twice(text, path):
    """A place told ahead as where the movement ends keeps the place the full path gives it."""
    places = ["Malaysia", "Teknaf", "Sittwe", "Phuket", "Raqqa", "Gaziantep", "Kilis", "Azaz"]
    places += ["Idlib", "Hama", "Morek", "Khan Shaykhun"]
    a = run(text, {p: TOWN for p in places if p in text})
    assert [names(a, r) for r in a.routes] == [path]
