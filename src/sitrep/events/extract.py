"""Candidate events of one sentence: typed triggers with their modality and firmness.

A sentence's violent words (kill, strike, clash, shelling...) describe one happening, typed by
the sentence's best violent sub-type; each other trigger verb ("seized ... and detained") is its
own happening. A candidate is firm when it reads as one past, asserted happening: a past verb
(or a noun that 'broke out'/'was carried out'), not habitual, not denied, planned or hedged.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicons import syntax
from ..nlp import text_of
from .classify import (
    TERRITORY,
    VIOLENT_TYPES,
    adjust_territory,
    agent_words,
    best,
    by_victims,
    scores,
    territory_side,
)
from .lexicon import Match, lexicon, match
from .modality import habitual, modality, tense_ok
from .periods import over_a_period
from .rules import rules

FIRM_SCORE = 2.5  # below this a lone word ("seized two tankers") is too weak to type an event
FIRM_VIOLENT = 1.0  # a killing or an attack is news on its own, whatever the weapon
ARMED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
RETAKING = "Government regains territory"
DISRUPTED = "Disrupted weapons use"
ARRESTS = "Arrests"
ABDUCTION = "Abduction/forced disappearance"


@dataclass
class Candidate:
    sent: Span
    index: int  # sentence number in the document
    match: Match
    sub_type: str
    score: float
    modality: str
    firm: bool

    @property
    def head(self) -> Token:
        return self.match.head


def _verbal(head: Token, dated: bool) -> bool:
    if head.pos_ in ("VERB", "AUX"):
        return tense_ok(head, dated)
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "mortar rounds": the phrase's own head hangs on the verb
    verb = head.head
    return (
        head.dep_ in syntax()["happening_args"]
        and verb.lemma_.lower() in rules().occur
        and tense_ok(verb, dated)
    )


def _descriptive(m: Match) -> bool:
    """A harm participle standing for people ('the wounded were flown out', 'the dead included')
    tells no happening of its own; 'a looted depot' still tells the looting."""
    head = m.head
    if head.tag_ not in syntax()["descriptive_tags"] or m.cue.generic is None:
        return False
    return head.dep_ in syntax()["nominal_args"] and any(c.dep_ == "det" for c in head.children)


def _past_phrase(m: Match) -> bool:
    """'shot dead', 'blew himself up': past whatever the tagger made of the words."""
    return " ".join(t.lower_ for t in m.tokens) in rules().past_phrases


def _typed(m: Match, sc: dict[str, float]) -> tuple[str, float] | None:
    lex = lexicon()
    if m.cue.generic or lex.sub_types[m.cue.label].type in VIOLENT_TYPES:
        name, value = best(sc, VIOLENT_TYPES, m.cue.generic or m.cue.label)
        return (name, value) if name else None
    pool = {
        k: sc.get(k, 0.0)
        for k in lex.options(m.cue.words)
        if lex.sub_types[k].type not in VIOLENT_TYPES
    }
    if not pool:
        return None
    name = max(pool, key=lambda k: pool[k])
    return name, pool[name]


def _takes_ground(head: Token, label: str) -> bool:
    """Territory verbs need ground as their object ('seized the town', not 'seized two tankers');
    taking back may name it by a pronoun ('retook it'), the ground having been told before."""
    args = [c for c in head.children if c.dep_ in syntax()["ground_args"]]
    args += [
        g
        for c in [head, *args]
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in rules().object_preps
        for g in p.children
        if g.dep_ == "pobj"
    ]
    back = label == RETAKING and any(t.lower_ == "it" for t in args)
    return (
        head.pos_ == "NOUN"
        or back
        or any(
            t.lemma_.lower() in rules().ground or t.ent_type_ in syntax()["ground_entities"]
            for t in args
        )
    )


def _ground_word(m: Match, name: str) -> bool:
    """Must the word act on ground? A taking verb must, whatever sub-type the sentence gives it: 'troops
    recovered two grenades' is no conquest, and no grenade attack either."""
    subs = lexicon().sub_types
    return subs[name].takes_ground or (m.cue.label in subs and subs[m.cue.label].takes_ground)


