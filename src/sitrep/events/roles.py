"""Who did it to whom, and where: the event's actors from the dependency parse and its place.

actor1 is the agent (active subject, or the 'by' phrase of a passive); actor2 the target
(active object, passive subject, 'on'/'against' phrase). The place is the innermost location
named for the happening: the first place after the trigger ("at the hamlet of Kafr Owayd in Hama
province" gives Kafr Owayd), else the nearest one before it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..ingest.metadata import DATELINE_CITY_FIRST as CITY_FIRST
from ..ingest.metadata import DATELINE_OUTLET_FIRST as OUTLET_FIRST
from ..lexicons import syntax
from ..model import Analysis, EventActor, Mention
from .incidents import DATELINE, happening
from .rules import rules

AGENT_DEPS = ("nsubj",)
TARGET_DEPS = ("dobj", "nsubjpass")


def _alt(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The locative and site-of patterns (rules.yaml: locative, not_locative, site_of)."""
    r = rules()
    locative = re.compile(
        rf"\b(?:{_alt(r.locative)})\b"
        rf"(?:\s+(?!(?:{_alt(r.not_locative)})\b)[\w'-]+){{0,4}}\s*$",
        re.IGNORECASE,
    )
    site_of = re.compile(rf"\b(?:{_alt(r.site_of)})\s+of\s*$", re.IGNORECASE)
    return locative, site_of


def locative(before: str) -> bool:
    """Does the text before a place end in a locative phrase ('in the hamlet of', 'near')?"""
    return bool(_patterns()[0].search(before))


def _phrases(verb: Token, deps: tuple[str, ...], preps: tuple[str, ...] = ()) -> list[Span]:
    out = [c for c in verb.children if c.dep_ in deps]
    if "nsubj" in deps:
        out += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    out += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [verb.doc[t.left_edge.i : t.right_edge.i + 1] for t in out]


def _in_happening(verb: Token) -> list[Token]:
    """The nouns of the happening a verb's victims were caught in ("killed in a strike")."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in rules().within_preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _done_by(nouns: list[Token]) -> list[Span]:
    """Who a happening's noun names as its doer: "a strike [carried out by X]", "an attack [by X]"."""
    nouns = [n for n in nouns if n.pos_ in ("NOUN", "PROPN")]
    bys = [
        a
        for verb in (c for n in nouns for c in n.children)
        if verb.dep_ == "acl"
        for a in verb.children
        if a.dep_ == "agent"
    ]
    bys += [p for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "by"]
    return [
        g.doc[g.left_edge.i : g.right_edge.i + 1]
        for a in bys
        for g in a.children
        if g.dep_ == "pobj"
    ]


def _fired_by(nouns: list[Token]) -> list[Span]:
    """The words before a happening's noun, where its doer may stand: "a [Russian] missile strike",
    "an [al-Shabaab] ambush"."""
    return [
        noun.doc[noun.left_edge.i : noun.i + 1]
        for noun in nouns
        if noun.pos_ in ("NOUN", "PROPN") and noun.left_edge.i < noun.i
    ]


def _described(verb: Token) -> list[Span]:
    """ "Gunmen believed to belong to X killed ...", "Men thought to be X fighters stormed ...": a
    trigger with no subject of its own under a verb of description (rules.yaml described_by)
    takes that verb's subject, with what it is said to be, as its doer's phrase."""
    head = verb.head
    if (
        verb.dep_ not in ("ccomp", "conj")
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or head.lemma_.lower() not in rules().described_by
    ):
        return []
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return [] if subj is None or subj.i > verb.i else [verb.doc[subj.left_edge.i : verb.i]]


def _verb_of(head: Token) -> Token:
    """Nominal triggers ('the raid', 'a gunfight broke out') take their roles from the verb they hang on."""
    return (
        head.head if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("VERB", "AUX") else head
    )


BACKED = re.compile(r"\s*-\s*(\w+)")


def backer(text: str, m: Mention) -> bool:
    """'Iran-backed Houthis': the name before '-backed' (or '-linked', '-led' ...) is not the actor."""
    found = BACKED.match(text, m.end)
    return bool(found and found.group(1).lower() in rules().backer_words)


def in_dateline(text: str, m: Mention) -> bool:
    """The mention lies in the dateline opening its line ("KELWA (Coast Wire) – ...", ingest's
    two dateline shapes too): the place and outlet of the writing, never a side of the event,
    however the parse hangs it."""
    line = text.rfind("\n", 0, m.start) + 1
    head = text[line : line + 200]
    found = DATELINE.match(text, line)
    ends = [found.end()] if found else []
    ends += [line + f.end() for f in (CITY_FIRST.match(head), OUTLET_FIRST.match(head)) if f]
    return any(m.end <= end for end in ends)


def unnamed(a: Analysis, entity: str) -> bool:
    """Is the actor named only by what they did ('gunmen', 'unidentified attackers')?"""
    found = a.entity(entity)
    words = (found.name if found else "").lower().split()
    return bool(words) and all(w in rules().unnamed for w in words)


