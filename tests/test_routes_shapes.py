"""Every shape reporters give a path in, each on sentences written for this test."""

import pytest
from handmade import COUNTRY, TOWN
from handmade import routed as run
from handmade import waypoint_names as names

SHAPES = [
    (
        "Refugees walked through Kobane and Tal Abyad into Akcakale.",
        ["Kobane", "Tal Abyad", "Akcakale"],
    ),
    ("Captagon is smuggled out of Daraa into Ramtha.", ["Daraa", "Ramtha"]),
    ("The lorries left Tobruk bound for Kufra.", ["Tobruk", "Kufra"]),
    ("A boat carrying 80 people left Zuwara headed towards Lampedusa.", ["Zuwara", "Lampedusa"]),
    ("The fighters crossed into Hermel from Qusayr.", ["Qusayr", "Hermel"]),
    (
        "The shipment transited Djibouti on its way from Berbera to Mokha.",
        ["Berbera", "Djibouti", "Mokha"],
    ),
    ("The route runs from Gao to Kidal and then to Tessalit.", ["Gao", "Kidal", "Tessalit"]),
    ("Smugglers use the Agadez–Dirkou–Madama road at night.", ["Agadez", "Dirkou", "Madama"]),
    ("Traffickers favour the Tumaco-Esmeraldas route.", ["Tumaco", "Esmeraldas"]),
    ("Weapons from Mosul reach Raqqa via Tal Afar.", ["Mosul", "Tal Afar", "Raqqa"]),
    ("Rifles were shipped from Aden by way of Mukalla to Marib.", ["Aden", "Mukalla", "Marib"]),
]


@pytest.mark.parametrize(("text", "path"), SHAPES)
def test_each_shape_gives_its_path_in_travel_order(text, path):
    a = run(text, dict.fromkeys(path, TOWN))
    assert [names(a, r) for r in a.routes] == [path]


def test_a_road_that_only_locates_is_no_route():
    text = "A roadside bomb hit a truck on the Gao–Ansongo road on Friday."
    a = run(text, dict.fromkeys(["Gao", "Ansongo"], TOWN))
    assert a.routes == []


def test_the_path_told_backwards_is_put_in_travel_order():
    a = run(
        "They reached Erbil after crossing Kirkuk from Mosul.",
        dict.fromkeys(["Erbil", "Kirkuk", "Mosul"], TOWN),
    )
    assert [names(a, r) for r in a.routes] == [["Mosul", "Kirkuk", "Erbil"]]
    b = run(
        "Most had crossed the Tenere from Agadez to Sabha.",
        dict.fromkeys(["Tenere", "Agadez", "Sabha"], TOWN),
    )
    assert names(b, b.routes[0])[0] == "Agadez"
    assert [w.mention.text for w in a.routes[0].waypoints] == ["Mosul", "Kirkuk", "Erbil"]


def test_a_branch_told_with_while_is_not_a_leg():
    text = (
        "Couriers take such loads to Mafraq and on to Amman, while part continues south "
        "towards Tabuk."
    )
    a = run(text, dict.fromkeys(["Mafraq", "Amman", "Tabuk"], TOWN))
    assert [names(a, r) for r in a.routes] == [["Mafraq", "Amman"]]


def test_a_route_over_three_sentences():
    text = (
        "The smugglers collect the migrants in Gao. They are then driven north to Kidal. "
        "Those who pay more are taken on to Tamanrasset."
    )
    a = run(text, dict.fromkeys(["Gao", "Kidal", "Tamanrasset"], TOWN))
    assert [names(a, r) for r in a.routes] == [["Gao", "Kidal", "Tamanrasset"]]
    assert len(a.routes[0].evidence) == 3


def test_two_movements_in_one_passage_stay_apart():
    text = (
        "Fuel is trucked from Hermel to Qusayr every night. Separately, police said cigarettes "
        "travel from Tripoli through Halba to Akkar."
    )
    places = dict.fromkeys(["Hermel", "Qusayr", "Tripoli", "Halba", "Akkar"], TOWN)
    a = run(text, places)
    assert [names(a, r) for r in a.routes] == [["Hermel", "Qusayr"], ["Tripoli", "Halba", "Akkar"]]


def test_a_shipment_told_with_the_cargo_as_subject():
    text = (
        "The hashish was loaded in Nador, ferried across the strait to Algeciras and then "
        "trucked to Madrid."
    )
    a = run(text, dict.fromkeys(["Nador", "Algeciras", "Madrid"], TOWN))
    (route,) = a.routes
    assert names(a, route) == ["Nador", "Algeciras", "Madrid"]
    assert route.what == "drugs"


def test_a_country_passed_between_foreign_places_is_a_leg():
    from sitrep.model import Geo

    text = "The dhow sailed from Bandar Abbas along the coast of Somalia to Hodeidah."
    a, doc = _handmade(text, {"Bandar Abbas": TOWN, "Somalia": COUNTRY, "Hodeidah": TOWN})
    for name, code in (("Bandar Abbas", "IR"), ("Somalia", "SO"), ("Hodeidah", "YE")):
        entity = next(e for e in a.entities if e.name == name)
        entity.geo = Geo(0.0, 0.0, country=code, feature=entity.geo.feature)
    from sitrep import routes

    routes.annotate(a, doc)
    assert [names(a, r) for r in a.routes] == [["Bandar Abbas", "Somalia", "Hodeidah"]]


def test_an_unresolved_waypoint_is_kept_with_its_words():
    text = "Families walked from Harib through Wadi Ghul to Marib."
    a, doc = _handmade(text, dict.fromkeys(["Harib", "Wadi Ghul", "Marib"], TOWN))
    unresolved = next(e for e in a.entities if e.name == "Wadi Ghul")
    unresolved.geo = None  # the gazetteer had no candidate it trusted
    from sitrep import routes

    routes.annotate(a, doc)
    (route,) = a.routes
    assert names(a, route) == ["Harib", "Wadi Ghul", "Marib"]
    middle = route.waypoints[1]
    assert (
        middle.entity == unresolved.id
        and text[middle.mention.start : middle.mention.end] == "Wadi Ghul"
    )


def _handmade(text, places):
    from handmade import handmade

    return handmade(text, places)


def test_a_broken_cue_file_is_named_in_one_line():
    from importlib import resources

    import yaml

    from sitrep.routes.cues import CueError, _checked

    raw = yaml.safe_load(
        resources.files("sitrep.routes").joinpath("data/cues.yaml").read_text("utf-8")
    )
    assert _checked(raw) is raw
    with pytest.raises(CueError, match=r"routes/data/cues.yaml: 'onward' must be a list"):
        _checked({**raw, "onward": "on to"})
