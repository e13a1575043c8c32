"""Link the waypoints of successive sentences into routes.

A route described over several sentences continues when a sentence opens with a
continuation cue ("then", "from there", "From Pasni, ..."), or when the previous sentence
only named a starting point ("left the camp on Monday") and this one names where it went.
"From there the network offered two routes" makes the route so far a branch point: each
alternative that follows ("The cheaper one ...", "The second ...") starts from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from ..model import Analysis
from ..nlp import text_of
from .cues import cues
from .waypoints import Point, covers, is_area, is_country, sentence_points

# Sentences without movement that may sit between two legs of one route.
MAX_GAP = 1
# How many opening words may hold a continuation or alternative cue.
OPENING_WORDS = 6


@dataclass
class Chain:
    """A route being put together: its points and the sentences that describe it."""

    points: list[Point] = field(default_factory=list)
    sentences: list[SpacySpan] = field(default_factory=list)

    def extend(self, pts: list[Point], sent: SpacySpan) -> None:
        for p in pts:
            if not self.points or self.points[-1].mention.entity != p.mention.entity:
                self.points.append(p)
        self.sentences.append(sent)

    def copy(self) -> Chain:
        return Chain(list(self.points), list(self.sentences))


def _opening(sent: SpacySpan) -> str:
    words = [t.lower_ for t in sent if not t.is_punct and not t.is_space][:OPENING_WORDS]
    return " " + " ".join(words) + " "


def _has(text: str, cue_words: tuple[str, ...]) -> bool:
    return any(f" {w} " in text for w in cue_words)


def _starts(text: str, cue_words: tuple[str, ...]) -> bool:
    return any(text.startswith(f" {w} ") for w in cue_words)


def _goes_on(sent: SpacySpan, first: Point) -> bool:
    """ "Those who get across are driven on to Kerman": the first place is reached onward."""
    before = text_of(sent.doc)[sent.start_char : first.mention.start].lower()
    return any(before.endswith(f" {w} ") for w in cues().onward)


def _starts_elsewhere(a: Analysis, current: Chain, first: Point) -> bool:
    """ "Later the families were moved from Raqqa to ...", "From Raqqa, buses take ...": a
    movement that starts from a place other than where the route so far ends, or a place inside
    or around it, is another movement."""
    if first.role != "origin":
        return False
    last, start = (a.entity(p.mention.entity) for p in (current.points[-1], first))
    return not (covers(last, start) or covers(start, last))


def _hands_on(a: Analysis, current: Chain, first: Point) -> bool:
    """ "Boats leaving Zuwara head for Lampedusa" after a route that ended in Zuwara: the path
    goes on from where it ended."""
    last, start = (a.entity(p.mention.entity) for p in (current.points[-1], first))
    return (
        first.role == "origin"
        and not is_country(last)
        and (covers(last, start) or covers(start, last))
    )


def _continues(
    a: Analysis, current: Chain, pts: list[Point], opening: str, sent: SpacySpan
) -> bool:
    """Does this sentence carry on the route of the one before?"""
    if _starts_elsewhere(a, current, pts[0]):
        return False
    if opening.startswith(" from ") and pts[0].role == "origin":
        return True  # "From Pasni, the loads go on by dhow": the route handed on where it ended
    if _hands_on(a, current, pts[0]):
        return True
    if _has(opening, cues().continuation):
        return True
    if pts[0].role != "origin" and _goes_on(sent, pts[0]):
        return True
    known = {p.mention.entity for p in current.points}
    # "A convoy left the camp on Monday. Buses drove the families to ...": a lone starting point
    return len(known) == 1 and not any(p.role == "origin" for p in pts)


def link(a: Analysis, sents: list[SpacySpan]) -> list[Chain]:
    """Chains of at least two distinct places, in the order their description starts."""
    c = cues()
    done: list[Chain] = []
    current: Chain | None = None
    base: Chain | None = None
    gap = 0
    for sent in sents:
        if a.in_duplicate(sent.start_char):
            continue
        pts = sentence_points(a, sent)
        opening = _opening(sent)
        full = " " + " ".join(t.lower_ for t in sent if not t.is_space) + " "
        if not pts:
            gap += 1
            if current is not None and _has(full, c.branch):
                base, gap = current.copy(), 0
            continue
        if (
            current is not None
            and _starts(opening, c.alternative)
            and (gap <= MAX_GAP or base is not None)
        ):
            if base is None or current.points != base.points:
                done.append(current)
            current = base.copy() if base is not None else Chain()
        elif current is None or gap > MAX_GAP or not _continues(a, current, pts, opening, sent):
            if current is not None:
                done.append(current)
            current, base = Chain(), None
        current.extend(pts, sent)
        gap = 0
    if current is not None:
        done.append(current)
    return _keep(a, done)


def _keep(a: Analysis, chains: list[Chain]) -> list[Chain]:
    """Drop countries told with a finer place of theirs, single places, lone lists and recaps
    of other routes."""
    out: list[Chain] = []
    for ch in chains:
        ch.points = pts = _without_coarse_legs(a, _last_visits(ch.points))
        if len({p.mention.entity for p in pts}) < 2:
            continue
        if len(ch.sentences) == 1 and len({p.group for p in pts}) == 1:
            continue  # "fled to Dikwa and Maiduguri": choices of where to go, not a path
        out.append(ch)
    kept: list[Chain] = []
    for ch in out:
        ents = {p.mention.entity for p in ch.points}
        if any(
            [p.mention.entity for p in k.points] == [p.mention.entity for p in ch.points]
            for k in kept
        ):
            continue  # the same path told twice
        if any(
            ents <= {p.mention.entity for p in o.points}
            for o in out
            if len(o.points) > len(ch.points)
        ):
            continue  # said again in fewer words ("the journey from A to B"), within one route
        if any(_sums_up(a, ch, o) for o in out if len(o.points) > 2):
            continue
        kept.append(ch)
    return kept


def _last_visits(pts: list[Point]) -> list[Point]:
    """A path does not come back to a place: one named twice was first told ahead, as where the
    movement ends ("bound for Malaysia ... The route passes the Bay of Bengal to Thailand and
    on to Malaysia"), so it keeps the place where the path told in full reaches it."""
    last = {p.mention.entity: i for i, p in enumerate(pts)}
    return [p for i, p in enumerate(pts) if last[p.mention.entity] == i]


def _without_coarse_legs(a: Analysis, pts: list[Point]) -> list[Point]:
    """A country inside a path gives way to the finer places beside it ("into Serbia near
    Presevo"), unless they are known to lie outside it: "shipped from Bandar Abbas along the
    coast of Somalia to Hodeidah" passes Somalia."""
    ents = [a.entity(p.mention.entity) for p in pts]

    def code(i: int) -> str | None:
        e = ents[i]
        return e.geo.country if e and e.geo else None

    def passed(i: int) -> bool:
        neighbours = (code(i - 1), code(i + 1))
        return code(i) is not None and all(c is not None and c != code(i) for c in neighbours)

    def redundant_end(i: int) -> bool:
        """ "into Colombia through Cucuta": the town already says which country the path ends
        in (or starts from)."""
        j = 1 if i == 0 else len(pts) - 2
        return (
            len(pts) > 2
            and is_country(ents[i])
            and not is_country(ents[j])
            and code(i) is not None
            and code(i) == code(j)
        )

    ends = (0, len(pts) - 1)
    return [
        p
        for i, p in enumerate(pts)
        if (not redundant_end(i) if i in ends else not is_country(ents[i]) or passed(i))
    ]


def _sums_up(a: Analysis, short: Chain, detailed: Chain) -> bool:
    """Is ``short`` the headline of ``detailed``: "fled from the province of X into Lebanon" before
    the report gives the path town by town? Only a two-place route whose end holds the detailed
    route's end, starting on that route or from a whole province or country."""
    if len(short.points) != 2:
        return False
    start, end = (a.entity(p.mention.entity) for p in short.points)
    path = [a.entity(p.mention.entity) for p in detailed.points]
    return covers(end, path[-1]) and (is_area(start) or any(covers(start, p) for p in path))
