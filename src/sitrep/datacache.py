"""Parsed and validated data files, kept in the user cache dir keyed by their content.

Parsing and checking the shipped YAML (the actor registry above all) costs a few tenths of a
second on every start. ``cached`` runs the loader once per content of its files and of the code
that validates them, and pickles the result under a hash of both; a changed file or a changed
checker gives a new hash, so it is parsed and validated again. A loader that raises caches
nothing, so bad data fails every time. The cache is safe to delete; ``SITREP_NO_DATA_CACHE=1``
turns it off and ``$SITREP_CACHE`` moves it (tests point it at a temporary dir).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
SUBDIR = "data"


def cache_dir() -> Path:
    """$SITREP_CACHE when set (tests), else the user's cache dir."""
    if os.environ.get("SITREP_CACHE"):
        return Path(os.environ["SITREP_CACHE"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sitrep"))


def content_key(files: Iterable[Path], modules: Iterable[str] = ()) -> str:
    """A hash of the files' names and bytes and of the named modules' source files."""
    h = hashlib.sha256()
    code = [Path(str(getattr(sys.modules[m], "__file__", "") or "")) for m in modules]
    for path in [*files, *code]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()[:32]


def cached(
    name: str, files: Iterable[Path], load: Callable[[], T], modules: Iterable[str] = ()
) -> T:
    """``load()``, or its pickled result from an earlier run over the same files and code.

    ``modules`` names the modules whose code builds or checks the result (the loader's own module
    is always included), so editing a check re-runs it.
    """
    if os.environ.get("SITREP_NO_DATA_CACHE"):
        return load()
    key = content_key(files, sorted({load.__module__, *modules}))
    target = cache_dir() / SUBDIR / f"{name}-{key}.pickle"
    try:
        return pickle.loads(target.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass  # not there yet, or unreadable: build it
    value = load()
    _store(target, value, stale=f"{name}-*.pickle")
    return value


def parsed(text: str, parse: Callable[[str], T]) -> T:
    """``parse(text)`` kept under the text's hash: for plain data (a YAML file's dicts and lists).

    Only the parse is saved; the caller still validates what comes back on every load.
    """
    if os.environ.get("SITREP_NO_DATA_CACHE"):
        return parse(text)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    target = cache_dir() / SUBDIR / "parsed" / f"{key}.pickle"
    try:
        return pickle.loads(target.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass
    value = parse(text)
    _store(target, value, stale=None)
    return value


def _store(target: Path, value: object, stale: str | None) -> None:
    """Write atomically, first removing files matching ``stale`` (the same files' earlier
    contents); a read-only or full cache dir only costs speed."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob(stale) if stale else ():
            old.unlink(missing_ok=True)
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        tmp.unlink(missing_ok=True)
