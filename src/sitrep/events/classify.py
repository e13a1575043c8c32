"""Score a sentence against the ACLED sub-types: a hand-weighted bag of cues plus combinations.

Hand weights rather than a trained model: the weights are reviewable in data/triggers.yaml,
and the only training data we may use is data we write, which a lexicon states more directly.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

from ..lexicons import syntax
from .lexicon import Match, lexicon
from .rules import rules

TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")

VIOLENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
)


def _modifier(m: Match) -> bool:
    """A rioting word that only names a kind of thing ('riot police', 'riot gear') tells no rioting."""
    tok = m.tokens[-1]
    return m.cue.label == "group:rioting" and len(m.tokens) == 1 and tok.dep_ == "compound"


def scores(matches: list[Match], sent: Span | None = None) -> dict[str, float]:
    """Sub-type -> score; each distinct cue counts once per sentence."""
    lex = lexicon()
    out: dict[str, float] = defaultdict(float)
    seen = set()
    groups = set()
    for m in matches:
        if m.cue.label.startswith("group:"):
            if not _modifier(m):
                groups.add(m.cue.label[6:])
            continue
        key = (m.cue.words, m.cue.label)
        if key not in seen:
            seen.add(key)
            out[m.cue.label] += m.cue.weight
    for name, value in out.items():
        cap = lex.sub_types[name].cap
        out[name] = min(value, cap) if cap else value
    for combo in lex.combos:
        if all(g in groups for g in combo.groups):
            out[combo.sub_type] += combo.weight
    _weapon_decides(out, matches)
    armed = sent is not None and any(t.lemma_.lower() in rules().combatants for t in sent)
    for name in [
        n for n in out if lex.sub_types[n].requires and lex.sub_types[n].requires not in groups
    ]:
        moved = out.pop(
            name
        )  # armed men fighting police are a clash, not a mob: the evidence is dropped
        other = lex.sub_types[name].otherwise
        if not armed and other is not None:
            out[other] = out.get(other, 0.0) + moved
    return dict(out)


def _weapon_decides(out: dict[str, float], matches: list[Match]) -> None:
    """Codebook precedence (triggers.yaml): the weapon decides. A bomb, blast or shell named as a
    trigger makes the happening Explosions/Remote violence whoever the victims were ("a bomb
    exploded in a mosque, killing worshippers"): its best sub-type is lifted just above the
    victims' reading."""
    lex = lexicon()
    fired = {m.cue.label for m in matches if m.cue.trigger and m.cue.label in lex.sub_types}
    for rule in lex.precedence:
        ranked = {k: v for k, v in out.items() if lex.sub_types[k].type == rule.type and k in fired}
        if not ranked:
            continue
        name = max(ranked, key=lambda k: ranked[k])
        if ranked[name] < rule.floor:
            continue
        rival = max((v for k, v in out.items() if lex.sub_types[k].type in rule.over), default=0.0)
        if rival >= out[name]:
            out[name] = rival + 0.01


def best(
    sc: dict[str, float], among: tuple[str, ...] | None = None, default: str | None = None
) -> tuple[str | None, float]:
    """The best sub-type (optionally only of the given event types) and its score."""
    lex = lexicon()
    pool = {k: v for k, v in sc.items() if among is None or lex.sub_types[k].type in among}
    if not pool:
        return default, 0.0
    name = max(pool, key=lambda k: (pool[k], k == default))
    return name, pool[name]


def agent_words(verb: Token) -> list[str]:
    """Lemmas of the verb's agent: its active subject, or the 'by' phrase of a passive."""
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if (
        not agents
        and verb.dep_ in syntax()["agent_sharing_clauses"]
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return agent_words(verb.head)
    return [t.lemma_.lower() for a in agents for t in _own_words(a)]


def _own_words(tok: Token) -> list[Token]:
    """The agent's own noun phrase, not what hangs on it: 'Nigerian soldiers backed by fighter jets' is
    soldiers, whoever's jets back them."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in syntax()["attached_phrases"]:
            out += _own_words(c)
    return sorted(out, key=lambda t: t.i)


def territory_side(matches: list[Match]) -> str | None:
    """Which territory sub-type the agents of the taking verbs point to (the government's or another's)."""
    lex = lexicon()
    for m in matches:
        if m.cue.label not in TERRITORY or not m.cue.trigger:
            continue
        words = agent_words(m.head)
        for name in reversed(TERRITORY):  # "Houthi forces": the named group decides before "forces"
            if any(
                tuple(words[i : i + len(p)]) == p
                for p in lex.sides[name]
                for i in range(len(words))
            ):
                return name
    return None


def adjust_territory(sc: dict[str, float], matches: list[Match]) -> dict[str, float]:
    """Give both territory sub-types' evidence to the side that the agent names."""
    side = territory_side(matches)
    if side is None:
        return sc
    pooled = sum(sc.get(t, 0.0) for t in TERRITORY)
    return {**sc, **{t: 0.0 for t in TERRITORY}, side: pooled}


def _victims(head: Token) -> list[Token]:
    """Who was killed or hurt: the passive subject, else the object of the trigger verb."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    out = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not out:
        holder = (
            verb.head
            if verb.dep_ == "conj" and not any(c.dep_ == "dobj" for c in verb.children)
            else verb
        )
        out = [c for c in holder.children if c.dep_ == "dobj"]
    if not out:  # "shot and killed a soldier": the object hangs on the second verb
        out = [c for v in verb.children if v.dep_ == "conj" for c in v.children if c.dep_ == "dobj"]
    # "attacked a post, killing four policemen": who the harm clause names are victims too
    out += [
        c
        for v in verb.children
        if v.dep_ in ("advcl", "xcomp") and v.lemma_.lower() in rules().follow_up
        for c in v.children
        if c.dep_ == "dobj"
    ]
    return out


def _name_words(v: Token) -> list[Token]:
    """The victim's noun and every word compounded onto it ('Professional Soldier Andres Mosquera')."""
    out, todo = [v], [v]
    while todo:
        t = todo.pop()
        more = [c for c in t.children if c.dep_ == "compound"]
        out += more
        todo += more
    return out


def victim_lemmas(head: Token) -> set[str]:
    return {t.lemma_.lower() for v in _victims(head) for t in _name_words(v)}


def civilians_only(head: Token) -> bool:
    """Are the victims named, and all unarmed people?"""
    lemmas = victim_lemmas(head)
    return bool(lemmas & rules().civilians) and not lemmas & rules().combatants


def by_victims(head: Token, sub_type: str) -> str:
    """The codebook's victim rule: combatants killed make an Attack an Armed clash, civilians the reverse."""
    r = rules()
    lemmas = victim_lemmas(head)
    if sub_type == "Attack" and lemmas & r.combatants and not lemmas & r.civilians:
        return "Armed clash"
    if sub_type == "Armed clash" and lemmas & r.civilians and not lemmas & r.combatants:
        return "Attack"
    return sub_type
