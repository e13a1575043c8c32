"""Where ``-o`` writes: never over an input, and never a half file.

An output that is one of the inputs would be emptied before it is read, so it is refused
before anything is opened for writing. A regular file is written beside its target and renamed
into place when done, so a crash leaves the old file (or none), never a torn one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _same(a: Path, b: Path) -> bool:
    """The same file by resolved path, or by device and inode (hard links, bind mounts)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def clashing_input(output: Path, inputs: Iterable[str]) -> str | None:
    """The input that ``output`` would overwrite, if any (``-`` is stdin and never clashes)."""
    return next((item for item in inputs if item != "-" and _same(Path(item), output)), None)


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket (``/dev/null``, a pipe): written in place, never renamed over."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block ends without an error."""
    if _is_special(path):
        with path.open("w", encoding="utf-8") as fh:
            yield fh
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode(path: Path) -> int:
    """The file's present permissions, else what a plain ``open`` would give (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