def modifier_only(doc: Doc, m: Mention) -> bool:
    """The mention only modifies another noun ('a former al-Qaeda stronghold', 'a Kremlin critic'):
    a side of nothing unless that noun is one of a force's members, units, arms or acts."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    return (
        root.dep_ in syntax()["modifier_deps"]
        and head.pos_ in ("NOUN", "PROPN")
        and not span.start <= head.i < span.end
        and head.lemma_.lower() not in rules().member_nouns
        and head.lower_ not in rules().member_nouns
    )


# Between "gunmen" and the group their phrase names: no clause of its own ("gunmen who ambushed
# the X"), no list ("gunmen, X and Y").
_OWN_CLAUSE = re.compile(r"\b(?:who|whom|which|that|while|after|before|and)\b|[,;]", re.IGNORECASE)


def named(a: Analysis, start: int, end: int, skip: set[str], doc: Doc | None = None) -> str | None:
    """The first actor or person named between start and end, not a backer, not one in skip,
    not the dateline's outlet, not a mere modifier of another noun (when the parse is given);
    past an unnamed one, the group its own phrase names ("Gunmen of the X", "fighters loyal to
    X")."""
    text = a.document.text
    found = [
        m
        for m in a.mentions_in(start, end, ("actor", "person"))
        if m.entity not in skip
        and not backer(text, m)
        and not in_dateline(text, m)
        and (doc is None or not modifier_only(doc, m))
    ]
    if not found:
        return None
    first = found[0]
    if unnamed(a, first.entity):
        for m in found[1:]:
            if _OWN_CLAUSE.search(text, first.end, m.start):
                break
            if not unnamed(a, m.entity):
                return m.entity
    return first.entity


def _who(a: Analysis, spans: list[Span], skip: set[str]) -> str | None:
    for sp in spans:
        found = named(a, sp.start_char, sp.end_char, skip, sp.doc)
        if found:
            return found
    return None


def _phrase_head(tok: Token) -> Token:
    """'an improvised explosive device': the noun the trigger's words modify."""
    while tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _between(head: Token) -> list[Span]:
    """'a gunfight between X and Y': the two sides, in order."""
    sides = [
        g
        for c in head.children
        if c.lower_ == "between"
        for g in c.subtree
        if g.dep_ in ("pobj", "conj")
    ]
    return [head.doc[t.left_edge.i : t.i + 1] for t in sides[:2]]


def _act_noun(tok: Token) -> bool:
    """A noun naming a happening ('strike', 'ambush'), not its doers ('gunmen', 'attackers')."""
    r = rules()
    lemma = tok.lemma_.lower()
    doer = lemma in r.unnamed or lemma in r.combatants or tok.lower_ in r.unnamed
    return tok.pos_ == "NOUN" and not doer and happening(tok)


def _pick(a: Analysis, agents: list[Span], targets: list[Span]) -> list[EventActor]:
    out: list[EventActor] = []
    first = _who(a, agents, set())
    if first:
        out.append(EventActor(first, "actor1"))
    second = _who(a, targets, {first} if first else set())
    if second:
        out.append(EventActor(second, "actor2"))
    return out


def actors(a: Analysis, head: Token) -> list[EventActor]:
    head = _phrase_head(head)
    verb = _verb_of(head)
    sides = _between(head)
    if sides:  # "a gunfight between X and Y"
        return _pick(a, sides[:1], sides[1:])
    passive_by = any(c.dep_ == "agent" for c in verb.children)  # "was claimed by X": X did it
    if verb is not head and head.dep_ in ("nsubj", "nsubjpass") and not passive_by:
        # "an attack on the army base took place": the happening is the subject; its 'on' phrase
        # is the target, and only its own 'by' phrase the doer
        doers = _phrases(head, (), ("by",)) + _done_by([head])
        return _pick(a, doers, _phrases(head, (), tuple(rules().target_preps)))
    sufferers = verb.lemma_.lower() in rules().sufferer_verbs
    agents = [] if sufferers else _phrases(verb, AGENT_DEPS)
    if not agents and not sufferers:  # "Gunmen believed to belong to X killed ...": the parser
        agents = _described(verb)  # hangs the killing on "believed"; its subject says who did it
    struck = [sp.root for sp in agents if _act_noun(sp.root)]
    if struck:  # "a drone strike on a convoy killed five": the strike's doer, its target
        own = struck[0]
        return _pick(
            a,  # "a Delta Front attack", "the attack by X", "an ambush staged by X"
            [own.doc[own.left_edge.i : own.i + 1]] + _phrases(own, (), ("by",)) + _done_by([own]),
            _phrases(own, (), tuple(rules().target_preps))
            + _phrases(verb, TARGET_DEPS, tuple(rules().target_preps)),
        )
    if (
        not agents
        and verb.dep_ in syntax()["role_sharing_clauses"]
        and verb.head.pos_ in ("VERB", "AUX")
        # "X escaped but six guards were killed": a verb with a subject of its own shares no agent
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        agents = _phrases(
            verb.head, AGENT_DEPS
        )  # "stormed ..., killing": the killer is the stormer
    if not agents:  # "killed in a strike carried out by X", "the ambush staged by X"
        agents = _done_by([head, *_in_happening(verb)])
    if not agents:  # "killed in a Russian missile strike", "a Boko Haram ambush"
        agents = _fired_by([head, *_in_happening(verb)])
    if (
        not agents
    ):  # "were killed when a drone flown by X hit their car": the agent is in the 'when' clause
        agents = [
            p
            for c in verb.children
            if c.dep_ == "advcl" and any(m.lower_ in ("when", "as") for m in c.children)
            for p in _phrases(c, AGENT_DEPS)
        ]
    targets = _phrases(verb, TARGET_DEPS, tuple(rules().target_preps))
    if sufferers:  # "five soldiers died when ...": the subject is who was hit
        targets = _phrases(verb, AGENT_DEPS) + targets
    if not targets and verb.dep_ == "conj":  # "was found and killed": the subject is shared
        targets = _phrases(verb.head, ("nsubjpass",))
    return _pick(a, agents, targets)


def under_speech(tok: Token, trigger: Token) -> bool:
    """Is the word (a date, a place) attached to a reporting verb ('said on Monday') rather than to the happening?"""
    prev = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    while prev is not None and prev.lower_ in rules().time_leads and prev.i > 0:
        prev = tok.doc[prev.i - 1]
    if prev is not None and prev.pos_ == "VERB" and prev.lemma_.lower() in rules().say:
        return True
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.i == trigger.i or t in trigger.subtree:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in rules().say
    return False


DISTANCE = re.compile(
    r"\b(?:\d[\d,.]*|a|one|two|three|few)\s*(?:-\s*)?(?:km|kilomet[er]{2}s?|miles?)\b[^,.;]*$", re.I
)


def located_at(text: str, floor: int, m: Mention) -> bool:
    """Is the place put as the scene ('in', 'near', 'north of the village of' ...)?"""
    before = text[max(floor, m.start - 40) : m.start]
    locative_re, site_of = _patterns()
    if DISTANCE.search(before):  # "30 kilometres north-west of X": X is where it is measured from
        return False
    return bool(locative_re.search(before) or site_of.search(before))


def populated(a: Analysis, entity: str | None) -> bool:
    """A town or village: ACLED places a happening at the nearest populated place, not a river or a sea."""
    found = a.entity(entity) if entity else None
    return bool(found and found.geo and (found.geo.feature or "").startswith("PPL"))


def country(a: Analysis, entity: str) -> bool:
    found = a.entity(entity)
    return bool(found and found.geo and (found.geo.feature or "").startswith("PCL"))


_COMPOUND = re.compile(r"-[^\W\d_]")  # "Cyprus-flagged", "Iran-backed", "US-led"


def _scene(a: Analysis, sent: Span, head: Token) -> list[Mention]:
    """Places named in the sentence, not demonyms, not where a speaker spoke, not a name that
    only makes an adjective ("a Cyprus-flagged tanker" was not struck in Cyprus)."""
    doc, text = sent.doc, a.document.text
    out: list[Mention] = []
    for m in a.mentions_in(sent.start_char, sent.end_char, ("place",)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.demonym or span is None or under_speech(span.root, head):
            continue
        if not _COMPOUND.match(text, m.end):
            out.append(m)
    return out


def _set_before(a: Analysis, sent: Span, before: list[Mention]) -> str | None:
    """The nearest town put as the scene before the trigger ('In Kelwa, police arrested ...')."""
    text = a.document.text
    for m in reversed(before):
        if populated(a, m.entity) and located_at(text, sent.start_char, m):
            return m.entity
    return None


def scene_town(a: Analysis, sent: Span, head: Token) -> str | None:
    """The first town the sentence puts the happening in ('in', 'near', 'at', 'the village of' ...),
    else the town it opens the scene in ('In Chicomuselo, ... fighters took control')."""
    places = _scene(a, sent, head)
    after = [m for m in places if m.start >= head.idx]
    located = [m for m in after if located_at(a.document.text, sent.start_char, m)]
    town = next((m.entity for m in located if populated(a, m.entity)), None)
    return town or _set_before(a, sent, [m for m in places if m.end <= head.idx])


def place(a: Analysis, sent: Span, head: Token, lead: str | None = None) -> str | None:
    """The first town the sentence puts the happening in ('in', 'near', 'at', 'the village of' ...),
    else the town of the paragraph's lead, else the first place so put, else the nearest place named,
    a country last."""
    places = _scene(a, sent, head)
    after = [m for m in places if m.start >= head.idx]
    located = [m for m in after if located_at(a.document.text, sent.start_char, m)]
    town = scene_town(a, sent, head)
    if town or (lead and populated(a, lead)):
        return town or lead
    if located:
        return located[0].entity
    if lead:
        return lead
    before = [m for m in places if m.end <= head.idx][::-1]
    named = [m.entity for m in after + before]
    return next((e for e in named if not country(a, e)), named[0] if named else None)
