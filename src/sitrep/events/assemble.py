"""From candidates to Events: choose what to emit and fill date, place, actors, fatalities, claim.

Only firm candidates (past, asserted or alleged, not habitual) are emitted. A one-paragraph
text (a snippet, a lead) is about some happening, so when it has no firm candidate its best
candidate is still given, with its modality and a low confidence.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis, DateRef, Event
from ..nlp import text_of
from .dates import DateMention, find_dates
from .extract import Candidate, candidates
from .fatalities import fatalities
from .lexicon import lexicon
from .roles import actors, place, under_speech

def _confidence(c: Candidate) -> float:
    base = min(0.95, 0.3 + 0.07 * c.score) * (0.93 ** c.index)
    return round(base if c.firm else base * 0.5, 3)


def _own_date(c: Candidate, dates: list[DateMention]) -> DateMention | None:
    doc = c.sent.doc
    inside = [d for d in dates if c.sent.start_char <= d.start < c.sent.end_char]
    usable = []
    for d in inside:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not under_speech(span.root, c.head):
            usable.append(d)
    if not usable:
        return None
    sub = {t.idx for t in c.head.subtree}
    return min(usable, key=lambda d: (d.start not in sub and not any(d.start <= i < d.end for i in sub), abs(d.start - c.head.idx)))


def _claim(a: Analysis, start: int) -> str | None:
    return next((cl.id for cl in a.claims if cl.start <= start < cl.end), None)


def _chosen(doc: Doc, dates: list[DateMention]) -> list[Candidate]:
    cands: list[Candidate] = []
    for i, sent in enumerate(doc.sents):
        dated = any(sent.start_char <= d.start < sent.end_char and d.ref.precision == "day" for d in dates)
        cands += candidates(sent, i, dated)
    cands.sort(key=lambda c: c.match.tokens[0].idx)
    firm = _without_retellings([c for c in cands if c.firm], dates)
    one_paragraph = "\n" not in text_of(doc).strip()
    if not firm and one_paragraph and cands:
        firm = [max(cands, key=lambda c: c.score * (0.93 ** c.index))]
    return firm


def _without_retellings(firm: list[Candidate], dates: list[DateMention]) -> list[Candidate]:
    """Drop an undated violent candidate that retells one before it: a generic word ('killed', 'hit')
    after any of the same type, a specific one after the same sub-type within three sentences.
    'The vehicle was hit by two missiles' retells the strike just reported, it is not a second one;
    so does a claim of it ('claimed the raid, saying it had killed 20 soldiers')."""
    lex = lexicon()
    kept: list[Candidate] = []
    for c in firm:
        kind = lex.sub_types[c.sub_type].type
        lo, hi = c.head.left_edge.idx, c.head.right_edge.idx + len(c.head.right_edge)
        dated = any(lo <= d.start < hi for d in dates)  # a date of its own, not the sentence's 'said on Monday'
        if kind != "Strategic developments" and not dated and any(
                lex.sub_types[k.sub_type].type == kind
                and (c.match.cue.generic or (k.sub_type == c.sub_type and c.index - k.index <= 3)) for k in kept):
            continue
        kept.append(c)
    return kept


def build_events(a: Analysis, doc: Doc) -> list[Event]:
    lex = lexicon()
    dates = find_dates(a.document.text, a.document.published)
    events: list[Event] = []
    last_date: DateRef | None = None
    last_place: str | None = None
    for c in _chosen(doc, dates):
        m = c.match
        trigger = a.span(m.tokens[0].idx, m.tokens[-1].idx + len(m.tokens[-1]))
        own = _own_date(c, dates)
        if own is not None:
            date = DateRef(own.ref.value, own.ref.precision, a.span(own.start, own.end))
        elif last_date is not None:  # "were arrested during the raid": the date of the happening told before
            date = DateRef(last_date.value, last_date.precision, inferred=True)
        elif a.document.published:
            date = DateRef(a.document.published[:10], "day", inferred=True)
        else:
            date = None
        where = place(a, c.sent, c.head) or last_place
        sub = lex.sub_types[c.sub_type]
        events.append(Event(
            id=a.new_id("ev", events), type=sub.type, sub_type=sub.name, trigger=trigger, plover=sub.plover,
            actors=actors(a, c.head), place=where, date=date, fatalities=fatalities(c.sent),
            claim=_claim(a, trigger.start), modality=c.modality, confidence=_confidence(c)))
        last_date = date if date and not date.inferred else last_date
        last_place = where or last_place
    return events



