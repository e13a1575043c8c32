"""From candidates to Events: group them into incidents, then fill each incident's date, place,
actors, fatalities and claim from every sentence that tells it.

Only firm candidates (past, asserted or alleged, not habitual) are emitted. A one-paragraph
text (a snippet, a lead) is about some happening, so when it has no firm candidate its best
candidate is still given, with its modality and a low confidence.
"""

from __future__ import annotations

from typing import Literal, cast

from spacy.tokens import Doc, Span

from ..model import Analysis, DateRef, Event, EventActor, Fatalities
from ..nlp import text_of
from .dates import DateMention, find_dates
from .extract import Candidate, candidates, off_domain_paragraphs
from .fatalities import incident_fatalities, revises_toll
from .incidents import (
    ANAPHOR_GAP,
    CLAIM_REACH,
    DATES_LEAD,
    ENTRY_LEAD,
    EXCESSIVE,
    FOLLOW_ON,
    INTERVENED,
    Incident,
    blamed_heads,
    claimed,
    claimer_heads,
    group,
    in_summary,
    lead,
    own_dates,
    pointed_happening,
    sub_type,
)
from .lexicon import lexicon
from .periods import over_a_period, tells_a_tally
from .roles import (
    actors,
    country,
    locative,
    named,
    place,
    populated,
    scene_town,
    under_speech,
    unnamed,
)
from .rules import rules

NON_VIOLENT = "Strategic developments"
_Modality = Literal["asserted", "negated", "planned", "hypothetical", "alleged"]


def _ref(d: DateMention) -> DateRef:
    """A mention's date: find_dates keeps only the mentions it could resolve."""
    assert d.ref is not None
    return d.ref


def _confidence(c: Candidate) -> float:
    base = min(0.95, 0.3 + 0.07 * c.score) * (0.93**c.index)
    return round(base if c.firm else base * 0.5, 3)


def _lead_dates(sent: Span, dates: list[DateMention]) -> list[DateMention]:
    """Dates in a lead the sentence opens with ('• 9 Mar, near Jilib – ...'): the parse cannot place them."""
    found = lead(sent.text)
    if found is None:
        return []
    return [d for d in dates if sent.start_char <= d.start < sent.start_char + found.end()]


def _own_date(c: Candidate, dates: list[DateMention]) -> DateMention | None:
    """The date told for the happening: in the trigger's phrase first, then the nearest in its sentence."""
    in_lead = _lead_dates(c.sent, dates)
    usable = [
        d
        for d in own_dates(c.sent, dates, lambda tok: under_speech(tok, c.head))
        if d not in in_lead
    ]
    if (
        not usable
    ):  # a bullet's lead date ('• 9 Mar, near Jilib – ...'), never a dateline's day of writing
        return in_lead[0] if in_lead and ENTRY_LEAD.match(c.sent.text) else None
    sub = {t.idx for t in c.head.subtree}
    return min(
        usable,
        key=lambda d: (
            d.start not in sub and not any(d.start <= i < d.end for i in sub),
            abs(d.start - c.head.idx),
        ),
    )


def _claim(a: Analysis, start: int) -> str | None:
    return next((cl.id for cl in a.claims if cl.start <= start < cl.end), None)


def _chosen(doc: Doc, sents: list[Span], dates: list[DateMention]) -> list[Candidate]:
    cands: list[Candidate] = []
    text = text_of(doc)
    off = off_domain_paragraphs(doc)
    for i, sent in enumerate(sents):
        dated = any(
            sent.start_char <= d.start < sent.end_char and _ref(d).precision == "day" for d in dates
        )
        cands += candidates(sent, i, dated, text.rfind("\n", 0, sent.start_char) + 1 in off)
    cands.sort(key=lambda c: c.match.tokens[0].idx)
    firm = [c for c in cands if c.firm]
    body = [c for c in firm if not in_summary(c)]
    firm = body or firm  # a headline or summary tells the body's incidents again
    one_paragraph = "\n" not in text_of(doc).strip()
    if not firm and one_paragraph:
        single = [c for c in cands if not over_a_period(c.head)]
        firm = [max(single, key=lambda c: c.score * (0.93**c.index))] if single else []
    return firm


def _incidents(
    a: Analysis, sents: list[Span], firm: list[Candidate], dates: list[DateMention]
) -> list[Incident]:
    def differs(c: Candidate, inc: Incident) -> bool:
        here, there = scene_town(a, c.sent, c.head), scene_town(a, inc.main.sent, inc.main.head)
        if here and there and here != there:
            return True  # "Six were killed at X ... three were shot dead in the village of Y"
        mine, theirs = _own_date(c, dates), _own_date(inc.main, dates)
        if mine is None:
            return False
        if (
            theirs is None
        ):  # "A strike killed ten. Jets bombed the village on Tuesday": it dates the lead
            return c.index - inc.main.index > DATES_LEAD
        ours, other = _ref(mine), _ref(theirs)
        return (ours.value, ours.precision) != (other.value, other.precision)

    incidents = group(firm, differs)
    for inc in incidents:
        _dated_main(inc, dates)
    return incidents


