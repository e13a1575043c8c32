"""Routes stage: movement descriptions as ordered waypoints, with who, what and cost.

Runs last, so it reads the place mentions and entities (waypoints resolve to place
entities), actor mentions (who moves) and the events stage's quantities (what it costs).
"""

from spacy.tokens import Doc

from ..model import Analysis, Route, Span, Waypoint
from .attributes import assign_costs, what_moves, who_moves
from .chains import link


def _sentence(a: Analysis, start: int, end: int) -> Span:
    """The sentence's words, without the line break the parser keeps at its end."""
    text = a.document.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return a.span(start, end)


def annotate(a: Analysis, doc: Doc) -> None:
    chains = link(a, list(doc.sents))
    costs = assign_costs(a, chains, doc)
    for chain, cost in zip(chains, costs, strict=False):
        who, who_text = who_moves(a, chain)
        a.routes.append(
            Route(
                id=a.new_id("ro", a.routes),
                waypoints=[
                    Waypoint(p.mention.entity, a.span(p.mention.start, p.mention.end))
                    for p in chain.points
                ],
                who=who,
                who_text=who_text,
                what=what_moves(chain, doc),
                cost=cost,
                evidence=[_sentence(a, s.start_char, s.end_char) for s in chain.sentences],
            )
        )
