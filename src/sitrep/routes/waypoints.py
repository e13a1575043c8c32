"""Which place mentions of a sentence lie on a path, and in what role.

A place is a waypoint when the words that govern it say something moves there, through it
or from it ("from X", "through X", "left X", "crossed the border at X"). Places that only
locate another place ("the Jeddah camp near Qayyarah", "Tapachula in Chiapas", "the capital
of Sinaloa state") or a speaker ("a manager in Chtaura") are context, not waypoints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..geodesy import km
from ..lexicons import syntax
from ..model import Analysis, Entity, Mention
from .cues import cues

MAX_CLIMB = 12
DASH_JOIN = re.compile(r"\s*[-–—]\s*")  # what joins the places of "the Agadez–Dirkou road"
DASH_REACH = 2  # words between a dash chain's last place and its road noun
# How far from a district's or province's centre a place may lie and still be in it.
AREA_KM = 60.0


# What one step up the parse gives: a role, the next token to climb to (and whether the way
# went through a locating preposition), or nothing.
Step = str | tuple[Token, bool] | None


@dataclass
class Point:
    """A place mention found on a path: its role, and the list it was coordinated in, if any."""

    mention: Mention
    role: str  # origin | via | dest
    group: int  # index of the first conjunct; the mention's own anchor when not coordinated
    alternative: bool  # coordinated with "or": one of several choices, not a leg of the path


def is_country(entity: Entity | None) -> bool:
    """Countries are too coarse to be a leg of a path once a finer place is named."""
    feature = (entity.geo.feature or "") if entity and entity.geo else ""
    return feature.startswith("PCL") or feature == "TERR"


def is_area(entity: Entity | None) -> bool:
    """A country or an administrative division: a whole region rather than a point on a path."""
    feature = (entity.geo.feature or "") if entity and entity.geo else ""
    return is_country(entity) or feature.startswith("ADM")


def covers(outer: Entity | None, inner: Entity | None) -> bool:
    """Is ``inner`` the place ``outer`` or inside it: a town in the country or district named?"""
    if outer is None or inner is None:
        return False
    if outer.id == inner.id:
        return True
    if not (outer.geo and inner.geo and is_area(outer)):
        return False
    if is_country(outer):
        return outer.geo.country is not None and outer.geo.country == inner.geo.country
    return km(outer.geo.lat, outer.geo.lon, inner.geo.lat, inner.geo.lon) <= AREA_KM


def named_places(a: Analysis, start: int, end: int) -> list[Mention]:
    """Place mentions in [start, end) that name the place ("the Lebanese border" does not)."""
    return [
        m
        for m in a.mentions_in(start, end, ("place",))
        if not m.demonym and not getattr(a.entity(m.entity), "demonym", False)
    ]


class _Sentence:
    """Place mentions of one parsed sentence, with the token each one stands on."""

    def __init__(self, a: Analysis, sent: SpacySpan):
        self.a = a
        self.owner: dict[int, Mention] = {}
        self.anchor: dict[int, Token] = {}
        places = named_places(a, sent.start_char, sent.end_char)
        self.mentions: list[Mention] = []
        for m in places:
            span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            for t in span:
                self.owner[t.i] = m
            # "Chagai district", "the Qalamoun ridges": the place noun stands for the place.
            if (
                root.dep_ in syntax()["place_noun_deps"]
                and root.head.lower_ in cues().place_nouns
                and root.head.i not in self.owner
            ):
                root = root.head
                self.owner[root.i] = m
            self.anchor[id(m)] = root
            self.mentions.append(m)

    def points(self) -> list[Point]:
        """The sentence's waypoints in the order the path is travelled."""
        found = self._dash_chain()
        chained = {id(p.mention) for p, _ in found}
        missed: list[Mention] = []
        for m in self.mentions:
            if id(m) in chained:
                continue
            role = self._role(m, self.anchor[id(m)], depth=0)
            if role:
                found.append((Point(m, *role), self.anchor[id(m)]))
            else:
                missed.append(m)
        if found:
            found += [pt for m in missed if (pt := self._misparsed(m)) is not None]
            found.sort(key=lambda pair: pair[0].mention.start)
        return travel_order(found)

    def _misparsed(self, m: Mention) -> tuple[Point, Token] | None:
        """ "via Kidal to Tamanrasset" parsed with "to" as an infinitive marker and the rare
        name as a verb: in a sentence that already moves, a place the parse hangs on no
        preposition takes the role of the path preposition written right before it."""
        tok = self.anchor[id(m)]
        if tok.dep_ in syntax()["placed_name_deps"] or tok.i == 0:
            return None
        prev = tok.doc[tok.i - 1]
        role = cues().prep_role.get(prev.lower_)
        if role is None or prev.dep_ == "prep":
            return None
        return Point(m, role, tok.i, False), tok

    def _dash_chain(self) -> list[tuple[Point, Token]]:
        """ "the Agadez–Dirkou–Madama road": places joined by dashes before a road noun are
        a path."""
        text, runs = self.a.document.text, [[self.mentions[0]]] if self.mentions else []
        for m in self.mentions[1:]:
            if DASH_JOIN.fullmatch(text[runs[-1][-1].end : m.start]):
                runs[-1].append(m)
            else:
                runs.append([m])
        out: list[tuple[Point, Token]] = []
        for run in (r for r in runs if len(r) > 1 and self._before_road(r[-1])):
            for k, m in enumerate(run):
                role = "origin" if k == 0 else "dest" if k == len(run) - 1 else "via"
                out.append((Point(m, role, self.anchor[id(m)].i, False), self.anchor[id(m)]))
        return out

    def _before_road(self, m: Mention) -> bool:
        """Is the chain the name of a road travelled ("use the A–B road"), not one that only
        locates something ("a bomb on the A–B road")?"""
        tok = self.anchor[id(m)]
        near = [tok, *tok.doc[tok.i + 1 : tok.i + 1 + DASH_REACH]]
        road = next((t for t in near if t.lemma_.lower() in cues().road_nouns), None)
        if road is None:
            return False
        for _ in range(DASH_REACH + 1):  # up to the head of the road's noun phrase
            if road.dep_ in syntax()["road_phrase_deps"] and road.head.i != road.i:
                road = road.head
        return not (road.dep_ == "pobj" and road.head.lower_ in cues().qualifier_preps)

    def _role(self, m: Mention, tok: Token, depth: int) -> tuple[str, int, bool] | None:
        """Climb from the place's token to the word that says how it lies on the path."""
        group, alternative = tok.i, _offers_choice(tok)
        located = False  # reached through "in", "at", "near": the place locates what it hangs on
        for _ in range(MAX_CLIMB):
            if tok.head.i == tok.i:
                return None
            if tok.dep_ == "conj":
                tok = tok.head
                alternative = alternative or _offers_choice(tok)
                group = tok.i
                continue
            if tok.dep_ == "dobj":
                step: Step = _object_role(tok.head, located)
            elif tok.dep_ == "pobj":
                step = _path_prep(tok.head) or self._qualifier_step(m, tok.head, depth)
            else:
                return None
            if step is None or isinstance(step, str):
                return (step, group, alternative) if step else None
            tok, located = step[0], located or step[1]
        return None

    def _finer_than(self, other: Mention) -> str | None:
        """ "into Serbia near Presevo": the finer place takes the country's part; "crossed the
        Euphrates at Jarablus", "over the Drina near Zvornik": the town where a river or
        mountain is crossed is a stop too."""
        entity = self.a.entity(other.entity)
        if not (is_country(entity) or is_feature(entity)):
            return None
        inherited = self._role(other, self.anchor[id(other)], 1)
        if inherited is None or (not is_country(entity) and inherited[0] != "via"):
            return None
        return inherited[0]

    def _qualifier_step(self, m: Mention, prep: Token, depth: int) -> Step:
        """ "of", "in", "at", "near": the role comes from what the phrase hangs on."""
        c, p = cues(), prep.lower_
        holder = prep.head
        # "left the camp in northeast Syria": a place right before the preposition is what it
        # locates.
        before = prep.doc[prep.i - 1] if prep.i > 0 else None
        if before is not None and before.i in self.owner and p in c.qualifier_preps:
            holder = before
        other = self.owner.get(holder.i)
        if p == "of":
            if holder.lower_ in c.of_nouns:
                return c.of_nouns[holder.lower_]
            return None if other is not None and other is not m else (holder, False)
        if p not in c.qualifier_preps:
            return None
        if other is not None and other is not m:
            # "into Serbia near Presevo": the finer place takes the country's part.
            if depth == 0 and p in ("at", "near"):
                return self._finer_than(other)
            return None
        if holder.pos_ in ("VERB", "AUX"):
            return c.verb_role.get(holder.lemma_.lower())
        if holder.pos_ == "ADP":
            # "and from there to the beach at Abdeh": "at" hung on "to" shares its role
            return c.prep_role.get(holder.lower_)
        return (holder, True) if holder.pos_ in syntax()["holder_pos"] else None


