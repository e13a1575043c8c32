"""A hamlet abroad that only shares a name with the report's place stays unresolved (#20)."""

import pytest

from sitrep.places.resolve import Context, Hit, choose
from sitrep.places.store import Candidate


def _hamlet(country: str, lat: float, lon: float, population: int = 0) -> Candidate:
    return Candidate(1, "Datou", lat, lon, country, "02", "PPL", "town", population)


def _scene() -> Context:
    """A report about Mindanao: the Philippines named, a town there resolved."""
    ctx = Context()
    ctx.add(Candidate(2, "Philippines", 12.9, 121.8, "PH", None, "PCLI", "country", 10**8))
    ctx.add(Candidate(3, "Cotabato", 7.2, 124.2, "PH", "12", "PPL", "city", 300_000))
    return ctx


def test_a_hamlet_of_unknown_size_far_abroad_is_left_unresolved():
    choice = choose(Hit(0, 4, "datu"), [_hamlet("CN", 29.15, 118.76)], _scene(), [])
    assert choice.candidate is None and "abroad" in choice.reason


@pytest.mark.parametrize(
    "hamlet",
    [
        _hamlet("PH", 7.0, 124.5),  # in the report's country
        _hamlet("CN", 29.15, 118.76, population=80_000),  # a sizeable town
        _hamlet("MY", 5.9, 118.1),  # abroad but near the report's places (Sabah)
    ],
)
def test_a_named_country_a_known_size_or_nearness_keeps_the_reading(hamlet):
    assert choose(Hit(0, 4, "datu"), [hamlet], _scene(), []).candidate == hamlet


def test_a_small_town_far_abroad_is_as_much_a_chance_namesake():
    town = _hamlet("CN", 29.15, 118.76, population=15_000)
    assert choose(Hit(0, 4, "datu"), [town], _scene(), []).candidate is None


def test_without_a_scene_the_reading_stands():
    hamlet = _hamlet("CN", 29.15, 118.76)
    assert choose(Hit(0, 4, "datu"), [hamlet], Context(), []).candidate == hamlet


@pytest.mark.parametrize(
    ("text", "name", "countries"),
    [
        (
            "Soldiers clashed with gunmen in Datu Saudi Ampatuan town, south of Cotabato City.",
            "Datu",
            {"PH"},
        ),
        (
            "Armed men burned granaries in Karou, a village near Mali's border with Niger.",
            "Karou",
            {"ML", "NE"},
        ),
        (
            "Militants raided Solhan overnight, the government of Burkina Faso said.",
            "Solhan",
            {"BF"},
        ),
        (
            "After burning the market, the fighters rode on toward Mansila, Burkinabe officials in "
            "Ouagadougou said.",
            "Mansila",
            {"BF"},
        ),
        (
            "Marines searched Datu Unsay for bomb makers after a blast in Cotabato City.",
            "Cotabato City",
            {"PH"},
        ),
    ],
)
def test_no_place_of_a_local_story_is_mapped_to_a_far_country(analyze, text, name, countries):
    data = analyze(text)
    ents = {e["id"]: e for e in data["entities"]}
    geos = [ents[m["entity"]]["geo"] for m in data["mentions"] if m["text"] == name]
    assert geos and all(g is None or g["country"] in countries for g in geos)


def test_a_seat_of_government_abroad_keeps_its_reading():
    seat = Candidate(1, "Datou", 29.15, 118.76, "CN", "02", "PPLA", "town", 15_000)
    assert choose(Hit(0, 4, "datu"), [seat], _scene(), []).candidate == seat


def test_a_provincial_capital_in_a_story_naming_only_a_foreign_backer_stays_mapped(analyze):
    data = analyze("A drone launched by the Iran-aligned rebels struck a market in Marib city.")
    ents = {e["id"]: e for e in data["entities"]}
    geos = [ents[m["entity"]]["geo"] for m in data["mentions"] if m["text"] == "Marib"]
    assert geos and all(g is not None and g["country"] == "YE" for g in geos)
