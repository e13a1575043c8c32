"""Country points that serve both conventions at 161 km: GeoNames' point and the geographic centre."""

import csv
import importlib.util
from pathlib import Path

import pytest

from sitrep.geodesy import km
from sitrep.places.sources import DATA

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location(
        "gazetteer_data", ROOT / "scripts" / "gazetteer_data.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _shipped() -> dict[str, dict[str, str]]:
    with open(DATA / "countries.csv", encoding="utf-8") as fh:
        return {r["country"]: r for r in csv.DictReader(fh)}


def test_the_midpoint_lies_halfway_on_the_great_circle():
    g = _script()
    a, b = (33.0, 65.0), (33.93911, 67.709953)
    m = g._midpoint(a, b)
    assert abs(g._km(a, m) - g._km(m, b)) < 0.5
    assert abs(g._km(a, m) - g._km(a, b) / 2) < 0.5
    assert g._midpoint((10.0, 179.0), (10.0, -179.0))[1] in (180.0, -180.0)


def test_shipped_country_points_keep_to_the_centre_where_a_shared_point_exists():
    g = _script()
    centres, rows = g._centres(), _shipped()
    assert len(centres) > 200
    for iso, row in rows.items():
        if row["source"] == "geonames" or iso not in centres:
            continue
        d = g._km((float(row["lat"]), float(row["lon"])), centres[iso])
        assert d <= g.CENTRE_KM or row["source"] == "countryinfo", iso
    assert {r["source"] for r in rows.values()} >= {"countryinfo", "geonames", "midpoint"}


@pytest.mark.parametrize(
    ("text", "name", "centre", "geonames_point"),
    [
        (
            "Aid convoys crossed from Pakistan into Afghanistan after the storm.",
            "Afghanistan",
            (33.93911, 67.709953),
            (33.0, 65.0),
        ),
        (
            "Refugees fleeing Sudan reached the camps in eastern Chad this week.",
            "Sudan",
            (12.862807, 30.217636),
            (15.0, 30.0),
        ),
        (
            "Officials in Britain said the shipment had left a port in Morocco.",
            "Morocco",
            (31.791702, -7.09262),
            (32.0, -5.0),
        ),
    ],
)
def test_a_country_lies_within_161_km_of_its_centre_and_of_geonames_point(
    analyze, text, name, centre, geonames_point
):
    data = analyze(text)
    ents = {e["id"]: e for e in data["entities"]}
    geo = next(ents[m["entity"]]["geo"] for m in data["mentions"] if m["text"] == name)
    assert km(geo["lat"], geo["lon"], *centre) <= 161
    assert km(geo["lat"], geo["lon"], *geonames_point) <= 161


def test_every_short_form_the_script_adds_is_shipped():
    g, shipped = _script(), _shipped()
    for iso, forms in g.SHORT_FORMS.items():
        assert set(forms) <= set(shipped[iso]["alt_names"].split("|")), iso


@pytest.mark.parametrize(
    "text,name",
    [
        ("Migrants walked from Serbia into Bosnia over two nights in March.", "Bosnia"),
        ("Police in Bosnia detained four drivers near the northern crossing.", "Bosnia"),
        ("Bosnia's security ministry said the camp would stay open.", "Bosnia"),
    ],
)
def test_a_country_named_by_its_short_form_is_that_country(analyze, text, name):
    out = analyze(text)
    ents = {e["id"]: e for e in out["entities"]}
    [m] = [m for m in out["mentions"] if m["kind"] == "place" and m["text"] == name]
    geo = ents[m["entity"]]["geo"]
    assert geo["country"] == "BA" and geo["feature"].startswith("PCL")


def test_kosovo_is_a_country_not_the_town_of_kosovo_polje():
    """Countryinfo has no Kosovo: the gazetteer script adds it at its centre (XK)."""
    from sitrep.pipeline import analyze_text

    a = analyze_text("Migrants crossed from Kosovo into southern Serbia on Monday, police said.")
    kosovo = next(e for e in a.entities if e.kind == "place" and e.name == "Kosovo")
    assert kosovo.geo is not None and kosovo.geo.country == "XK"
    assert (kosovo.geo.feature or "").startswith("PCL")  # the country, not a town in it