def is_feature(entity: Entity | None) -> bool:
    """A river, mountain, pass or other natural feature: neither a settlement nor an area."""
    feature = (entity.geo.feature or "") if entity and entity.geo else ""
    return bool(feature) and not feature.startswith("PP") and not is_area(entity)


def _object_role(verb: Token, located: bool) -> str | None:
    """ "left Zakho", "crossed the Drina"; "buy the items in Maiduguri" names where a load
    starts."""
    lemma = verb.lemma_.lower()
    return cues().object_verbs.get(lemma) or (cues().verb_role.get(lemma) if located else None)


def _path_prep(prep: Token) -> str | None:
    """The role a preposition gives its object by itself ("from", "via", "bound for")."""
    c, p = cues(), prep.lower_
    if prep.head.lower_ == "according":
        return None  # "according to an official in Arsal" names a source, not a path
    if p == "for":
        # "bound for X"; "set sail from Sfax for Lampedusa": "for" hung on the start
        after_start = prep.head.dep_ == "pobj" and prep.head.head.lower_ == "from"
        return "dest" if prep.head.lower_ in c.for_heads or after_start else None
    if (p == "from" and prep.head.dep_ == "appos") or _describes_place(prep):
        # "Nasir, a farmer from Kunduz, said"; "to the islands, the gateway to Europe": the
        # phrase describes the person or place it stands beside, it is not a leg
        return None
    if _in_speaker(prep):
        return None  # "a traveller from Teknaf said": where the source is, not a path
    if p in c.verb_preps and prep.head.lemma_.lower() in c.verb_role:
        return c.verb_preps[p]  # "crossed over the Drina"; "fought over the town" is no path
    return c.prep_role.get(p)


