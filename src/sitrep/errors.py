"""One error tree for sitrep, on the model of httpx's ``_exceptions.py``.

Errors that a caller can act on are raised as a ``SitrepError`` subclass. Bad input inside a
batch is never raised: it travels as an :class:`InputError` value in the result stream, in the
place of the document it concerns, so that the batch goes on past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DataFileError", "InputError", "PipelineError", "SitrepError", "UsageError"]


class SitrepError(Exception):
    """The base of every error sitrep raises on purpose."""


class DataFileError(SitrepError, ValueError):
    """A lexicon, registry or rule file is invalid; the message names the file (and line)."""


class PipelineError(SitrepError):
    """The stages are declared in an order that cannot work (one reads what none before wrote)."""


class UsageError(SitrepError, ValueError):
    """A caller's argument is out of range or names something unknown."""


@dataclass(frozen=True)
class InputError:
    """A document that could not be read (``stage="input"``) or analysed (``stage="analysis"``).

    ``origin`` is the file, with ``:line`` for JSON Lines. A value, not an exception: readers
    and the pipeline yield it in the document's place.
    """

    origin: str
    problem: str
    stage: Literal["input", "analysis"] = "input"

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"
