"""A watched folder: every report dropped into it (or changed) is handed on once it is complete.

watchfiles (inotify on Linux, polling elsewhere or with WATCHFILES_FORCE_POLLING) reports
changes; a file counts as complete when its size and modification time stay the same for
``settle`` seconds, so a PDF still being copied is not read half-written. On start the folder's
present files are handed on too: with the KB skipping reports it already holds (by content),
a restart catches up on what arrived while it was down and stores nothing twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .readers import SUFFIXES

# Seconds a file's size must stay put before it is read.
SETTLE = 0.5
# Seconds watchfiles gathers changes into one batch.
DEBOUNCE_MS = 800
_PARTIAL = (".part", ".tmp", ".crdownload", ".partial", "~")


def wanted(path: Path) -> bool:
    """A report file, not a hidden file or an unfinished download."""
    name = path.name.lower()
    return (
        path.suffix.lower() in SUFFIXES
        and not name.startswith((".", "~$"))
        and not name.endswith(_PARTIAL)
    )


def complete(path: Path, settle: float = SETTLE, tries: int = 20) -> bool:
    """Whether the file exists and stopped growing; waits up to ``tries`` settle periods."""
    try:
        before = path.stat()
        for _ in range(tries):
            time.sleep(settle)
            now = path.stat()
            if (now.st_size, now.st_mtime_ns) == (
                before.st_size,
                before.st_mtime_ns,
            ) and now.st_size:
                return True
            before = now
    except FileNotFoundError:
        return False
    return False


def present(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and wanted(p))


def _ready(paths: Iterable[str]) -> list[Path]:
    found = sorted({Path(p) for p in paths})
    return [p for p in found if p.is_file() and wanted(p) and complete(p)]


def watch_folder(
    folder: Path, handle: Callable[[list[Path]], None], stop: threading.Event | None = None
) -> None:
    """Hand the folder's files to ``handle``, then each batch of new or changed ones, until
    ``stop`` is set or Ctrl-C (KeyboardInterrupt, left to the caller for its summary)."""
    import watchfiles

    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    existing = present(folder)
    if existing:
        handle(existing)
    for changes in watchfiles.watch(
        folder,
        stop_event=stop,
        debounce=DEBOUNCE_MS,
        watch_filter=lambda change, p: change != watchfiles.Change.deleted,
    ):
        ready = _ready(p for _, p in changes)
        if ready:
            handle(ready)
