"""ACLED-style CSV: ACLED's own columns in ACLED's order, sitrep's extras after them."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, TextIO

from ..errors import DataFileError
from ..lexicons import load_yaml
from .common import actor_names, disputes, views

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
]
EXTRA_COLUMNS = [
    "document",
    "trigger",
    "trigger_start",
    "trigger_end",
    "modality",
    "claim_source",
    "reliability",
    "credibility",
    "plover",
    "confidence",
]
# ACLED's interaction codes by actor type (1 state forces ... 8 external/other forces).
INTER_CODES = {
    "state_force": 1,
    "government": 1,
    "armed_group": 2,
    "militia": 3,
    "criminal_network": 3,
    "political_party": 6,
    "civilians": 7,
    "foreign_force": 8,
    "international_org": 8,
}
TIME_PRECISION: dict[str | None, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _inter(view, event: dict[str, Any], role: str) -> int | str:
    for x in event.get("actors", []):
        e = view.entity(x.get("entity"))
        if x.get("role") == role and e:
            return INTER_CODES.get(e.get("actor_type") or "", 7 if e["kind"] == "person" else 8)
    return ""


def rows(analyses: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    counters: dict[str, int] = {}
    for v in views(analyses):
        for ev in v.data.get("events", []):
            place = v.entity(ev.get("place")) or {}
            geo = place.get("geo") or {}
            country = geo.get("country") or "XX"
            counters[country] = counters.get(country, 0) + 1
            date = ev.get("date") or {}
            claim = v.claim(ev.get("claim")) or {}
            i1, i2 = _inter(v, ev, "actor1"), _inter(v, ev, "actor2")
            yield {
                "event_id_cnty": f"{country}{counters[country]}",
                "event_date": date.get("value", ""),
                "year": (date.get("value") or "")[:4],
                "time_precision": TIME_PRECISION.get(date.get("precision"), ""),
                "event_type": ev["type"],
                "sub_event_type": ev["sub_type"],
                "actor1": "; ".join(actor_names(v, ev, "actor1")),
                "assoc_actor_1": "; ".join(actor_names(v, ev, "associate")),
                "inter1": i1,
                "actor2": "; ".join(actor_names(v, ev, "actor2")),
                "assoc_actor_2": "; ".join(actor_names(v, ev, "target")),
                "inter2": i2,
                "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 != "" and i2 != "" else i1,
                "country": country if geo else "",
                "admin1": geo.get("admin1", ""),
                "admin2": geo.get("admin2", ""),
                "location": place.get("name", ""),
                "latitude": geo.get("lat", ""),
                "longitude": geo.get("lon", ""),
                "geo_precision": _geo_precision(geo),
                "source": v.document.get("outlet") or "",
                "source_scale": "",
                "notes": " | ".join(
                    [
                        claim.get("text") or _sentence(v, ev),
                        *("Disputed " + d for d in disputes(ev)),
                    ]
                ),
                "fatalities": (ev.get("fatalities") or {}).get("best", 0),
                "document": v.id,
                "trigger": ev["trigger"]["text"],
                "trigger_start": ev["trigger"]["start"],
                "trigger_end": ev["trigger"]["end"],
                "modality": ev.get("modality", "asserted"),
                "claim_source": (claim.get("source") or {}).get("text", ""),
                "reliability": claim.get("reliability", ""),
                "credibility": claim.get("credibility", ""),
                "plover": ev.get("plover") or "",
                "confidence": ev["confidence"],
            }


@cache
def _precisions() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """``data/acled.yaml``: for "town" and "area", the feature prefixes and codes that make them."""
    raw = load_yaml("sitrep.export", "data/acled.yaml")
    out = {}
    for level in ("town", "area"):
        spec = raw.get(level) if isinstance(raw, dict) else None
        if not isinstance(spec, dict) or not all(
            isinstance(spec.get(k), list) for k in ("prefixes", "codes")
        ):
            raise DataFileError(
                f"sitrep/export/data/acled.yaml: {level!r} needs prefixes and codes"
            )
        out[level] = (
            tuple(str(p).upper() for p in spec["prefixes"]),
            frozenset(str(c).upper() for c in spec["codes"]),
        )
    return out


def _geo_precision(geo: dict[str, Any]) -> int | str:
    """ACLED: 1 the town itself, 2 a nearby or district-level place, 3 a province or larger area."""
    if not geo:
        return ""
    feature = (geo.get("feature") or "").upper()
    levels = _precisions()
    for level, value in (("town", 1), ("area", 3)):
        prefixes, codes = levels[level]
        if feature in codes or (feature and feature.startswith(prefixes)):
            return value
    return 2


def _sentence(view, event: dict[str, Any]) -> str:
    """The paragraph around the trigger, when no claim carries the event."""
    text = view.document["text"]
    start = text.rfind("\n", 0, event["trigger"]["start"]) + 1
    end = text.find("\n", event["trigger"]["end"])
    return text[start : end if end >= 0 else len(text)].strip()


def defuse(value: Any) -> Any:
    """A text cell that a spreadsheet would evaluate, prefixed with ``'`` so it stays text.

    Numbers, and text that is just a number ("-3.5"), are left alone so they stay numeric.
    """
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def write(analyses: Iterable[dict[str, Any]], out: TextIO) -> None:
    """The CSV, every text cell defused, since the file is meant to be opened in a spreadsheet."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: defuse(v) for k, v in row.items()} for row in rows(analyses))