def _describes_place(prep: Token) -> bool:
    """ "Lesbos, the island nearest to Europe", "Zuwara, the gateway to Sicily": a phrase in
    apposition to a place that says where the place lies."""
    noun = prep.head
    if (
        noun.pos_ == "ADJ"
        and noun.dep_ in syntax()["describing_adjective_deps"]
        and noun.head.i != noun.i
    ):
        noun = noun.head  # "the island nearest to"
    if noun.dep_ != "appos" or noun.lower_ not in cues().describing_nouns:
        return False
    place = noun.head
    return (
        place.pos_ == "PROPN"
        or place.ent_type_ in syntax()["ground_entities"]
        or place.lower_ in cues().place_nouns
    )


def _in_speaker(prep: Token) -> bool:
    """Does the preposition sit in the subject of a verb of speech ("a driver from X told")?"""
    tok = prep.head
    for _ in range(MAX_CLIMB):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head.lemma_.lower() in cues().speech
        if tok.dep_ not in syntax()["speaker_phrase_deps"]:
            return False
        tok = tok.head
    return False


def _offers_choice(tok: Token) -> bool:
    """Is this the head of a list joined by "or"?"""
    children = list(tok.children)
    return any(ch.dep_ == "cc" and ch.lower_ == "or" for ch in children) and any(
        ch.dep_ == "conj" for ch in children
    )


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause holds the token."""
    for _ in range(MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _opener(verb: Token) -> str | None:
    """The word that opens a verb's clause ("after crossing", "while part continues")."""
    if verb.dep_ == "pcomp":
        return verb.head.lower_
    return next((ch.lower_ for ch in verb.children if ch.dep_ == "mark"), None)


