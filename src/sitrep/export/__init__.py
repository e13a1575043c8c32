"""Exports in the formats analysts' tools already read, each written by its own ecosystem's library.

The formats are the ``writer`` entries of :mod:`sitrep.plugins`; each is imported on use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ..errors import UsageError
from ..plugins import of_kind

Writer = Callable[[Iterable[dict[str, Any]], TextIO], None]


def formats() -> list[str]:
    """The export formats' names, in registration order."""
    return list(of_kind("writer"))


def writer(fmt: str) -> Writer:
    """The function that writes fmt, one of ``formats()``."""
    plugin = of_kind("writer").get(fmt)
    if plugin is None:
        raise UsageError(f"unknown export format {fmt!r}: use {', '.join(formats())}")
    loaded: Writer = plugin.load()
    return loaded


def export(analyses: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write analyses (contract dicts) to out in fmt, one of ``formats()``."""
    writer(fmt)(analyses, out)
