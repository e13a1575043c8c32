"""Who moves, what moves and what it costs, read from the words around a route."""

from __future__ import annotations

import bisect
import re
from typing import Literal, cast

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..events.numbers import NUMBER, as_number, parse_number
from ..model import Analysis, Cost, Quantity
from ..nlp import text_of
from .chains import Chain
from .cues import cues
from .waypoints import named_places

# A price stated this many sentences before a route's first sentence still applies to it
# ("each crossing costs $900 a head ... The path runs through ...").
COST_LOOKBACK = 3
COST_LOOKAHEAD = 1
SUBJECTS = ("nsubj", "nsubjpass")
What = Literal["people", "weapons", "drugs", "fuel", "goods", "money", "unknown"]
CLAUSE_BREAK = re.compile(r"[,;]\s")
# "between 4,000 and 6,000 dinars", "$150 to $200", "8,000-12,000 pesos": the figure before the sum.
# A bare year ("from 3,000 in 2021 to 5,000 euros") is no lower figure.
RANGE_BEFORE = re.compile(
    rf"(?:between\s+(?P<low>{NUMBER})\s+and|(?<![\w,.])(?!(?:19|20)\d\d\b)(?P<low2>{NUMBER})\s*(?:to|-|–))\s*\$?$",
    re.IGNORECASE,
)
RANGE_REACH = 40  # characters before a sum searched for the start of a range

# A "paragraph" reaches at most this far either side of its sentence (a text may have no
# line breaks).
PARAGRAPH_REACH = 2000


def is_money(q: Quantity) -> bool:
    """Sums of money carry an ISO 4217 code as their unit."""
    return len(q.unit) == 3 and q.unit.isalpha() and q.unit.isupper()


def what_moves(chain: Chain, doc: Doc) -> What:
    """The commonest kind of load named in the route's sentences, else in their paragraphs,
    else in the whole report (a story about smuggled fuel rarely repeats "fuel" in every line)."""
    whole = doc.user_data.get("sitrep_what")
    if whole is None:  # the report's own count, made once for all its routes
        whole = doc.user_data["sitrep_what"] = _loads([doc[:]])
    for counts in (
        _loads(chain.sentences),
        _loads([_paragraph(doc, s) for s in chain.sentences]),
        whole,
    ):
        if counts:
            return cast(What, max(counts, key=lambda k: counts[k]))  # ties: the kind named first
    return "unknown"


def _loads(scope: list[SpacySpan]) -> dict[str, float]:
    lex = cues().what
    counts: dict[str, float] = {}
    for t in (t for sp in scope for t in sp if t.lemma_.lower() in lex):
        kind, weight = lex[t.lemma_.lower()]
        counts[kind] = counts.get(kind, 0.0) + weight
    return counts


def _paragraph(doc: Doc, sent: SpacySpan) -> SpacySpan:
    text = text_of(doc)
    start = max(text.rfind("\n", 0, sent.start_char) + 1, sent.start_char - PARAGRAPH_REACH)
    end = text.find("\n", sent.end_char, sent.end_char + PARAGRAPH_REACH)
    span = doc.char_span(
        start,
        min(len(text), sent.end_char + PARAGRAPH_REACH) if end < 0 else end,
        alignment_mode="expand",
    )
    return span if span is not None else sent


