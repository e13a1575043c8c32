"""Report metadata from the lead-in lines: title, byline, outlet, dateline, date, language.

Wire copy announces itself in a few stable shapes ("Reporting by X", "CITY, Month day
(Agency) -", "Outlet (City)-"), so regular expressions over the first lines are enough and
far cheaper than a model. Values already given by the input are kept.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..lexicons import load_yaml, month_number, word_list
from ..model import Document

_DASH = r"\s*[-\u2013\u2014]+\s*"
BYLINE = re.compile(
    r"^\s*(?:(?:Reporting|Written|Writing|Reported)\s+by|By)\s+(?P<name>[^\n]{2,80}?)\s*$", re.M
)
# "HERMEL, Lebanon, March 3 (The Frontier Ledger) -": an upper-case city first.
DATELINE_CITY_FIRST = re.compile(
    r"^(?P<city>[A-Z][A-Z'\u2019. -]{1,40}?)(?:,\s*(?P<region>[A-Z][\w'\u2019. -]{1,40}?))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{2,60})\))?" + _DASH
)
# "Levant Files (Damascus)- ": an outlet in mixed case, its city in brackets.
DATELINE_OUTLET_FIRST = re.compile(
    r"^(?P<outlet>[A-Z][\w&'\u2019. ]{1,60}?)\s*\((?P<city>[A-Z][\w'\u2019. -]{1,40}?)\)" + _DASH
)


@cache
def _english() -> frozenset[str]:
    raw = load_yaml("sitrep.ingest.data", "language.yaml")
    return frozenset(word_list(raw, "english_function_words", "sitrep/ingest/data/language.yaml"))


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for the first non-empty lines of text."""
    out, pos = [], 0
    for line in text.split("\n")[:6]:
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _city(name: str) -> str:
    name = name.strip()
    return name.title() if name.isupper() else name


def _dateline_date(value: str | None, published: str | None) -> str | None:
    """ISO date of a dateline's "Month day[, year]", only when the year is known."""
    if not value:
        return None
    m = re.match(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?", value)
    if not m or month_number(m.group(1)) is None:
        return None
    year = int(m.group(3)) if m.group(3) else None
    if year is None:
        return None
    try:
        return date(year, month_number(m.group(1)) or 0, int(m.group(2))).isoformat()
    except ValueError:
        return None


def detect_language(text: str) -> str | None:
    """'en' when the text reads as English; otherwise None (unknown), which callers warn about."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    letters = "".join(words)
    if letters and sum(c < "\u0250" for c in letters) < len(letters) / 2:
        return None  # mostly Arabic, Cyrillic, CJK...: not English however short
    if len(words) < 8:
        return "en"
    english = _english()
    share = sum(w in english for w in words) / len(words)
    return "en" if share >= 0.12 else None


def fill_metadata(doc: Document) -> Document:
    """Fill the document's missing metadata from its lead-in lines, in place; returns it."""
    lines = _lines(doc.text)
    for _, line in lines[:3]:
        m = BYLINE.match(line)
        if m and not doc.byline:
            doc.byline = m.group("name").strip()
    for _, line in lines[:4]:
        m = DATELINE_OUTLET_FIRST.match(line)
        if m and not m.group("outlet").isupper():
            doc.outlet = doc.outlet or m.group("outlet").strip()
            doc.dateline = doc.dateline or _city(m.group("city"))
            break
        m = DATELINE_CITY_FIRST.match(line)
        if m and (m.group("outlet") or m.group("date")):
            doc.dateline = doc.dateline or _city(m.group("city"))
            if m.group("outlet"):
                doc.outlet = doc.outlet or m.group("outlet").strip()
            doc.published = doc.published or _dateline_date(m.group("date"), doc.published)
            break
    if not doc.title and len(lines) > 1:
        first = lines[0][1].strip()
        if (
            len(first) <= 160
            and not first.endswith((".", ":", ";"))
            and not BYLINE.match(first)
            and not DATELINE_OUTLET_FIRST.match(first)
            and not DATELINE_CITY_FIRST.match(first)
        ):
            doc.title = first
    if doc.language is None:
        doc.language = detect_language(doc.text)
    return doc