def _dated_main(inc: Incident, dates: list[DateMention]) -> None:
    """An undated lead ('An air strike killed ten civilians, residents said') and the dated detail
    that follows it ('Jets bombed the village on Tuesday') tell one incident; the detail, which
    says when and where, is its main telling."""
    if _own_date(inc.main, dates) is not None:
        return
    detail = next(
        (
            m
            for m in inc.members
            if m.index - inc.main.index <= DATES_LEAD
            and not claimed(m.head)
            and _own_date(m, dates) is not None
        ),
        None,
    )
    if detail is not None:
        inc.members = [inc.main, *(m for m in inc.members if m is not detail)]
        inc.main = detail


def _later_sentences(
    inc: Incident, sents: list[Span], stop: int, dates: list[DateMention]
) -> list[Span]:
    """The sentences after the incident's first that still tell it, up to the next incident."""
    end = min(inc.last + FOLLOW_ON, stop - 1, len(sents) - 1)
    out = []
    for i in range(inc.main.index + 1, end + 1):
        sent = sents[i]
        if i > inc.last and own_dates(sent, dates, lambda tok: False) and not revises_toll(sent):
            break  # a sentence with a date of its own is about another time
        if not tells_a_tally(sent):  # "has killed 12,000 since 2012" is no part of this toll
            out.append(sent)
    return out


def _date(
    c: Candidate, inc: Incident, dates: list[DateMention], last: DateRef | None, a: Analysis
) -> DateRef | None:
    own = next((d for d in (_own_date(m, dates) for m in inc.candidates) if d is not None), None)
    if own is not None:
        ref = _ref(own)
        return DateRef(ref.value, ref.precision, a.span(own.start, own.end))
    text = a.document.text
    para_start = text.rfind("\n", 0, c.sent.start_char) + 1
    told = [d for d in dates if para_start <= d.start < c.sent.start_char]
    if told:  # "In the ensuing combat, ...": the day the paragraph has just told
        ref = _ref(told[-1])
        return DateRef(ref.value, ref.precision, inferred=True)
    if last is not None:  # "were arrested during the raid": the date of the happening told before
        return DateRef(last.value, last.precision, inferred=True)
    if a.document.published:
        return DateRef(a.document.published[:10], "day", inferred=True)
    return None


def _lead_place(a: Analysis, sent: Span) -> str | None:
    """The place of the paragraph's lead ('KABUL: ...', '• 9 Mar, near Jilib – ...') or of the dateline."""
    text = a.document.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    opening = lead(text, para_start)
    if opening is None:
        return None
    found = a.mentions_in(para_start, opening.end(), ("place",))
    return found[-1].entity if found else None


def _told_before(a: Analysis, sent: Span) -> str | None:
    """A place the paragraph put the scene in before the trigger's sentence ('... north of the village
    of Deir al-Kahf. When the smugglers opened fire, ...')."""
    text = a.document.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    located = [
        m
        for m in a.mentions_in(para_start, sent.start_char, ("place",))
        if not m.demonym and locative(text[max(para_start, m.start - 40) : m.start])
    ]
    return located[-1].entity if located else None


def _pointing_back(
    inc: Incident, sents: list[Span], stop: int, dates: list[DateMention], date: DateRef | None
) -> list[Span]:
    """Sentences after the incident's first, up to the next incident, that point back at a
    happening ("The attack in X on Friday ...") on no other day than the incident's."""
    end = min(inc.last + FOLLOW_ON, stop - 1, len(sents) - 1)
    out = []
    for sent in sents[inc.main.index + 1 : end + 1]:
        days = {_ref(d).value for d in own_dates(sent, dates, lambda tok: False)}
        if pointed_happening(sent) is not None and (not days or (date and days == {date.value})):
            out.append(sent)
    return out


def _took_place(a: Analysis, later: list[Span]) -> str | None:
    """'It took place in the town of Puerto Jordan': a later sentence that only says where the
    incident happened."""
    r = rules()
    for sent in later:
        for tok in sent:
            lemma = tok.lemma_.lower()
            occurs = lemma in r.scene_verbs or (
                lemma == "take" and any(k.lower_ == "place" for k in tok.children)
            )
            town = scene_town(a, sent, tok) if occurs and tok.pos_ == "VERB" else None
            if town:
                return town
    return None


def _place(a: Analysis, inc: Incident, later: list[Span], back: list[Span]) -> str | None:
    """The innermost place the incident names: a town any of its sentences puts it in ('carried out
    the killings in the village of X', 'it took place in X'), before the dateline's city, the
    region, the country; when the lead names only a country, a later sentence that points back at
    the happening ("The attack in Namoungou village on Friday ...") may name the town."""
    for c in inc.candidates:
        town = scene_town(a, c.sent, c.head)
        if town:
            return town
    town = _took_place(a, later)
    if town:
        return town
    fallback = _lead_place(a, inc.main.sent)
    found = [w for c in inc.candidates if (w := place(a, c.sent, c.head, fallback))]
    for sent in back if not found or country(a, found[0]) else ():
        noun = pointed_happening(sent)
        where = place(a, sent, noun) if noun is not None else None
        if where:
            found.append(where)
    if not found:
        return _told_before(a, inc.main.sent) or fallback
    if populated(a, found[0]):
        return found[0]
    finer = [w for w in found if populated(a, w)] or [w for w in found if not country(a, w)]
    return finer[0] if finer else found[0]


