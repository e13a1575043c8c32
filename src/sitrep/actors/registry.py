"""The alias registry: known groups and people, and a fast matcher over their folded names.

Spelling drifts in transliterated names (al-Qaida / al Qaeda, Hay'at / Hayat), so aliases and
text are compared word by word on the places stage's folded keys. One Aho-Corasick pass over
the report finds every alias at once, however large the registry grows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import ahocorasick
import yaml

from ..datacache import cached
from ..places.fold import Word, fold_word, key_of, words
from .checks import problems

if TYPE_CHECKING:
    from .checks import _Entry

Kind = Literal["actor", "person"]
_LOADER = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml: the registry is thousands of lines


@dataclass(frozen=True)
class Alias:
    name: str
    needs_context: bool = (
        False  # ambiguous on its own ("IS", "the Base"): kept only near a group cue
    )


@dataclass
class Entry:
    """One registry record: a group (kind actor) or a person."""

    key: str
    name: str
    kind: Kind
    aliases: list[Alias] = field(default_factory=list)
    actor_type: str | None = None
    country: str | None = None
    parent: str | None = None  # actors: the umbrella group; people: their actor key
    role: str | None = None
    wikidata: str | None = None
    successor_of: list[str] = field(default_factory=list)
    operates_in: tuple[str, ...] = ()  # countries beyond its own where it fights or works
    origin: str = ""  # the file it came from, for error messages
    raw: dict = field(default_factory=dict, repr=False, compare=False)  # the record, for the checks

    @property
    def theatre(self) -> frozenset[str]:
        """The countries it is at home in; empty for a group of no one country."""
        return frozenset(c for c in (self.country, *self.operates_in) if c)

    @property
    def generic(self) -> bool:
        """A class of actor ("gunmen", "militants"), not a named body: data/registry/generic.yaml."""
        return Path(self.origin).name == GENERIC_FILE

    @property
    def ids(self) -> dict[str, object]:
        return {"registry": self.key, **({"wikidata": self.wikidata} if self.wikidata else {})}


@dataclass(frozen=True)
class Hit:
    """An alias found in a text: word offsets into the text and the entry it names."""

    start: int
    end: int
    entry: Entry
    alias: Alias


def _alias(raw: object, origin: str) -> Alias:
    if isinstance(raw, str):
        return Alias(raw)
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        return Alias(raw["name"], bool(raw.get("needs_context")))
    raise ValueError(f"{origin}: alias {raw!r} is neither a name nor {{name, needs_context}}")


def _entry(rec: dict, kind: Kind, origin: str) -> Entry:
    if not isinstance(rec, dict) or not rec.get("key") or not rec.get("name"):
        raise ValueError(f"{origin}: record {rec!r} lacks a key or a name")
    where = f"{origin} ({rec['key']})"
    return Entry(
        key=rec["key"],
        name=rec["name"],
        kind=kind,
        aliases=[_alias(x, where) for x in rec.get("aliases") or []],
        actor_type=rec.get("type") if kind == "actor" else None,
        country=rec.get("country"),
        parent=rec.get("parent") if kind == "actor" else rec.get("affiliation"),
        role=rec.get("role"),
        wikidata=rec.get("wikidata"),
        successor_of=list(rec.get("successor_of") or []),
        operates_in=tuple(rec.get("operates_in") or ()),
        origin=origin,
        raw=rec,
    )


def load_file(path: Path, kind: Kind) -> list[Entry]:
    """The entries of one YAML file (a list of records); errors name the file."""
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_LOADER) or []
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of records")
    return [_entry(rec, kind, str(path)) for rec in data]


@lru_cache(maxsize=2)
def text_words(text: str) -> tuple[Word, ...]:
    """The folded words of a text, a possessive cut off ("SDF's" is SDF) and a sentence's full stop too.
    Kept for the last texts: the registry and the short-name pass both read the report's words."""
    out = []
    for w in words(text):
        cut = (
            2
            if w.text[-2:] in ("'s", "\u2019s")
            else 1
            if w.text.endswith(".") and w.text.count(".") == 1
            else 0
        )
        if cut and len(w.text) > cut:
            w = Word(w.start, w.end - cut, w.text[:-cut], fold_word(w.text[:-cut]), w.article)
        out.append(w)
    return tuple(out)


def _key(ws: list[Word]) -> str:
    return f" {' '.join(w.key for w in ws if not w.article)} " if ws else ""


def _case_ok(alias: str, text_words: list[Word]) -> bool:
    """Acronyms match only in capitals; a capitalised alias needs some capital in the text."""
    alias_words = [w for w in words(alias) if not w.article]
    if len(alias_words) != len(text_words):
        return True
    for aw, tw in zip(alias_words, text_words, strict=False):
        if len(aw.text) > 1 and aw.text.isupper() and tw.text != aw.text:
            return False  # an acronym as written: "LAAF" is not "LAF", "AA" not "A"
    only = alias_words[0].text if len(alias_words) == 1 else ""
    if only and len(only) <= 3 and text_words[0].text != only:
        return False  # a short alias only in its own case: "HaD" never reads "had"
    return not any(c.isupper() for c in alias) or any(
        c.isupper() for w in text_words for c in w.text
    )