def who_moves(a: Analysis, chain: Chain) -> tuple[str | None, str | None]:
    """The actor that is the subject of the movement, else the subject's own words."""
    for sent in chain.sentences:
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() not in cues().speech]
        for verb in verbs:
            subj = next((ch for ch in verb.children if ch.dep_ in SUBJECTS), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
            actor = next(iter(a.mentions_in(lo, hi, ("actor", "person"))), None)
            if actor is not None:
                return actor.entity, None
            if not a.mentions_in(lo, hi, ("place",)):
                return None, a.document.text[lo:hi]
    return None, None


def assign_costs(a: Analysis, chains: list[Chain], doc: Doc) -> list[Cost | None]:
    """Give each route the sum paid for it, looked for in this order: among its own sentences;
    right after them in the same paragraph, or a few sentences before them ("each crossing
    costs $500 a head ... The paths run through ..."), unless the sum is said
    with other places; then in any clause that names its places ("pay 6 million pesos a kilo
    in Tumaco"), the route naming most of them winning.

    Only the first sum of a clause counts: what follows is a conversion ("($1,450)").
    """
    pricing = _Pricing(a, chains, doc)
    pricing.own_sentences()
    pricing.nearby()
    pricing.named_places()
    pricing.unit_prices()
    return pricing.costs


class _Pricing:
    """The three passes of ``assign_costs`` over shared state: sentences, sums, what is taken."""

    def __init__(self, a: Analysis, chains: list[Chain], doc: Doc) -> None:
        self.a, self.chains, self.doc = a, chains, doc
        self.sents = [s for s in doc.sents if not a.in_duplicate(s.start_char)]
        index = {s.start_char: i for i, s in enumerate(self.sents)}
        self.firsts = _first_sums(a, self.sents)
        self.costs: list[Cost | None] = [None] * len(chains)
        self.taken: set[int] = set()
        self.spans = [
            sorted(index[s.start_char] for s in ch.sentences if s.start_char in index)
            for ch in chains
        ]

    def free(self, i: int) -> Quantity | None:
        return next((q for q in self.firsts.get(i, []) if q.start not in self.taken), None)

    def give(self, k: int, q: Quantity) -> None:
        text = self.a.document.text
        per = q.per or _range_unit(self.a, q) or _unit_before(text, q)
        self.costs[k] = Cost(_low_bound(text, q), q.unit, per)
        self.taken.add(q.start)

    def others(self, k: int) -> set[int]:
        return {i for j, ids in enumerate(self.spans) if j != k for i in ids} - set(self.spans[k])

    def own_sentences(self) -> None:
        for k, ids in enumerate(self.spans):
            if not ids:
                continue
            theirs = self.others(k)
            found = (self.free(i) for i in range(ids[0], ids[-1] + 1) if i not in theirs)
            q = next((q for q in found if q), None)
            if q:
                self.give(k, q)

    def nearby(self) -> None:
        """Right after the route in the same paragraph, or just before it."""
        for k, ids in enumerate(self.spans):
            if self.costs[k] or not ids:
                continue
            para_end = text_of(self.doc).find("\n", self.sents[ids[-1]].end_char - 1)
            before = list(range(ids[0] - 1, max(-1, ids[0] - 1 - COST_LOOKBACK), -1))
            after = [
                i
                for i in range(ids[-1] + 1, min(len(self.sents), ids[-1] + 1 + COST_LOOKAHEAD))
                if para_end < 0 or self.sents[i].start_char < para_end
            ]
            for near in (after, before):
                if self._first_near(k, near):
                    break

    def _first_near(self, k: int, near: list[int]) -> bool:
        """Price route k from the first of ``near`` that has a sum not said with other places."""
        mine = {p.mention.entity for p in self.chains[k].points}
        theirs = self.others(k)
        for i in near:
            if i in theirs:
                return False
            for q in self.firsts.get(i, []):
                if q.start in self.taken:
                    continue
                named = _clause_places(self.a, self.sents[i], q)
                if not named or named & mine:
                    self.give(k, q)
                    return True
        return False

    def named_places(self) -> None:
        """A clause that names a route's places prices the route naming most of them."""
        for i, sent in enumerate(self.sents):
            for q in self.firsts.get(i, []):
                if q.start in self.taken:
                    continue
                named = _clause_places(self.a, sent, q)
                score = [
                    (len(named & {p.mention.entity for p in ch.points}), -k)
                    for k, ch in enumerate(self.chains)
                    if self.costs[k] is None
                ]
                best = max(score, default=(0, 0))
                if best[0]:
                    self.give(-best[1], q)

    def unit_prices(self) -> None:
        """A route still unpriced takes the nearest sum told per person, kilo, load or vehicle
        ("Each crossing is 600 euros per person"): in a report about a movement, the price of a
        unit moved is its fare, unless the clause ties it to another route's places."""
        units = cues().trip_units
        for k, ids in enumerate(self.spans):
            if self.costs[k] or not ids:
                continue
            mine = {p.mention.entity for p in self.chains[k].points}
            theirs = {
                p.mention.entity for j, ch in enumerate(self.chains) if j != k for p in ch.points
            } - mine
            found = [
                (min(abs(i - ids[0]), abs(i - ids[-1])), i < ids[0], q.start, q)
                for i, sent in enumerate(self.sents)
                for q in self.firsts.get(i, [])
                if q.start not in self.taken
                and q.per in units
                and not _clause_places(self.a, sent, q) & theirs
            ]
            if found:
                self.give(k, min(found, key=lambda f: f[:3])[3])


UNIT_WORD = re.compile(r"\b(?:a|an|each|every|per|one)\s+(\w+)(?:\s+(\w+))?", re.IGNORECASE)
UNIT_REACH = 80  # characters before a sum searched for the unit it is paid per


def _range_unit(a: Analysis, q: Quantity) -> str | None:
    """ "$150 to $200 per person": the range's upper figure carries the unit for both."""
    text = a.document.text
    upper = next(
        (
            o
            for o in a.quantities
            if is_money(o) and o.unit == q.unit and q.end <= o.start <= q.end + RANGE_REACH
        ),
        None,
    )
    if upper is None or not re.fullmatch(r"\s*(?:to|-|–|and)\s*", text[q.end : upper.start]):
        return None
    return upper.per


def _unit_before(text: str, q: Quantity) -> str | None:
    """ "A kilo that sells for 90,000 afghanis", "Each migrant pays $500": the unit is named
    before the sum, in its clause."""
    start = max(0, q.start - UNIT_REACH)
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, start, q.start)), default=start)
    units = cues().unit_nouns
    for m in UNIT_WORD.finditer(text, lo, q.start):
        for word in (w.lower() for w in m.groups() if w):
            unit = units.get(word) or units.get(word.removesuffix("s"))
            if unit:
                return unit
    return None


