"""Routes from movement descriptions: each phrasing a report uses for a path."""

from handmade import COUNTRY, TOWN
from handmade import routed as run
from handmade import waypoint_names as names

from sitrep import routes


def test_from_towards():
    a = run(
        "Dozens of fighters fled from Aleppo towards Azaz on Sunday.",
        {"Aleppo": TOWN, "Azaz": TOWN},
    )
    assert [names(a, r) for r in a.routes] == [["Aleppo", "Azaz"]]


def test_through_and_then_into():
    a = run(
        "The convoy passed through Homs and Hama, then moved into Saraqib.",
        {"Homs": TOWN, "Hama": TOWN, "Saraqib": TOWN},
    )
    assert [names(a, r) for r in a.routes] == [["Homs", "Hama", "Saraqib"]]


def test_direction_of_and_towards_then_move_to():
    text = (
        "The road passes through the town of Zabadani into the village of Madaya in the direction of "
        "Bludan and towards the Serghaya plain, and then they move to the city of Baalbek."
    )
    a = run(
        text, {"Zabadani": TOWN, "Madaya": TOWN, "Bludan": TOWN, "Serghaya": TOWN, "Baalbek": TOWN}
    )
    assert [names(a, r) for r in a.routes] == [
        ["Zabadani", "Madaya", "Bludan", "Serghaya", "Baalbek"]
    ]


def test_via_and_by_way_of():
    a = run(
        "Rifles were shipped from Aden via Mukalla to Marib.",
        {"Aden": TOWN, "Mukalla": TOWN, "Marib": TOWN},
    )
    assert names(a, a.routes[0]) == ["Aden", "Mukalla", "Marib"]
    b = run(
        "The families travelled from Mosul by way of Kirkuk to Erbil.",
        {"Mosul": TOWN, "Kirkuk": TOWN, "Erbil": TOWN},
    )
    assert names(b, b.routes[0]) == ["Mosul", "Kirkuk", "Erbil"]


def test_crossing_into_a_country_at_a_town_keeps_the_town():
    a = run(
        "The lorries left Zakho, crossing into Turkey at Habur before driving on to Silopi.",
        {"Zakho": TOWN, "Turkey": COUNTRY, "Habur": TOWN, "Silopi": TOWN},
    )
    assert names(a, a.routes[0]) == ["Zakho", "Habur", "Silopi"]


def test_smuggled_across_the_border_at():
    a = run(
        "Cigarettes bought in Gaziantep are smuggled across the border at Kilis.",
        {"Gaziantep": TOWN, "Kilis": TOWN},
    )
    assert names(a, a.routes[0]) == ["Gaziantep", "Kilis"]


def test_context_region_is_not_a_waypoint():
    text = "The fighters moved through the Akrad mountains in the northern countryside of Latakia to Jisr al-Shughur."
    a = run(text, {"Akrad": TOWN, "Latakia": TOWN, "Jisr al-Shughur": TOWN})
    assert names(a, a.routes[0]) == ["Akrad", "Jisr al-Shughur"]


def test_place_that_locates_another_is_not_a_waypoint():
    a = run(
        "Buses took the families from Raqqa to the Roj camp near Derik.",
        {"Raqqa": TOWN, "Roj": TOWN, "Derik": TOWN},
    )
    assert names(a, a.routes[0]) == ["Raqqa", "Roj"]


def test_no_route_from_one_place_or_from_static_sentences():
    a = run(
        "Clashes broke out in Daraa and Sweida on Monday. Shelling hit Busra al-Harir.",
        {"Daraa": TOWN, "Sweida": TOWN, "Busra al-Harir": TOWN},
    )
    assert a.routes == []
    b = run(
        "Residents fled to Dikwa and Monguno during the fighting.", {"Dikwa": TOWN, "Monguno": TOWN}
    )
    assert b.routes == []  # choices of where to go, not one path


def test_enumerated_origins_are_not_a_path():
    text = "The migrants, most of them from Eritrea, Sudan and Chad, were driven from Agadez to Dirkou."
    a = run(
        text,
        {"Eritrea": COUNTRY, "Sudan": COUNTRY, "Chad": COUNTRY, "Agadez": TOWN, "Dirkou": TOWN},
    )
    assert [names(a, r) for r in a.routes] == [["Agadez", "Dirkou"]]


def test_waypoints_point_at_their_words_and_evidence_at_the_sentence():
    text = "Fuel trucks drove from Tobruk to Kufra."
    a = run(text, {"Tobruk": TOWN, "Kufra": TOWN})
    (route,) = a.routes
    assert [text[w.mention.start : w.mention.end] for w in route.waypoints] == ["Tobruk", "Kufra"]
    assert route.evidence[0].text.startswith("Fuel trucks drove")


def test_where_the_load_starts():
    a = run(
        "Crews load the boats on the Sabratha coast and sail them to Lampedusa.",
        {"Sabratha": TOWN, "Lampedusa": TOWN},
    )
    assert names(a, a.routes[0]) == ["Sabratha", "Lampedusa"]


def test_lexicon_entries_are_words():
    """YAML reads bare on/off/no as booleans; every cue must stay a word."""
    c = routes.cues.cues()
    entries = [
        *c.prep_role,
        *c.for_heads,
        *c.of_nouns,
        *c.object_verbs,
        *c.qualifier_preps,
        *c.verb_role,
        *c.place_nouns,
        *c.continuation,
        *c.alternative,
        *c.branch,
        *c.what,
    ]
    assert all(isinstance(e, str) for e in entries)


def test_where_a_source_is_is_not_a_waypoint():
    text = "According to an official in Arsal, the groups leave from Yabroud and walk through Flita to Baalbek."
    a = run(text, {"Arsal": TOWN, "Yabroud": TOWN, "Flita": TOWN, "Baalbek": TOWN})
    assert [names(a, r) for r in a.routes] == [["Yabroud", "Flita", "Baalbek"]]
