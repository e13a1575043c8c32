"""sitrep: turn conflict and security reporting into a sourced, mapped, checkable picture.

The public API is what ``__all__`` names; everything else is internal and may change. The
names resolve on first use (PEP 562), so ``import sitrep`` and ``sitrep --help`` stay fast
and spaCy loads only when something is analysed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Analysis", "InputError", "SitrepError", "__version__", "analyze", "analyze_text"]

_HOMES = {
    "Analysis": "sitrep.model",
    "InputError": "sitrep.errors",
    "SitrepError": "sitrep.errors",
    "analyze": "sitrep.pipeline",
    "analyze_text": "sitrep.pipeline",
}

if TYPE_CHECKING:
    from .errors import InputError, SitrepError
    from .model import Analysis
    from .pipeline import analyze, analyze_text


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
