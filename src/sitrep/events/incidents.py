"""One real-world incident, one event: fold the candidates that retell or add to an incident.

Reports tell one happening in several sentences ("gunmen stormed the post ... two soldiers were
wounded in the assault ... the attackers withdrew"). A firm candidate joins the incident told
just before it when it is near (INCIDENT_GAP sentences), opens with no cue of another incident
("Separately"), has no date of its own that differs, and is a follow-up word (killed, wounded,
withdrew...), the same sub-type again, or the object of a claim ("claimed the attack").
Arrests, seizures, abductions and looting inside an incident stay events of their own, as ACLED
codes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp import text_of
from .classify import civilians_only
from .dates import DateMention
from .extract import Candidate
from .lexicon import lexicon
from .rules import rules

INCIDENT_GAP = 4  # sentences: a retelling follows close on the telling (dev half A: gaps up to 4)
ANAPHOR_GAP = 8  # ... or further on when it names it again ("killed in the blast were ...")
# sentences after an undated lead in which a dated detail still tells the lead's incident (real wire
# stories: "An air strike killed ten ... Jets bombed the village on Tuesday ...")
DATES_LEAD = 2
FOLLOW_ON = (
    1  # sentences after the last member that may still give the toll ("later put the toll at 5")
)
CLAIM_REACH = (
    3  # sentences after the incident in which a claim of responsibility still names its actor1
)
WEAPON_TYPE = "Explosions/Remote violence"
PROTESTS = "Protests"
PEACEFUL = "Peaceful protest"
INTERVENED = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
JOINING_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
# A paragraph that opens with its own place or date lead ("KABUL: ...", "• 9 Mar, Jilib – ...").
# A dateline ("KABUL: ...", "PEMBA, Mozambique, May 13 (Wire) – ...") holds the place and the day of
# writing; a bullet lead ("• 9 Mar, near Jilib – ...") the day and place of the entry's happening.
_BULLET = r"[ \t]*(?:•|\*|-|\d+\.)?[ \t]*"
DATELINE = re.compile(
    rf"^{_BULLET}[A-Z][A-Z'’.\- ]{{2,40}}(?:,[^–—:\n]{{0,60}})?[ \t]*[:–—]", re.MULTILINE
)
ENTRY_LEAD = re.compile(
    rf"^{_BULLET}\d{{1,2}}[\s–-]*\w*\s+\w+,?[^–:\n]{{0,40}}[ \t]*[:–—]", re.MULTILINE
)


def lead(text: str, pos: int = 0) -> re.Match | None:
    """The dateline or entry lead opening the text at pos, if any."""
    return DATELINE.match(text, pos) or ENTRY_LEAD.match(text, pos)


@dataclass
class Incident:
    main: Candidate
    members: list[Candidate] = field(default_factory=list)
    last: int = 0  # the index of the last sentence that tells it
    # "the second strike": the incident this one is counted after, whose weapon it shares
    counted_after: Incident | None = None

    @property
    def candidates(self) -> list[Candidate]:
        return [self.main, *self.members]


def lemma_words(c: Candidate) -> str:
    return " ".join(c.match.cue.words)


def own_dates(sent: Span, dates: list[DateMention], under) -> list[DateMention]:
    """Dates in the sentence that are not where a speaker spoke ('said on Monday')."""
    doc = sent.doc
    out = []
    for d in dates:
        if not sent.start_char <= d.start < sent.end_char:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not under(span.root):
            out.append(d)
    return out


def in_summary(c: Candidate) -> bool:
    """Is the trigger in the headline (a first line with no closing stop) or a summary paragraph?"""
    text = text_of(c.sent.doc)
    start = text.rfind("\n", 0, c.sent.start_char) + 1
    end = text.find("\n", c.sent.start_char)
    para = text[start : end if end >= 0 else len(text)].strip()
    headline = (
        not text[:start].strip()
        and "\n" in text.strip()
        and not para.endswith((".", "!", "?", '"', "”"))
    )
    return headline or para.lower().startswith(rules().summary_leads)


def _opens_another(c: Candidate) -> bool:
    """'Separately, ...', 'In a separate incident', 'The second strike ...', 'Another bomb ...':
    another happening."""
    lead = c.sent.text.lstrip(" •*-\n").lower()
    return any(lead.startswith(cue) for cue in rules().separate) or _counted_off(c)


def _counted_off(c: Candidate) -> bool:
    """'The second strike ...', 'Another bomb ...': a happening counted after one told before."""
    return any(
        _happening_noun(tok) and any(k.lower_ in rules().another_words for k in tok.children)
        for tok in c.sent
    )


def _happening_noun(tok: Token) -> bool:
    """A noun that names a happening on its own ('strike', 'attack', 'bomb')."""
    cues = lexicon().index.get(tok.lemma_.lower(), ())
    return tok.pos_ == "NOUN" and any(cue.trigger and len(cue.words) == 1 for cue in cues)


def _elsewhen(head: Token) -> bool:
    """'The raid came days after gunmen stormed ...', '... since insurgents killed 40': the trigger's
    clause is set apart in time from the one it hangs on, so it tells another happening."""
    t = head
    while t.head.i != t.i:
        marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
        if t.dep_ == "advcl" and any(m in rules().other_time for m in marks):
            measured = any(c.dep_ == "npadvmod" for c in t.children)
            return measured or "since" in marks
        t = t.head
    return False


def _also(c: Candidate) -> bool:
    """'The attackers also abducted three women': a further act, not the same one told again."""
    return any(k.lower_ == "also" for k in c.head.children)


def claimed(head: Token) -> bool:
    """Is the trigger what someone claims ('claimed the attack', 'claimed responsibility for the blast')?"""
    r = rules()
    t = head
    for _ in range(3):
        if t.lemma_.lower() in r.claim_verbs:
            return True
        if t.lemma_.lower() in r.claim_nouns:
            return t.head.lemma_.lower() in r.claim_verbs
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _follows_up(c: Candidate, inc: Incident) -> bool:
    lex = lexicon()
    kind = lex.sub_types[c.sub_type].type
    main_kind = lex.sub_types[inc.main.sub_type].type
    if main_kind == PROTESTS:  # codebook: arrests or dispersal of a protest are part of it
        return c.sub_type.lower() in rules().protest_facts and not _also(c)
    if main_kind not in JOINING_TYPES:
        return False
    if c.sub_type == inc.main.sub_type and kind in JOINING_TYPES and not _also(c):
        return True
    if main_kind == "Battles" and c.sub_type == "Attack" and civilians_only(c.head):
        return False  # codebook: civilians killed during a battle are an attack of their own
    words = lemma_words(c)
    return (c.match.cue.generic is not None and kind in JOINING_TYPES) or words in rules().follow_up


def _anaphoric(sent: Span) -> bool:
    """Does the sentence name a happening told before ('in the blast', 'the attack')?"""
    return pointed_happening(sent) is not None


def pointed_happening(sent: Span) -> Token | None:
    """The noun of a happening told before ('the attack', 'the blast'), if the sentence names one."""
    return next(
        (
            tok
            for tok in sent
            if _happening_noun(tok) and any(k.lower_ in rules().pointers for k in tok.children)
        ),
        None,
    )


def _in_thehappening(c: Candidate) -> bool:
    """'Eleven houses were destroyed in the attack', 'a soldier was hurt during the raid': the act
    is put inside a happening already told, so it is a fact of that incident, whatever its type."""
    r = rules()
    verb = c.head if c.head.pos_ in ("VERB", "AUX") else c.head.head
    return any(
        happening(g) and any(k.lower_ in r.pointers for k in g.children)
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in r.within_preps
        for g in p.children
        if g.dep_ == "pobj"
    )


def _joins(c: Candidate, inc: Incident, dated: bool) -> bool:
    gap = ANAPHOR_GAP if _anaphoric(c.sent) else INCIDENT_GAP
    if c.index - inc.last > gap or _opens_another(c) or _elsewhen(c.head):
        return False
    if claimed(c.head):
        return True
    violent = lexicon().sub_types[inc.main.sub_type].type in JOINING_TYPES
    if violent and not dated and _in_thehappening(c):
        return True
    new_paragraph = "\n" in text_of(c.sent.doc)[inc.main.sent.end_char : c.sent.start_char]
    if dated or (new_paragraph and lead(c.sent.text)):
        return False
    return _follows_up(c, inc)


def _retold(c: Candidate, incidents: list[Incident], dated) -> Incident | None:
    """'Killed in the blast were ...' after another incident was told: the sentence names a happening
    told before; it retells the latest incident of that sub-type, however many incidents came between."""
    if not _anaphoric(c.sent) or _opens_another(c) or _also(c) or _elsewhen(c.head):
        return None
    generic = c.match.cue.generic is not None or lemma_words(c) in rules().follow_up
    for inc in reversed(incidents):
        if c.index - inc.last > ANAPHOR_GAP:
            return None
        if generic and c.sub_type == sub_type(inc) and not dated(c, inc):
            return inc
    return None


def group(firm: list[Candidate], dated) -> list[Incident]:
    """Incidents in text order; ``dated(c, inc)`` says whether c has a date of its own unlike inc's."""
    incidents: list[Incident] = []
    for c in firm:
        cur = incidents[-1] if incidents else None
        if cur is not None and _joins(c, cur, dated(c, cur)):
            cur.members.append(c)
            cur.last = c.index
            continue
        told = _retold(c, incidents[:-1], dated)
        if told is not None:
            told.members.append(c)
            told.last = max(told.last, c.index)
            continue
        after = cur if cur is not None and _counted_off(c) else None
        incidents.append(Incident(c, [], c.index, after))
    return incidents