class Registry:
    """Entries by key and one automaton over all their folded names and aliases."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.key: e for e in entries}
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[Entry, Alias]]] = {}
        for e in entries:
            for alias in [Alias(e.name), *e.aliases]:
                if (
                    "(" in alias.name
                ):  # "X (Yemen)": a note, not a spelling; definitions are read from the text
                    continue
                k = _key(words(alias.name))
                if k.strip():
                    table.setdefault(k, []).append((e, alias))
        for k, items in table.items():
            self._auto.add_word(k, (len(k), items))
        if table:
            self._auto.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Every alias occurrence in text (overlaps included), its span widened over a joined al-."""
        all_words = text_words(text)
        ws = [w for w in all_words if not w.article]
        if not ws or not len(self._auto):
            return []
        seq, starts = " ", {}
        for i, w in enumerate(ws):
            starts[len(seq)] = i
            seq += w.key + " "
        out, word_starts = [], [w.start for w in all_words]
        for end_pos, (length, items) in self._auto.iter(seq):
            first = starts.get(end_pos - length + 2)
            if first is None:
                continue
            run = ws[first : first + seq[end_pos - length + 2 : end_pos].count(" ") + 1]
            if not _joined(all_words, word_starts, text, run[0].start, run[-1].end):
                continue
            start = _widen(all_words, word_starts, text, run[0].start)
            for entry, alias in items:
                if _case_ok(alias.name, run):
                    out.append(Hit(start, run[-1].end, entry, alias))
        return out

    def lookup(self, name: str) -> list[Entry]:
        """Entries one of whose names is exactly this name, after folding."""
        k = _key(words(name))
        found = self._auto.get(k, None) if k.strip() and len(self._auto) else None
        seen: dict[str, Entry] = {}
        for entry, _ in found[1] if found else []:
            seen.setdefault(entry.key, entry)
        return list(seen.values())


_GLUE = re.compile(r"[ \t\-\u2010\u2011\u00a0]*")


def _joined(
    all_words: Sequence[Word], word_starts: list[int], text: str, start: int, end: int
) -> bool:
    """The words of a match follow each other with only spaces or hyphens between them."""
    lo = bisect.bisect_left(word_starts, start)
    inner = list(all_words[lo : bisect.bisect_left(word_starts, end, lo)])  # not the whole tail
    while inner and inner[-1].end > end:
        inner.pop()
    return all(
        _GLUE.fullmatch(text[a.end : b.start]) for a, b in zip(inner, inner[1:], strict=False)
    )


def _widen(all_words: Sequence[Word], word_starts: list[int], text: str, start: int) -> int:
    """Take in an article hyphenated onto the first word ("al-" of al-Qaida)."""
    i = bisect.bisect_left(word_starts, start) - 1
    w = all_words[i] if i >= 0 else None
    if w is not None and w.article and start - w.end == 1 and text[w.end] in "-\u2010\u2011":
        return w.start
    return start


DATA = "data"
GENERIC_FILE = "generic.yaml"  # the registry file of actor classes, no named bodies


def _data_files(sub: str) -> list[Path]:
    root = Path(str(resources.files("sitrep.actors").joinpath(DATA)))
    target = root / sub
    if target.is_dir():
        return sorted(target.glob("*.yaml"))
    return [target] if target.is_file() else []


def load_entries() -> list[Entry]:
    """Every group in data/registry/*.yaml and every person in data/people.yaml, checked.

    Bad data (duplicate aliases, common words as aliases, missing types) raises one ValueError
    listing every problem with its file, so a broken edit fails the tests instead of the output.
    """
    entries = [e for p in _data_files("registry") for e in load_file(p, "actor")]
    entries += [e for p in _data_files("people.yaml") for e in load_file(p, "person")]
    # The checks only read the entries; their protocol declares ``kind`` a plain (settable) str.
    found = problems(cast("list[_Entry]", entries))
    if found:
        raise ValueError("registry data is invalid:\n" + "\n".join(found))
    return entries


@cache
def registry() -> Registry:
    """The shipped registry, built and checked once per content of its files (sitrep.datacache)."""
    files = [*_data_files("registry"), *_data_files("people.yaml")]
    files += _data_files("record_schema.yaml")  # the checks read it
    return cached(
        "actor-registry", files, _build, modules=("sitrep.actors.checks", "sitrep.places.fold")
    )


def _build() -> Registry:
    return Registry(load_entries())


@cache
def generic_keys() -> frozenset[str]:
    """Registry keys of actor classes: two reports that both say "gunmen" name no one."""
    return frozenset(k for k, e in registry().entries.items() if e.generic)


def key_of_name(name: str) -> str:
    """A name's folded key (articles dropped): equal keys are the same name."""
    return key_of(words(name))
