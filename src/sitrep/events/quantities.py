"""Quantities: sums of money with their ISO 4217 currency and what they are paid per,
measures (weights, volumes, distances, percentages) and counts of people, vehicles, weapons.

Money and measures are found by pattern over the raw text (they are formulaic); counts need
the parse to know what a bare number counts ("seven soldiers", "two of them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..errors import DataFileError
from ..lexicons import load_yaml, syntax
from ..model import Analysis, Quantity
from .numbers import NUMBER, NUMBER_AFTER_SIGN, as_number, parse_number
from .units import Units, alternation, units

# The low end of a range is the figure ("3,000-4,000 dinars" is 3,000), as ACLED codes counts.
_RANGE = rf"(?:\s?[-–]\s?|\s+to\s+)(?:{NUMBER})"


@dataclass(frozen=True)
class Extras:
    """What data/quantities.yaml adds to the unit tables: currency marks read in their case."""

    before: dict[str, str]  # glued before the digits: "N50,000"
    after: dict[str, str]  # after the number: "38 KM"


_EXTRAS = "sitrep/events/data/quantities.yaml"


def _mapping(raw: dict, key: str, value: str) -> dict[str, str]:
    table = raw.get(key)
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and re.fullmatch(value, v)
        for k, v in table.items()
    ):
        raise DataFileError(f"{_EXTRAS}: {key!r} must map words to {value}")
    return dict(table)


@cache
def extras() -> Extras:
    raw = load_yaml("sitrep.events", "data/quantities.yaml")
    if not isinstance(raw, dict):
        raise DataFileError(f"{_EXTRAS}: expected a mapping")
    return Extras(
        _mapping(raw, "marks_before", "[A-Z]{3}"),
        _mapping(raw, "marks_after", "[A-Z]{3}"),
    )


def _patterns(u: Units) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    money = re.compile(
        rf"(?:(?<![A-Za-z])(?P<sym>{alternation(list(u.symbols))})\s?(?P<n1>{NUMBER_AFTER_SIGN})(?![A-Za-z])|\b(?P<n2>{NUMBER})(?:{_RANGE})?\s+(?P<cur>{alternation(list(u.currencies))})\b)",
        re.IGNORECASE,
    )
    # What a sum is paid per; it may follow an equivalent in brackets: "6 million pesos ($1,450) a kilo".
    per = re.compile(
        rf"(?P<paren>\s*\([^()]{{1,40}}\)|\))?(?:\s+(?:per|a|an|for\s+each|for\s+every|every)\s+(?P<per>{alternation(list(u.per))})\b|\s+(?P<each>each|apiece)\b)",
        re.IGNORECASE,
    )
    measure = re.compile(
        rf"\b(?P<n>{NUMBER})(?:\s*|-)(?P<unit>{alternation([m for m in u.measures if m != '%'])})\b(?:\s+per\s+(?P<per>\w+))?|\b(?P<pn>{NUMBER})\s?%",  # noqa: E501 - one literal
        re.IGNORECASE,
    )
    return money, per, measure


@cache
def _compiled() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    return _patterns(units())


def _symbol(u: Units, sym: str | None) -> str | None:
    """The code a sign before the number stands for ("rs" reads as "Rs")."""
    if not sym:
        return None
    return u.symbols.get(sym) or next(
        (c for s, c in u.symbols.items() if s.lower() == sym.lower()), None
    )


@cache
def _marks_pattern() -> re.Pattern:
    """Case-sensitive marks: "N50,000" (glued before), "38 KM" (after); never "n" or "km"."""
    marks = extras()
    return re.compile(
        rf"(?<![A-Za-z0-9])(?P<sym>{alternation(list(marks.before))})(?P<n1>\d[\d,.]*\d|\d)"
        rf"(?:\s+(?P<scale>million|billion|thousand|lakh|crore)\b)?"
        rf"|\b(?P<n2>{NUMBER})\s?(?P<cur>{alternation(list(marks.after))})(?![A-Za-z])"
    )


def _marked_money(u: Units, text: str, taken: list[Quantity]) -> list[Quantity]:
    marks, found = extras(), []
    for m in _marks_pattern().finditer(text):
        if any(q.start <= m.start() < q.end for q in taken):
            continue
        raw = m.group("n1") or m.group("n2")
        if m.group("scale"):
            raw = f"{raw} {m.group('scale')}"
        value = parse_number(raw.rstrip(".,"))
        if value is None or _not_money(text, m, value):
            continue
        code = marks.before[m.group("sym")] if m.group("sym") else marks.after[m.group("cur")]
        found.append(_with_per(u, text, m, as_number(value), code))
    return found


def _not_money(text: str, m: re.Match, value: float) -> bool:
    """A road number ("the N2 highway": a sum glued to a mark is at least a thousand) or a
    headline in capitals ("BUS CRASH 38 KM FROM TOWN": the word before is in capitals too)."""
    if m.group("sym"):
        return value < 1000
    before = text[max(0, m.start() - 30) : m.start()].split()
    return bool(before) and before[-1].isupper() and len(before[-1].strip(".,:;")) > 1


def _with_per(u: Units, text: str, m: re.Match, value: float | int, code: str) -> Quantity:
    """The sum matched by m, stretched over what it is paid per when that follows."""
    end, per = m.end(), None
    p = _compiled()[1].match(text, m.end())
    if p:
        per = u.per[p.group("per").lower()] if p.group("per") else "person"
        end = m.end() if p.group("paren") else p.end()
    return Quantity(m.start(), end, text[m.start() : end], value, code, per)


def find_money_and_measures(a: Analysis) -> list[Quantity]:
    u = units()
    money, _, measure = _compiled()
    text = a.document.text
    found: list[Quantity] = []
    for m in money.finditer(text):
        value = parse_number(m.group("n1") or m.group("n2"))
        if value is None:
            continue
        code = _symbol(u, m.group("sym")) or u.currencies[m.group("cur").lower()]
        found.append(_with_per(u, text, m, as_number(value), code))
    found += _marked_money(u, text, found)
    for m in measure.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        value = parse_number(m.group("n") or m.group("pn"))
        if value is None:
            continue
        unit = u.measures[m.group("unit").lower()] if m.group("unit") else "percent"
        per = m.group("per").lower() if m.group("per") else None
        found.append(
            Quantity(m.start(), m.end(), text[m.start() : m.end()], as_number(value), unit, per)
        )
    return found


def _number_span(tok: Token) -> tuple[int, int]:
    """The run of number tokens around tok ("2.1 million", "twenty - five"), as token indices."""
    doc = tok.doc
    start = tok.i
    while (
        start > 0 and doc[start - 1].like_num and doc[start - 1].ent_type_ not in ("DATE", "TIME")
    ):
        start -= 1
    end = tok.i + 1
    while end < len(doc) and (doc[end].like_num or doc[end].lower_ in units().multipliers):
        end += 1
    return start, end


def _is_countable(tok: Token) -> bool:
    if not tok.like_num or tok.ent_type_ in syntax()["uncounted_entities"]:
        return False
    if re.fullmatch(r"(19|20)\d\d", tok.text):  # a year
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if (
        nxt is not None
        and nxt.text in ("-", "–")
        and tok.i + 2 < len(tok.doc)
        and tok.doc[tok.i + 2].lower_.startswith("year")
    ):
        return False  # "41-year-old"
    prev = tok.nbor(-1) if tok.i > 0 else None
    if nxt is not None and tok.lower_ == "one" and nxt.lower_ == "of":  # "one of the largest"
        return False
    return not (
        prev is not None and prev.pos_ == "PROPN" and tok.text.isdigit()
    )  # "Jeddah 1", "G-20"


def _counted(tok: Token, u: Units) -> tuple[Token, str] | None:
    """The thing a number counts and its unit, or None when it counts nothing we can name."""
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod") or (tok.dep_ == "compound" and head.pos_ == "NOUN"):
        while head.dep_ == "nummod" and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = head.lemma_.lower()
        return head, u.counts.get(
            lemma, head.text.lower() if head.text.lower().endswith("s") else lemma + "s"
        )
    of = next((c for c in tok.children if c.lower_ == "of"), None)
    if of is not None:  # "two of them", "two of the smugglers"
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj, u.counts.get(
                obj.lemma_.lower(), "people" if obj.pos_ == "PRON" else obj.lemma_.lower() + "s"
            )
    if tok.lower_ in u.people_words:
        return tok, "people"
    if tok.dep_ in syntax()["people_verb_args"] and head.lemma_.lower() in u.people_verbs:
        return tok, "people"
    return None


def find_counts(a: Analysis, doc: Doc, taken: list[Quantity]) -> list[Quantity]:
    u = units()
    found: list[Quantity] = []
    seen: set[int] = set()
    for tok in doc:
        if tok.i in seen or not _is_countable(tok):
            continue
        start, end = _number_span(tok)
        seen.update(range(start, end))
        first, last = doc[start], doc[end - 1]
        if any(q.start <= first.idx < q.end for q in taken):
            continue
        counted = _counted(last, u) or _counted(first, u)
        value = parse_number(doc[start:end].text.replace(" - ", "-"))
        if counted is None or value is None:
            continue
        noun, unit = counted
        stop = (
            max(last.idx + len(last), noun.idx + len(noun))
            if noun.i >= end - 1
            else last.idx + len(last)
        )
        if noun.i > end + 4:  # a noun far away: keep the number alone
            stop = last.idx + len(last)
        found.append(
            Quantity(first.idx, stop, a.document.text[first.idx : stop], as_number(value), unit)
        )
    return found


def annotate_quantities(a: Analysis, doc: Doc) -> None:
    money = find_money_and_measures(a)
    a.quantities.extend(sorted(money + find_counts(a, doc, money), key=lambda q: q.start))