def _low_bound(text: str, q: Quantity) -> float:
    """ "between 4,000 and 6,000 dinars": a range is priced at its lower figure."""
    m = RANGE_BEFORE.search(text, max(0, q.start - RANGE_REACH), q.start)
    value = parse_number(m.group("low") or m.group("low2")) if m else None
    return as_number(value) if value is not None and value < q.value else q.value


def _first_sums(a: Analysis, sents: list[SpacySpan]) -> dict[int, list[Quantity]]:
    """Per sentence, the first sum of money of each clause."""
    money = sorted((q for q in a.quantities if is_money(q)), key=lambda q: q.start)
    starts = [
        q.start for q in money
    ]  # each sentence's sums by bisection: a scan per sentence was quadratic
    out: dict[int, list[Quantity]] = {}
    for i, sent in enumerate(sents):
        inside = money[
            bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)
        ]
        kept, last_clause = [], None
        for q in inside:
            clause = _clause(a.document.text, sent, q)
            if clause != last_clause:
                kept.append(q)
            last_clause = clause
        if kept:
            out[i] = kept
    return out


def _clause(text: str, sent: SpacySpan, q: Quantity) -> tuple[int, int]:
    """The stretch between the commas or semicolons around a sum (not those inside "1,300")."""
    lo = max(
        (m.end() for m in CLAUSE_BREAK.finditer(text, sent.start_char, q.start)),
        default=sent.start_char,
    )
    hi = next((m.start() for m in CLAUSE_BREAK.finditer(text, q.end, sent.end_char)), sent.end_char)
    return lo, hi


def _clause_places(a: Analysis, sent: SpacySpan, q: Quantity) -> set[str]:
    lo, hi = _clause(a.document.text, sent, q)
    return {m.entity for m in named_places(a, lo, hi)}
