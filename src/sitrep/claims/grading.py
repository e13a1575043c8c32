"""Admiralty grades for claims: source reliability (A-F) and information credibility (1-6).

Within one report there is no track record, so reliability follows the source's type; the
knowledge base refines it across reports. Credibility follows corroboration inside the report:
the same content from an independent source raises it, a denial or a clashing figure lowers it.
README.md ("Admiralty grading") documents the method.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import syntax
from ..model import Claim, Source
from .cues import words

RELIABILITY = {
    "official_statement": "B",
    "document": "B",
    "named_organization": "B",
    "named_person": "C",
    "media": "C",
    "anonymous": "F",
}
SINGLE_SOURCE = 3  # "possibly true": reported once, neither confirmed nor denied
ANONYMOUS_CAP = ("C", 3)  # an anonymous single-source claim is never graded above C3
SHARED_FOR_SAME_TOPIC = 3  # content words two claims share to be about the same thing
SAME_TOPIC_OVERLAP = 0.3  # ... and their share of all the content words of both
MAX_NESTING = 3  # claims within claims followed this deep to their outer source
MATE_WINDOW = 50  # claims either side a claim is compared with for corroboration


def _content(doc: Doc, c: Claim) -> set[str]:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return {
        t.lemma_.lower()
        for t in span or []
        if t.pos_ in syntax()["content_pos"]
        and not t.is_stop
        and t.lemma_.lower() not in words("speech_verbs")
    }


def _numbers(doc: Doc, c: Claim) -> set[str]:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return {t.lower_ for t in span or [] if t.like_num}


def _denies(doc: Doc, c: Claim) -> bool:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand") if c.cue else None
    tokens = [*(span or []), *(cue or [])]
    return any(t.lemma_.lower() in words("denial") for t in tokens)


def _speakers(claims: list[Claim]) -> list[Source]:
    """Who each claim is heard from: a claim told inside another ("police said the suspect told
    investigators he had planted the bomb") reaches the report only through the outer source."""
    out = []
    for c in claims:
        outer = c
        for _ in range(MAX_NESTING):
            cue = outer.cue
            holder = next(
                (
                    o
                    for o in claims
                    if o is not outer and cue is not None and o.start <= cue.start < o.end
                ),
                None,
            )
            if holder is None:
                break
            outer = holder
        out.append(outer.source)
    return out


def _independent(x: Source, y: Source) -> bool:
    """Different sources, at least one of them known: two anonymous sources may be one."""
    if x.type == y.type == "anonymous":
        return False
    if x.entity and y.entity:
        return x.entity != y.entity
    return x.text.lower() != y.text.lower()


def _same_topic(x: set[str], y: set[str]) -> bool:
    shared = len(x & y)
    return shared >= SHARED_FOR_SAME_TOPIC and shared / len(x | y) >= SAME_TOPIC_OVERLAP


def _topic_mates(content: list[set[str]]) -> list[list[int]]:
    """For each claim, the others about the same thing among its neighbours (all of them in any
    report of ordinary length; a window keeps a book-length text linear)."""
    n = len(content)
    return [
        [
            j
            for j in range(max(0, i - MATE_WINDOW), min(n, i + MATE_WINDOW + 1))
            if j != i and _same_topic(content[i], content[j])
        ]
        for i in range(n)
    ]


TOLL_REACH = 1  # sentences apart two tolls may be and still count the same dead


def _toll(doc: Doc, c: Claim) -> tuple[str, int, frozenset[str]] | None:
    """The kind of toll a claim gives a figure for ("dead", "hurt"), the sentence it sits in and
    the nouns its figures count ("soldier" in "4 soldiers were killed"). None for a claim about
    another happening than the one before it ("the second strike killed six")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not any(t.like_num for t in span):
        return None
    sent = doc[span.start].sent
    if any(t.lower_ in words("another_happening") for t in sent):
        return None
    lemmas = {t.lemma_.lower() for t in span} | {t.lower_ for t in span}
    kind = next((k for k in ("dead", "hurt") if lemmas & words(f"toll_{k}")), None)
    counted = frozenset(
        t.head.lemma_.lower() for t in span if t.like_num and t.head.pos_ in ("NOUN", "PROPN")
    )
    return (kind, sent.start, counted) if kind else None


def _same_dead(x: frozenset[str], y: frozenset[str]) -> bool:
    """Figures that count different people ("3 militants" against "10 soldiers") are no clash;
    a figure with no noun ("11 died") may count anyone."""
    return not x or not y or bool(x & y)


def _toll_clashes(doc: Doc, claims: list[Claim], numbers: list[set[str]]) -> set[int]:
    """ "Police said 3 people had died; hospital sources put the toll at 5": independent sources
    that give different figures for one toll, told within a sentence of each other."""
    tolls = [_toll(doc, c) for c in claims]
    starts = {s.start: k for k, s in enumerate(doc.sents)}
    speakers = _speakers(claims)
    out: set[int] = set()
    for i, ti in enumerate(tolls):
        for j in range(i + 1, len(claims)):
            tj = tolls[j]
            if (
                ti is not None
                and tj is not None
                and ti[0] == tj[0]
                and abs(starts[ti[1]] - starts[tj[1]]) <= TOLL_REACH
                and _same_dead(ti[2], tj[2])
                and not numbers[i] & numbers[j]
                and _independent(speakers[i], speakers[j])
            ):
                out |= {i, j}
    return out


def grade(claims: list[Claim], doc: Doc) -> None:
    """Set reliability and credibility on every claim of one report."""
    content = [_content(doc, c) for c in claims]
    numbers = [_numbers(doc, c) for c in claims]
    denies = [_denies(doc, c) for c in claims]
    speakers = _speakers(claims)
    tolls = _toll_clashes(doc, claims, numbers)
    for i, (c, mates) in enumerate(zip(claims, _topic_mates(content), strict=False)):
        c.reliability = RELIABILITY[c.source.type]
        support, clash = 0, i in tolls
        for j in mates:
            if not _independent(speakers[i], speakers[j]):
                continue
            if denies[i] != denies[j] or (
                numbers[i] and numbers[j] and not numbers[i] & numbers[j]
            ):
                clash = True
            else:
                support += 1
        c.credibility = 4 if clash else max(1, SINGLE_SOURCE - support)
        if c.source.type == "anonymous" and support == 0 and c.credibility < ANONYMOUS_CAP[1]:
            c.credibility = ANONYMOUS_CAP[1]
