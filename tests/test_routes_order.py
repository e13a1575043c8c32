"""Paths told out of order, stops where a river is crossed, and movements kept apart; each on
sentences written for this test."""

import pytest
from handmade import TOWN, handmade
from handmade import routed as run
from handmade import waypoint_names as names

from sitrep import routes

RIVER = "STM"

ORDERED = [
    ("The convoy was bound for Benghazi when it left Kufra.", ["Kufra", "Benghazi"]),
    (
        "The pills were headed towards Aqaba from Daraa through Mafraq.",
        ["Daraa", "Mafraq", "Aqaba"],
    ),
    ("Smugglers take the diesel to Idlib through Sarmada.", ["Sarmada", "Idlib"]),
    (
        "Cigarettes are driven to Zinder from Kano by way of Daura.",
        ["Kano", "Daura", "Zinder"],
    ),
    (
        "The lorries went on to Kidal and then through Tessalit to Bordj Badji Mokhtar.",
        ["Kidal", "Tessalit", "Bordj Badji Mokhtar"],
    ),
]


@pytest.mark.parametrize(("text", "path"), ORDERED)
def test_the_path_is_put_in_travel_order(text, path):
    a = run(text, dict.fromkeys(path, TOWN))
    assert [names(a, r) for r in a.routes] == [path]


def test_the_town_where_a_river_is_crossed_is_a_stop():
    text = "The fighters crossed the Euphrates at Jarablus and drove on to Manbij."
    a = run(text, {"Euphrates": RIVER, "Jarablus": TOWN, "Manbij": TOWN})
    assert [names(a, r) for r in a.routes] == [["Euphrates", "Jarablus", "Manbij"]]


def test_a_camp_near_a_town_is_still_no_stop():
    text = "The families were moved from Mosul to the Jeddah camp near Qayyarah."
    a = run(text, {"Mosul": TOWN, "Jeddah": TOWN, "Qayyarah": TOWN})
    assert [names(a, r) for r in a.routes] == [["Mosul", "Jeddah"]]


def test_a_short_route_spanning_two_others_is_its_own_movement():
    text = (
        "Trucks ran from Kobane through Sarrin to Raqqa. "
        "Buses ran from Hasakah through Shaddadi to Markada. "
        "Later in the month the families were moved from Raqqa to Hasakah."
    )
    places = ["Kobane", "Sarrin", "Raqqa", "Hasakah", "Shaddadi", "Markada"]
    a = run(text, dict.fromkeys(places, TOWN))
    assert [names(a, r) for r in a.routes] == [
        ["Kobane", "Sarrin", "Raqqa"],
        ["Hasakah", "Shaddadi", "Markada"],
        ["Raqqa", "Hasakah"],
    ]


def test_a_start_told_first_elsewhere_is_another_movement():
    text = (
        "Trucks carried the diesel from Hermel to Qusayr. "
        "From Tartus, fishing boats take families to Famagusta."
    )
    places = ["Hermel", "Qusayr", "Tartus", "Famagusta"]
    a = run(text, dict.fromkeys(places, TOWN))
    assert [names(a, r) for r in a.routes] == [["Hermel", "Qusayr"], ["Tartus", "Famagusta"]]


def test_a_start_told_first_where_the_route_ended_carries_it_on():
    text = (
        "Trucks carried the diesel from Hermel to Qusayr. From Qusayr, drivers take it on to Homs."
    )
    a = run(text, dict.fromkeys(["Hermel", "Qusayr", "Homs"], TOWN))
    assert [names(a, r) for r in a.routes] == [["Hermel", "Qusayr", "Homs"]]


MORE_SHAPES = [
    ("A boat carrying 40 people set sail from Sfax for Lampedusa.", ["Sfax", "Lampedusa"]),
    ("The cargo was destined for Port Sudan when it left Jeddah.", ["Jeddah", "Port Sudan"]),
    (
        "Shipments headed north from Guayaquil are transferred in Puerto Barrios "
        "and end up in Tapachula.",
        ["Guayaquil", "Puerto Barrios", "Tapachula"],
    ),
    ("Thousands crossed into Chad from Sudan near Adre.", ["Sudan", "Adre", "Chad"]),
]


@pytest.mark.parametrize(("text", "path"), MORE_SHAPES)
def test_more_shapes_reporters_use(text, path):
    countries = {"Chad": "PCLI", "Sudan": "PCLI"}
    a = run(text, {p: countries.get(p, TOWN) for p in path})
    assert [names(a, r) for r in a.routes] == [path]


def test_a_country_at_the_end_gives_way_to_its_town_beside_it():
    text = "Petrol is smuggled out of Venezuela into Colombia through Cucuta."
    places = {"Venezuela": "PCLI", "Colombia": "PCLI", "Cucuta": TOWN}
    a, doc = handmade(text, places)
    for e in a.entities:
        e.geo.country = {"Venezuela": "VE", "Colombia": "CO", "Cucuta": "CO"}[e.name]
    routes.annotate(a, doc)
    assert [names(a, r) for r in a.routes] == [["Venezuela", "Cucuta"]]