def _objectless(head: Token, sub_type: str) -> bool:
    """A verb that must act on something ('burned three houses') used without an object ('fires burned')."""
    if not lexicon().sub_types[sub_type].needs_object or head.pos_ != "VERB":
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)


def off_domain_paragraphs(doc: Doc) -> set[int]:
    """Paragraphs (by their first character) about sport or markets: their words, no armed men or crowds."""
    r = rules()
    words: dict[int, set[str]] = {}
    text = text_of(doc)
    for tok in doc:
        start = text.rfind("\n", 0, tok.idx) + 1
        words.setdefault(start, set()).update((tok.lower_, tok.lemma_.lower()))
    off = {
        start for start, seen in words.items() if seen & r.off_domain and not seen & r.protagonists
    }
    every = set().union(*words.values()) if words else set()
    if every & r.off_domain and not every & r.protagonists:
        return set(words)  # a sports or market report through and through
    return off


def _many(head: Token) -> bool:
    """'40 people died in various attacks', 'were killed in a string of raids': the harm is told
    over many happenings at once (a plural happening noun counted by an aggregate word)."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    words = rules().aggregate_words
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            plural = noun.tag_ == "NNS" or any(k.tag_ == "NNS" for k in noun.subtree)
            counted = any(
                k.dep_ == "nummod" and k.like_num and k.lower_ != "one" for k in noun.children
            )
            if plural and (counted or any(k.lower_ in words for k in noun.subtree)):
                return True  # "killed in two attacks": the harm of several happenings at once
    return False


def _background(head: Token) -> bool:
    """Asides that are not the news: relative clauses ('which broke away in 2016'), 'agreed that ...'."""
    t = head
    for _ in range(3):
        if (
            t.dep_ == "relcl"
        ):  # "on 27 August, when the SDF detained ..." tells the time, not an aside
            return not any(c.lower_ == "when" for c in t.children)
        t = t.head
    return head.lemma_.lower() == "agree" and any(c.dep_ == "ccomp" for c in head.children)


def _frame(head: Token) -> bool:
    """'It was gathered that gunmen attacked ...', 'it emerged that ...': a verb with "it" for
    subject and a clause for content only frames the news; the clause tells the happening."""
    kids = list(head.children)
    subjects = syntax()["frame_subjects"]
    return any(k.lower_ == "it" and k.dep_ in subjects for k in kids) and any(
        k.dep_ == "ccomp" for k in kids
    )


def _support(m: Match) -> bool:
    """A cue inside a phrase that tells who backs a side ('troops backed by fighter jets', 'rebels
    armed by a neighbour', 'militias supported by drones') describes that side, not the happening:
    the jets type no air strike, 'armed' no weapons seizure. The phrase is a backer participle
    (rules.yaml backer_words) hanging on a noun, or a backer noun after 'with' or 'under' ('with
    the support of fighter jets')."""
    r = rules()
    return any(
        (a.dep_ == "acl" and a.lower_ in r.backer_words and a.head.pos_ in ("NOUN", "PROPN"))
        or (
            a.dep_ == "pobj"
            and a.lemma_.lower() in r.backer_nouns
            and a.head.lower_ in ("with", "under")
        )
        for t in m.tokens
        for a in (t, *t.ancestors)
    )


def candidates(sent: Span, index: int, day_dated: bool, off_topic: bool = False) -> list[Candidate]:
    """The sentence's candidates: at most one violent happening, plus one per other trigger verb."""
    matches = [] if off_topic else [m for m in match(sent) if not _support(m)]
    sc = adjust_territory(scores(matches, sent), matches)
    by_head: dict[int, Candidate] = {}
    for m in matches:
        if not m.cue.trigger:
            continue
        typed = _typed(m, sc)
        if (
            typed is None
            or (_ground_word(m, typed[0]) and not _takes_ground(m.head, m.cue.label))
            or _objectless(m.head, typed[0])
            or _frame(m.head)
        ):
            continue
        name, value = typed[0], typed[1]
        if m.cue.generic:  # a generic word ("killed") is typed by its victims
            name = by_victims(m.head, name)
        if name == ARRESTS and set(agent_words(m.head)) & rules().abductors:
            name = ABDUCTION  # "insurgents rounded up a dozen men"
        if name in TERRITORY:  # each taking verb by its own agent ("until troops retook it"), else
            own = m.cue.label if m.cue.label in TERRITORY else name  # by its own word ("retook")
            name = territory_side([m]) or own
        known = by_head.get(m.head.i)
        if known is not None and known.score >= value:
            continue  # one word, one reading: the better-scored one ("seized" cocaine is a seizure, not a conquest)
        mod = modality(m.head)
        floor = FIRM_VIOLENT if lexicon().sub_types[name].type in ARMED_TYPES else FIRM_SCORE
        past = _verbal(m.head, day_dated) or _past_phrase(m)
        firm = (
            value >= floor
            and mod in ("asserted", "alleged")
            and past
            and not habitual(m.head)
            and not _background(m.head)
            and not _many(m.head)
            and not over_a_period(m.head)
            and not _descriptive(m)
        )
        by_head[m.head.i] = Candidate(sent, index, m, name, value, mod, firm)
    return _one_per_happening(list(by_head.values()))


def _rank(c: Candidate) -> tuple:
    return (c.firm, c.head.pos_ in ("VERB", "AUX"), c.score, -c.head.i)


def _subject(c: Candidate) -> str | None:
    subj = (
        next((k for k in c.head.children if k.dep_ == "nsubj"), None)
        if c.head.pos_ == "VERB"
        else None
    )
    return subj.lower_ if subj is not None else None


def _disarmed(c: Candidate, cands: list[Candidate]) -> bool:
    """A weapon that was defused, seized or destroyed ('defused an IED', 'a cache holding 14 IEDs')
    is what the disrupting act acted on, not an attack of its own."""
    word = c.match.tokens[
        -1
    ]  # "improvised explosive": the noun, whatever the tagger made of the first word
    if c.head.pos_ == "VERB" and c.head.dep_ in syntax()["weapon_describers"]:
        word = c.head  # "a bomb planted under a bridge": the verb describes the weapon
    elif word.pos_ not in ("NOUN", "PROPN"):
        return False
    verbs = {k.head.i for k in cands if k.sub_type == DISRUPTED and k.head.pos_ == "VERB"}
    return any(t.i in verbs for t in word.ancestors)


def _one_per_happening(cands: list[Candidate]) -> list[Candidate]:
    """One violent happening per sentence, unless another violent verb has a subject of its own
    ('insurgents occupied the town until troops retook it'); one per other trigger verb."""
    lex = lexicon()
    cands = [c for c in cands if not _disarmed(c, cands)]
    violent = sorted(
        (c for c in cands if lex.sub_types[c.sub_type].type in VIOLENT_TYPES),
        key=_rank,
        reverse=True,
    )
    kept = violent[:1]
    for c in violent[1:]:
        subj = _subject(c)
        if c.firm and subj and all(subj != _subject(k) and c.sub_type != k.sub_type for k in kept):
            kept.append(c)
    for c in sorted((c for c in cands if c not in violent), key=_rank, reverse=True):
        if not any(k.head.i == c.head.i or _same_act(k, c) for k in kept):
            kept.append(c)
    return kept


def _same_act(a: Candidate, b: Candidate) -> bool:
    """'arrested and detained them', 'defused a bomb found under a bridge': one act told twice,
    unless the inner verb has its own subject ('..., while police arrested two others')."""
    if a.sub_type != b.sub_type:
        return False
    for x, y in ((a.head, b.head), (b.head, a.head)):
        if y in x.subtree and not any(c.dep_.startswith("nsubj") for c in y.children):
            return True
    return False
