"""Date expressions in report prose, resolved against the report's publication date.

"on Tuesday" is the most recent Tuesday on or before publication; "last week" is the week
before the one published in; "in March" is the latest March not after publication. Absolute
dates go through dateparser with RELATIVE_BASE always set and a month or day required, so a
bare number ("$2000") is never read as a year.

A week has no ISO form in the contract (YYYY-MM-DD, YYYY-MM or YYYY), so a week-precision
date is written as the month holding most of that week (its Thursday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

from ..lexicons import calendar
from ..model import DateRef
from .numbers import parse_number

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501 - one literal
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_COUNT = r"(?:a|one|two|three|four|five|six|seven|\d+)"
PATTERNS: list[tuple[str, str]] = [
    # Counted from the date told just before: "two days earlier", "the following morning".
    (
        "offset",
        (
            rf"\b{_COUNT}\s+days?\s+(?:earlier|later|before|after)\b"
            r"|\bthe\s+(?:following|next|previous)\s+(?:day|morning|afternoon|evening|night)\b"
            r"|\bthe\s+day\s+(?:before|after)\b"
        ),
    ),
    (
        "absolute_day",
        rf"\b{_DAYNUM}\s+{_MON}(?:,?\s+{_YEAR})?\b|\b{_MON}\s+{_DAYNUM}(?:,?\s+{_YEAR})?\b",
    ),
    ("month", rf"\b(?:(?:early|mid|late)[- ])?{_MON}(?:,?\s+{_YEAR})?\b"),
    (
        "weekday",
        rf"\b(?:(?:early|late)\s+on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day{_PART}\b",
    ),
    (
        "relative_day",
        r"\b(?:yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|(?:\w+|\d+)\s+days?\s+ago)\b",
    ),
    (
        "relative_week",
        r"\b(?:last|this|past|previous)\s+week(?:end)?\b|\b(?:earlier|later)\s+this\s+week\b|\b(?:a|one|two|\d)\s+weeks?\s+ago\b",
    ),
    # "over the weekend", "at the weekend": the weekend on or before publication
    ("weekend", r"\b(?:over|at|during)\s+the\s+weekend\b"),
    ("relative_month", r"\b(?:last|this|past|previous)\s+month\b|\bearlier\s+this\s+month\b"),
    (
        "relative_year",
        r"\b(?:last|this|past|previous)\s+year\b|\bearlier\s+this\s+year\b|\bin\s+(?:19|20)\d\d\b",
    ),
    (
        "same",
        r"\bthe\s+same\s+(?:day|morning|afternoon|evening|night)\b|\bthat\s+(?:day|morning|night)\b",
    ),
]
DATE_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in PATTERNS), re.IGNORECASE)
_MAY_VERB = re.compile(r"\bmay\s+(?:be|have|not|also|still|soon|well|\w+ed)\b", re.IGNORECASE)


@dataclass
class DateMention:
    start: int
    end: int
    ref: DateRef | None  # None: "the same day", to be filled from the date before it


def _week_month(monday: date) -> str:
    return (monday + timedelta(days=3)).strftime("%Y-%m")


def _parse_absolute(text: str, base: datetime, precision: str) -> DateRef | None:
    parts = ["day", "month"] if precision == "day" else ["month"]
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": parts,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    cleaned = re.sub(r"\b(?:early|mid|late)[- ]", "", text, flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if precision == "day":
        return DateRef(parsed.date().isoformat(), "day")
    return DateRef(parsed.strftime("%Y-%m"), "month")


def _resolve(kind: str, text: str, base: datetime | None) -> DateRef | None:
    low = text.lower()
    if kind in ("absolute_day", "month"):
        has_year = re.search(_YEAR, text) is not None
        if base is None and not has_year:
            return None
        return _parse_absolute(
            text, base or datetime(2100, 1, 1), "day" if kind == "absolute_day" else "month"
        )
    if base is None:
        return None
    today = base.date()
    if kind == "weekday":
        wd = next(i for i, d in enumerate(calendar().weekdays) if d in low)
        return DateRef((today - timedelta(days=(today.weekday() - wd) % 7)).isoformat(), "day")
    if kind == "relative_day":
        ago = re.match(r"(\w+)\s+days?\s+ago", low)
        back = 1 if low.startswith(("yesterday", "last night")) else 0
        if ago:
            back = int(parse_number(ago.group(1)) or 0)
        return DateRef((today - timedelta(days=back)).isoformat(), "day")
    if kind == "relative_week":
        monday = today - timedelta(days=today.weekday())
        if re.search(r"last|past|previous|ago", low):
            n = 2 if re.search(r"\btwo\b|\b2\b", low) else 1
            monday -= timedelta(weeks=n)
        return DateRef(_week_month(monday), "week")
    if kind == "weekend":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        return DateRef(saturday.strftime("%Y-%m"), "week")
    if kind == "relative_month":
        if re.search(r"last|past|previous", low):
            first = today.replace(day=1) - timedelta(days=1)
            return DateRef(first.strftime("%Y-%m"), "month")
        return DateRef(today.strftime("%Y-%m"), "month")
    if kind == "relative_year":
        year = re.search(_YEAR, text)
        if year:
            return DateRef(year.group(), "year")
        return DateRef(
            str(today.year - (1 if re.search(r"last|past|previous", low) else 0)), "year"
        )
    return None


def _from_previous(prev: DateRef | None, days: int) -> DateRef | None:
    if prev is None or (days and prev.precision != "day"):
        return None
    if not days:
        return DateRef(prev.value, prev.precision)
    return DateRef((date.fromisoformat(prev.value) + timedelta(days=days)).isoformat(), "day")


def _offset(text: str, following: str) -> int:
    """Days from the date told before: 'two days earlier' -2; 'after the ambush' +N, but 'two days
    after troops clashed' -N (the clause after 'after' is the earlier happening)."""
    low = text.lower()
    count = re.match(r"(\w+)\s+days?", low)
    n = int(parse_number(count.group(1)) or 1) if count else 1
    if re.search(r"earlier|before|previous", low):
        return -n
    if low.endswith("after") and not re.match(r"\s+(?:the|a|an)\b", following.lower()):
        return -n
    return n


_MONTH_WORD = re.compile(r"^(?:early|mid|late)[- ]", re.IGNORECASE)


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in text, resolved; 'the same day' carries the date before it."""
    base = None
    if published:
        try:
            base = datetime.fromisoformat(published[:10])
        except ValueError:
            base = None
    found: list[DateMention] = []
    anchor: DateRef | None = None  # the last date told outright, that offsets count from
    for m in DATE_RE.finditer(text):
        kind = m.lastgroup or ""
        if kind == "month" and m.group().lower() == "may" and _MAY_VERB.match(text, m.start()):
            continue  # the verb "may"
        if kind == "month" and _MONTH_WORD.sub("", m.group())[0].islower():
            continue  # "march" the verb, "august" the adjective (not "late March")
        ref = None if kind in ("same", "offset") else _resolve(kind, m.group(), base)
        if ref is None and kind not in ("same", "offset"):
            continue
        if kind == "offset":
            ref = _from_previous(anchor, _offset(m.group(), text[m.end() : m.end() + 5]))
        elif ref is None and found:
            ref = _from_previous(found[-1].ref, 0)
        else:
            anchor = ref
        if ref is not None:
            found.append(DateMention(m.start(), m.end(), ref))
    return found