def sub_type(inc: Incident) -> str:
    """The incident's sub-type: the main trigger's, unless that came from a generic word ('attacks were
    launched') and a later sentence names the weapon ('most used grenades'): weapons decide."""
    lex = lexicon()
    main = inc.main
    if main.sub_type in (PEACEFUL, INTERVENED) and any(
        c.sub_type == EXCESSIVE for c in inc.members
    ):
        return EXCESSIVE  # codebook: protesters killed or badly hurt - the force decides
    if main.sub_type == PEACEFUL and any(c.sub_type != PEACEFUL for c in inc.members):
        return INTERVENED  # arrested or dispersed: a protest with intervention
    if main.match.cue.generic is None or main.sub_type != main.match.cue.generic:
        return main.sub_type
    before = inc.counted_after
    if before is not None and lex.sub_types[sub_type(before)].type == WEAPON_TYPE:
        return sub_type(before)  # "the second strike hit a house": a strike like the first
    armed = [
        c.sub_type
        for c in inc.members
        if c.match.cue.generic is None and lex.sub_types[c.sub_type].type == WEAPON_TYPE
    ]
    return armed[0] if armed else main.sub_type


def claimer_heads(inc: Incident, sents: list[Span], end: int, pointed: bool = False) -> list[Token]:
    """Subjects of claim verbs in the incident's sentences ('Al-Shabaab claimed the attack'); with
    ``pointed``, only claims that name the happening told ('claimed responsibility for the attack')."""
    r = rules()
    out = []
    for sent in sents[inc.main.index : end + 1]:
        for tok in sent:
            if tok.lemma_.lower() not in r.claim_verbs or tok.pos_ != "VERB":
                continue
            objs = [k for k in tok.children if k.dep_ == "dobj"]
            if not any(o.lemma_.lower() in r.claim_nouns or _is_trigger(o) for o in objs):
                continue
            if pointed and not any(
                happening(t) and any(k.lower_ in r.pointers for k in t.children)
                for o in objs
                for t in o.subtree
            ):
                continue
            out += [k for k in tok.children if k.dep_ == "nsubj"]
    return out


