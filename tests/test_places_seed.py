"""The report the project started from (read from ../shared, never copied): every place it names
lands within 25 km of where it is, the countries by their code, and the unknown camp abstains."""

from __future__ import annotations

import pytest

from sitrep.geodesy import km

# Where each place is (GeoNames and OpenStreetMap points); the seed spells some of them its own way.
WHERE = {
    "Idlib": (35.93, 36.63),
    "Latakia": (35.52, 35.79),
    "Damascus": (33.51, 36.29),
    "Qalamoun": (33.95, 36.55),
    "Rankous": (33.76, 36.39),
    "Asal al-Ward": (33.86, 36.41),
    "Maaraboun": (33.85, 36.19),
    "Tafil": (33.85, 36.37),
    "Al-Qusayr": (34.51, 36.58),
    "Hermel": (34.39, 36.38),
    "Danniyeh": (34.38, 36.03),
    "Tripoli": (34.43, 35.84),
    "Barisha": (36.16, 36.63),
}
COUNTRIES = {"Lebanon": "LB", "Syria": "SY", "Turkey": "TR", "Russia": "RU"}


def _geo_of(data: dict, surface: str) -> list[dict | None]:
    ents = {e["id"]: e for e in data["entities"]}
    found = [
        ents[m["entity"]].get("geo")
        for m in data["mentions"]
        if m["kind"] == "place" and m["text"] == surface
    ]
    assert found, f"{surface} was not found as a place"
    return found


@pytest.mark.parametrize("surface", sorted(WHERE))
def test_each_place_lands_within_25_km(seed, surface):
    lat, lon = WHERE[surface]
    for geo in _geo_of(seed, surface):
        assert geo is not None and km(geo["lat"], geo["lon"], lat, lon) <= 25, (surface, geo)


def test_countries_resolve_to_their_codes(seed):
    for surface, code in COUNTRIES.items():
        assert {geo["country"] for geo in _geo_of(seed, surface)} == {code}


def test_the_undocumented_camp_abstains_with_a_warning(seed):
    assert all(geo is None for geo in _geo_of(seed, "Al-Shouk"))
    assert any("Al-Shouk" in w for w in seed["warnings"])
