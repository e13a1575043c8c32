"""Events stage: ACLED-typed events with PLOVER category, actors, place, date, fatalities,
modality and the claim that carries them; and the report's quantities (money, measures, counts).

Runs after places, actors and claims (it reads their mentions and claim spans) and before
routes (which read the money quantities for costs).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis
from .assemble import build_events
from .quantities import annotate_quantities


def annotate(a: Analysis, doc: Doc) -> None:
    annotate_quantities(a, doc)
    a.events.extend(build_events(a, doc))


__all__ = ["annotate"]