def _blamed(verb: Token) -> list[Token]:
    """Who a blaming verb blames: 'blamed X for ...', 'blaming X', 'X was blamed', and, with the
    happening as object or passive subject, the phrase it is put on: 'blamed the attack on X',
    'attributed the attack to X', 'the bombing was blamed on X'."""
    objs = [k for k in verb.children if k.dep_ == "dobj"]
    passive = [k for k in verb.children if k.dep_ == "nsubjpass"]
    onto = [  # the on/to-phrase hangs on the verb or on the attack
        g
        for holder in [verb, *objs, *passive]
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ in rules().blame_preps
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if onto and any(happening(o) for o in objs + passive):
        return onto
    if verb.lemma_.lower() in rules().blame_onto_only:
        return []
    # "blamed Islamic State fighters for the bombing": with a for/of-phrase the object is the
    # blamed, even a noun that names a happening's doers ("fighters")
    blamed_for = any(
        p.dep_ == "prep" and p.lower_ in rules().blamed_for
        for holder in [verb, *objs]
        for p in holder.children
    )
    named = [o for o in objs if blamed_for or not happening(o)]
    return named or passive


def blamed_heads(inc: Incident, sents: list[Span], end: int) -> list[Token]:
    """Who the incident's sentences blame for it. Outside the main trigger's sentence the blame must
    name a happening ('blamed X for the attack'), not some other grievance."""
    r = rules()
    out = []
    for k, sent in enumerate(sents[inc.main.index : end + 1]):
        for tok in sent:
            if tok.lemma_.lower() not in r.blame_verbs or tok.pos_ != "VERB":
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            named = k == 0 or any(happening(t) for t in tok.subtree if t.i != tok.i)
            if named:
                out += _blamed(tok)
    return out


def happening(tok: Token) -> bool:
    """A word naming a happening: a trigger, or the -ing noun of one ('the killings', 'the bombing')."""
    lemma = tok.lemma_.lower()
    verb = lemma[:-3] if lemma.endswith("ing") else lemma
    return _is_trigger(tok) or any(c.trigger for c in lexicon().index.get(verb, ()))


def _is_trigger(tok: Token) -> bool:
    lex = lexicon()
    return any(cue.trigger for cue in lex.index.get(tok.lemma_.lower(), ()))
