"""Regenerate the shipped gazetteer data files of ``sitrep.places`` (run by hand, never at run time).

  python scripts/gazetteer_data.py countries --countryinfo DIR   # DIR: countryinfo's data/ folder
  python scripts/gazetteer_data.py geonames ../shared/gazetteer-sources/LB.txt

``countries`` writes data/countries.csv: one representative point and the demonym per
country, from the countryinfo package (MIT). Geoparsing corpora place a country at GeoNames'
own point near the middle of its area; where countryinfo's point lies far from that, the
GeoNames point is written instead (source column ``geonames``). Mission reports' gold places a
country at its geographic centre (scripts/country_centres.tsv) instead; where countryinfo's point
lies over 161 km from that centre but a point within 161 km of both exists, the great-circle
midpoint of the two is written (source ``midpoint``), so either convention finds it at 161 km.
``geonames`` writes data/geonames_<CC>.tsv: the features of a GeoNames country dump that
cities500 lacks and reports name (villages, camps, mountains, valleys, rivers, districts).
GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "places" / "data"

# GeoNames' country points for large countries where countryinfo's differs by over 161 km.
GEONAMES_POINTS = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "AU": (-25.0, 135.0),
    "IN": (22.0, 79.0),
    "JP": (35.68536, 139.75309),  # 162 km from countryinfo's (36, 138)
}
CENTRES = Path(__file__).resolve().parent / "country_centres.tsv"
# Beyond this distance from the geographic centre a country's point misses at 161 km; a midpoint
# serves both conventions while the two points lie within twice that (less a margin).
CENTRE_KM = 161.0
MIDPOINT_KM = 310.0
# Short forms news uses that countryinfo's spellings lack (two-letter codes are not names in general).
SHORT_FORMS = {
    "US": ["U.S.", "US", "U.S.A.", "America"],
    "GB": ["U.K.", "UK", "Britain"],
    "BA": ["Bosnia"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
}

# GeoNames feature codes worth shipping from a country dump: places, camps, terrain, water, areas.
KEEP_CLASSES = {"P", "A"}
KEEP_CODES = {
    "CMPRF",
    "CMP",
    "MTS",
    "PLAT",
    "VAL",
    "PLN",
    "DSRT",
    "STM",
    "LK",
    "RGN",
    "PASS",
    "BDCR",
}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(h))


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The great-circle midpoint of two points, rounded to six places."""
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    bx, by = math.cos(la2) * math.cos(lo2 - lo1), math.cos(la2) * math.sin(lo2 - lo1)
    lat = math.atan2(math.sin(la1) + math.sin(la2), math.hypot(math.cos(la1) + bx, by))
    lon = lo1 + math.atan2(by, math.cos(la1) + bx)
    return round(math.degrees(lat), 6), round((math.degrees(lon) + 540) % 360 - 180, 6)


def _centres() -> dict[str, tuple[float, float]]:
    """Each country's geographic centre by ISO code."""
    rows = (ln.split("\t") for ln in CENTRES.read_text("utf-8").splitlines() if ln[:1] != "#")
    return {r[0]: (float(r[1]), float(r[2])) for r in rows}


# Countries countryinfo has no file for: code -> (name, demonym, alternate names), placed at their
# geographic centre from country_centres.tsv (GeoNames' Kosovo, XK, is one of them).
MISSING_COUNTRIES = {"XK": ("Kosovo", "Kosovar", ["Republic of Kosovo", "Kosova"])}


def countries(src: Path) -> None:
    rows, centres = {}, _centres()
    for iso, (name, demonym, alts) in MISSING_COUNTRIES.items():
        lat, lon = centres[iso]
        rows[iso] = [iso, name, lat, lon, demonym, "|".join(alts), "centre"]
    for path in sorted(src.glob("*.json")):
        info = json.loads(path.read_text("utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or not info.get("latlng") or iso in rows:
            continue
        lat, lon, source = *info["latlng"][:2], "countryinfo"
        if iso in GEONAMES_POINTS:
            (lat, lon), source = GEONAMES_POINTS[iso], "geonames"
        elif iso in centres and CENTRE_KM < _km((lat, lon), centres[iso]) <= MIDPOINT_KM:
            (lat, lon), source = _midpoint((lat, lon), centres[iso]), "midpoint"
        alts = [
            s for s in info.get("altSpellings", []) if len(s) > 3 and s.isascii()
        ] + SHORT_FORMS.get(iso, [])
        rows[iso] = [iso, info["name"], lat, lon, info.get("demonym") or "", "|".join(alts), source]
    with open(DATA / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["country", "name", "lat", "lon", "demonym", "alt_names", "source"])
        w.writerows(rows[k] for k in sorted(rows))


def geonames(dump: Path) -> None:
    kept = []
    with open(dump, encoding="utf-8") as fh:
        for line in fh:
            col = line.rstrip("\n").split("\t")
            if col[6] in KEEP_CLASSES or col[7] in KEEP_CODES:
                kept.append(line)
    out = DATA / f"geonames_{dump.stem}.tsv"
    out.write_text("".join(kept), encoding="utf-8")
    print(f"{out}: {len(kept)} features")


if __name__ == "__main__":
    what, arg = sys.argv[1], Path(sys.argv[-1])
    countries(arg) if what == "countries" else geonames(arg)