def _opened_by(tok: Token, openers: frozenset[str]) -> Token | None:
    """The nearest verb above the token whose clause one of ``openers`` opens."""
    for _ in range(MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and _opener(tok) in openers:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _index(tok: Token | None) -> int | None:
    return tok.i if tok is not None else None


def travel_order(found: list[tuple[Point, Token]]) -> list[Point]:
    """Text order, corrected where the text tells the path out of order: a starting point named
    after the rest of its movement goes first ("crossed the desert from Agadez to Sabha", "was
    bound for Benghazi when it left Kufra"), a stop named with "via" or "through" after the end
    goes before it ("reach Raqqa via Tal Afar", "headed to the Gulf from Syria through Jordan"),
    and a clause opened by "after" goes before the clause it hangs on ("reached Erbil after
    crossing Kirkuk from Mosul"). A "while" clause beside places outside it ("..., while part
    continues south to Tabuk") is a branch, not a leg: its points are marked as alternatives."""
    order = [p for p, _ in found]
    tokens = {id(p): tok for p, tok in found}
    verbs = {id(p): _clause_verb(tok) for p, tok in found}
    verb = {k: _index(v) for k, v in verbs.items()}
    for p, tok in found:
        if p.role == "origin":
            same = [
                q
                for q in order
                if q.role != "origin"
                and _one_movement(verbs[id(q)], verbs[id(p)])
                and not _later_leg(tokens[id(q)], tok)
            ]
        elif _passed_on_the_way(tok):
            same = [
                q
                for q in order
                if q.role == "dest"
                and verb[id(q)] is not None
                and verb[id(q)] == verb[id(p)]
                and not _told_in_sequence(tokens[id(q)], tok)
            ]
        else:
            continue
        _move_before(order, p, same)
    order = _after_clauses_first(found, order, verb)
    _mark_branches(found)
    return order


def _clause_top(verb: Token) -> Token:
    """The verb a clause's movement belongs to, through "when"/"as" clauses and complements;
    a clause opened by "before", "until" or "after" tells another stage."""
    for _ in range(MAX_CLIMB):
        if verb.dep_ not in syntax()["subordinate_clauses"] or verb.head.i == verb.i:
            return verb
        if _opener(verb) in cues().sequence:
            return verb
        verb = verb.head
    return verb


def _one_movement(v: Token | None, w: Token | None) -> bool:
    return v is not None and w is not None and _clause_top(v).i == _clause_top(w).i


def _passed_on_the_way(tok: Token) -> bool:
    """ "via X", "by way of X", "through X": a stop on the way, wherever the sentence names it."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if head.lower_ == "of" and head.head.lower_ == "way":
        return True
    return head.dep_ == "prep" and cues().prep_role.get(head.lower_) == "via"


def _told_in_sequence(a: Token, b: Token) -> bool:
    """ "to Kidal and then through Tessalit", "driven to Tal Kalakh and wade across the river": a
    word between them says the second comes later, or another verb tells another leg."""
    lo, hi = sorted((a.i, b.i))
    return any(
        t.lower_ in cues().sequence or t.pos_ == "VERB" or t.dep_ == "cc" for t in a.doc[lo:hi]
    )


def _later_leg(a: Token, b: Token) -> bool:
    """ "to Agadez ... and then from Gatrun to Sabha": a word between them says the second is a
    later leg, so its start is no start of the whole path."""
    lo, hi = sorted((a.i, b.i))
    return any(t.lower_ in cues().sequence and t.pos_ == "ADV" for t in a.doc[lo:hi])


def _move_before(order: list[Point], p: Point, same: list[Point]) -> None:
    """Put ``p`` before the first of ``same`` that precedes it."""
    ahead = [q for q in same if order.index(q) < order.index(p)]
    if ahead:
        order.remove(p)
        order.insert(order.index(ahead[0]), p)


def _after_clauses_first(
    found: list[tuple[Point, Token]], order: list[Point], verb: dict[int, int | None]
) -> list[Point]:
    earlier = {id(p): _opened_by(tok, cues().earlier_openers) for p, tok in found}
    for clause in {e.i: e for e in earlier.values() if e is not None}.values():
        block = [q for q in order if (o := earlier[id(q)]) is not None and o.i == clause.i]
        head = _index(_clause_verb(clause.head))
        rest = [q for q in order if q not in block]
        anchor = next((q for q in rest if head is not None and verb[id(q)] == head), None)
        if anchor is not None and order.index(anchor) < order.index(block[0]):
            at = rest.index(anchor)
            order = rest[:at] + block + rest[at:]
    return order


def _mark_branches(found: list[tuple[Point, Token]]) -> None:
    branch = {id(p): _index(_opened_by(tok, cues().branch_openers)) for p, tok in found}
    for p, _ in found:
        if branch[id(p)] is not None and any(branch[id(q)] != branch[id(p)] for q, _ in found):
            p.alternative = True


def sentence_points(a: Analysis, sent: SpacySpan) -> list[Point]:
    """Waypoints of one sentence in travel order; enumerations and alternatives left out.

    "From Afghanistan, Syria and Morocco" lists where people come from, and "to the Gulf or
    the Red Sea" offers choices: neither is a leg of one path.
    """
    pts = _Sentence(a, sent).points()
    size: dict[int, int] = {}
    for p in pts:
        size[p.group] = size.get(p.group, 0) + 1
    return [p for p in pts if not p.alternative and not (p.role == "origin" and size[p.group] >= 3)]
