"""What makes registry data unsound, checked every time it loads.

The registry is edited by hand, file by file; a duplicated alias silently merges two groups, an
alias such as "is" or "us" fires on ordinary prose, and an actor without a type reaches the
output as "other". Each problem is reported with the file it is in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import DataFileError
from ..lexicons import load_yaml, word_list
from ..places.fold import key_of, words
from .lexicon import lexicon


@dataclass(frozen=True)
class RecordSchema:
    """The fields each kind of record may hold and the actor types (``data/record_schema.yaml``)."""

    fields: dict[str, frozenset[str]]
    actor_types: frozenset[str]


@cache
def record_schema() -> RecordSchema:
    origin = "sitrep/actors/data/record_schema.yaml"
    raw = load_yaml("sitrep.actors", "data/record_schema.yaml")
    fields = raw.get("fields") if isinstance(raw, dict) else None
    if not isinstance(fields, dict) or set(fields) != {"actor", "person"}:
        raise DataFileError(f"{origin}: 'fields' must list the fields of 'actor' and 'person'")
    return RecordSchema(
        {kind: frozenset(word_list(fields, kind, origin)) for kind in fields},
        frozenset(word_list(raw, "actor_types", origin)),
    )


KEY_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
COUNTRY_RE = re.compile(r"[A-Z]{2}")


class _Alias(Protocol):
    name: str
    needs_context: bool


class _Entry(Protocol):
    key: str
    name: str
    kind: str
    aliases: list
    origin: str
    raw: dict


def common_word(alias: str) -> bool:
    """Is the alias, in lower case or folded, an ordinary English word ("is", "us", "who")?"""
    low = alias.lower().strip()
    common = lexicon().common_words
    if low in STOP_WORDS or low in common:
        return True
    if " " in low:  # both lists hold single words: a name of several words is none of them
        return False
    folded = key_of(words(alias))
    return folded in STOP_WORDS or folded in common


def spelling(name: str) -> str:
    """What the matcher tells apart: an acronym ("LAF", "LAAF") as written, a name by its
    folded key."""
    return name if re.fullmatch(r"[A-Z0-9&]{2,}", name) else key_of(words(name))


def problems(entries: list[_Entry]) -> list[str]:
    """Every problem of the entries, one line each, naming the file and the key."""
    out: list[str] = []
    by_kind: dict[str, dict[str, _Entry]] = {"actor": {}, "person": {}}
    for e in entries:
        if not KEY_RE.fullmatch(e.key):
            out.append(f"{e.origin}: bad key {e.key!r}")
        if e.key in by_kind["actor"] or e.key in by_kind["person"]:
            out.append(f"{e.origin}: duplicate key {e.key}")
        by_kind.setdefault(e.kind, {})[e.key] = e
    actors = by_kind["actor"]
    for e in entries:
        out += [f"{e.origin} ({e.key}): {p}" for p in _record(e, actors)]
    out += _shared(entries)
    return out


def _record(e: _Entry, actors: dict[str, _Entry]) -> Iterable[str]:
    """The problems of one record on its own."""
    raw = e.raw
    unknown = set(raw) - record_schema().fields[e.kind]
    if unknown:
        yield f"unknown fields {sorted(unknown)}"
    if not raw.get("source"):
        yield "missing source"
    if "wikidata" in raw and not re.fullmatch(r"Q\d+", str(raw["wikidata"])):
        yield f"bad wikidata id {raw['wikidata']!r}"
    if e.kind == "actor":
        yield from _actor(e, raw, actors)
    elif raw.get("affiliation") not in actors or not raw.get("role"):
        yield f"unknown affiliation {raw.get('affiliation')!r} or missing role"
    yield from _aliases(e)


def _actor(e: _Entry, raw: dict, actors: dict[str, _Entry]) -> Iterable[str]:
    if raw.get("type") not in record_schema().actor_types:
        yield f"missing or bad type {raw.get('type')!r}"
    if "country" not in raw:
        yield "missing country (write country: null for a group of no one country)"
    elif raw["country"] is not None and not COUNTRY_RE.fullmatch(str(raw["country"])):
        yield f"bad country {raw['country']!r}"
    for code in raw.get("operates_in") or []:
        if not COUNTRY_RE.fullmatch(str(code)):
            yield f"bad operates_in country {code!r}"
    for k in raw.get("successor_of") or []:
        if k not in actors:
            yield f"successor_of unknown key {k}"
    parent = raw.get("parent")
    if parent is not None and (parent not in actors or parent == e.key):
        yield f"bad parent {parent}"


def _aliases(e: _Entry) -> Iterable[str]:
    seen = {e.name.casefold()}
    for a in e.aliases:
        k = a.name.casefold()
        if k in seen and not a.needs_context:
            yield f"alias repeated {a.name!r}"
        seen.add(k)
        if common_word(a.name) and not a.needs_context:
            yield f"alias {a.name!r} is a common English word; mark it needs_context or drop it"


def _shared(entries: list[_Entry]) -> list[str]:
    """A spelling two entries of one kind share: allowed only where it is one entry's name and
    every other entry marks it as needing context."""
    uses: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)  # key, how, file
    for e in entries:
        uses[(e.kind, spelling(e.name))].append((e.key, "name", e.origin))
        for a in e.aliases:
            how = "context" if a.needs_context else "alias"
            uses[(e.kind, spelling(a.name))].append((e.key, how, e.origin))
    out = []
    for (kind, k), found in uses.items():
        keys = {key for key, _, _ in found}
        names = {key for key, how, _ in found if how == "name"}
        plain = {key for key, how, _ in found if how == "alias"}
        if len(keys) > 1 and (plain or len(names) > 1):
            files = sorted({origin for _, _, origin in found})
            out.append(
                f"{', '.join(files)}: {kind}s {sorted(keys)} share the spelling {k!r}; "
                "mark it needs_context in all but one"
            )
    return out