def _named_in(a: Analysis, heads, taken: set[str]) -> str | None:
    """The first actor or person named in one of the phrases headed by ``heads``."""
    for head in heads:
        found = named(
            a, head.left_edge.idx, head.right_edge.idx + len(head.right_edge), set(), head.doc
        )
        if found and found not in taken:
            return found
    return None


def _actors(a: Analysis, inc: Incident, sents: list[Span], end: int, far: int) -> list[EventActor]:
    """The main trigger's roles; a missing or unnamed actor1 from the members, from who claimed the
    incident, or from whom the report blames for it."""
    roles = actors(a, inc.main.head)
    first = next((r.entity for r in roles if r.role == "actor1"), None)
    if first and not unnamed(a, first):
        return roles
    others = [r for r in roles if r.role != "actor1"]
    taken = {r.entity for r in others}
    for c in inc.members:
        found = next((r.entity for r in actors(a, c.head) if r.role == "actor1"), None)
        if found and found not in taken and not unnamed(a, found):
            return [EventActor(found, "actor1"), *others]
    named = (
        _named_in(a, claimer_heads(inc, sents, end), taken)
        or _named_in(a, blamed_heads(inc, sents, end), taken)
        # "Al-Shabaab claimed responsibility for the attack": a claim naming it, further on
        or _named_in(a, claimer_heads(inc, sents, far, pointed=True), taken)
    )
    if named:
        return [EventActor(named, "actor1"), *others]
    return roles


def _forced(name: str, toll: Fatalities | None) -> str:
    """Codebook: a protest broken up with deaths is Excessive force against protesters; victims decide."""
    if name == INTERVENED and toll is not None and toll.best > 0:
        return EXCESSIVE
    return name


def _told_in(inc: Incident, owned: dict[int, int], k: int) -> list[int]:
    """The sentences that tell incident k: those of its triggers and, between two of them, those
    that tell no other incident (a retelling after other incidents brings only its own sentence)."""
    told = sorted({c.index for c in inc.candidates})
    out = told[:1]
    for prev, nxt in zip(told, told[1:], strict=False):
        between = range(prev + 1, nxt)
        if all(owned.get(i, k) == k for i in between):
            out.extend(between)
        out.append(nxt)
    return out


def build_events(a: Analysis, doc: Doc) -> list[Event]:
    lex = lexicon()
    dates = find_dates(a.document.text, a.document.published)
    sents = list(doc.sents)
    incidents = _incidents(a, sents, _chosen(doc, sents, dates), dates)
    events: list[Event] = []
    last_date: DateRef | None = None
    last_place: str | None = None
    owned = {c.index: k for k, inc in enumerate(incidents) for c in inc.candidates}
    for k, inc in enumerate(incidents):
        c = inc.main
        stop = incidents[k + 1].main.index if k + 1 < len(incidents) else len(sents)
        later = _later_sentences(inc, sents, stop, dates)
        m = c.match
        trigger = a.span(m.tokens[0].idx, m.tokens[-1].idx + len(m.tokens[-1]))
        date = _date(c, inc, dates, last_date, a)
        back = _pointing_back(inc, sents, stop, dates, date)
        where = _place(a, inc, later, back) or last_place
        roles = _actors(
            a,
            inc,
            sents,
            min(stop - 1, inc.last + CLAIM_REACH),
            min(stop - 1, inc.last + ANAPHOR_GAP),
        )
        first = min(inc.candidates, key=lambda m: m.index)  # a lead told before its dated detail
        before = [sents[i] for i in range(first.index + 1, c.index + 1)]
        toll: Fatalities | None = incident_fatalities(first.sent, before + later)
        sub = lex.sub_types[_forced(sub_type(inc), toll)]
        if sub.type == NON_VIOLENT:  # codebook: a strategic development kills no one; the deaths
            toll = Fatalities(best=0)  # its sentence tells belong to the violence beside it
        events.append(
            Event(
                id=a.new_id("ev", events),
                type=sub.type,
                sub_type=sub.name,
                trigger=trigger,
                plover=sub.plover,
                actors=roles,
                place=where,
                date=date,
                fatalities=toll,
                claim=_claim(a, trigger.start),
                modality=cast(_Modality, c.modality),
                confidence=_confidence(c),
                sentences=[
                    a.span(sents[i].start_char, sents[i].end_char) for i in _told_in(inc, owned, k)
                ],
            )
        )
        last_date = date if date and not date.inferred else last_date
        last_place = where or last_place
    return events
