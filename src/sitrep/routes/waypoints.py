"""Which place mentions of a sentence lie on a path, and in what role.

A place is a waypoint when the words that govern it say something moves there, through it
or from it ("from X", "through X", "left X", "crossed the border at X"). Places that only
locate another place ("the Jeddah camp near Qayyarah", "Tapachula in Chiapas", "the capital
of Sinaloa state") or a speaker ("a manager in Chtaura") are context, not waypoints.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..geodesy import km
from ..model import Analysis, Entity, Mention
from .cues import cues

MAX_CLIMB = 12
# How far from a district's or province's centre a place may lie and still be in it.
AREA_KM = 60.0


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
    return [m for m in a.mentions_in(start, end, ("place",)) if not m.demonym and not getattr(a.entity(m.entity), "demonym", False)]


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
            if root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in cues().place_nouns and root.head.i not in self.owner:
                root = root.head
                self.owner[root.i] = m
            self.anchor[id(m)] = root
            self.mentions.append(m)

    def points(self) -> list[Point]:
        out = []
        for m in self.mentions:
            found = self._role(m, self.anchor[id(m)], depth=0)
            if found:
                role, group, alternative = found
                out.append(Point(m, role, group, alternative))
        return out

    def _role(self, m: Mention, tok: Token, depth: int) -> tuple[str, int, bool] | None:
        c = cues()
        group, alternative = tok.i, _offers_choice(tok)
        for _ in range(MAX_CLIMB):
            dep, head = tok.dep_, tok.head
            if head.i == tok.i:
                return None
            if dep == "conj":
                tok = head
                alternative = alternative or _offers_choice(tok)
                group = tok.i
                continue
            if dep == "dobj":
                role = c.object_verbs.get(head.lemma_.lower())
                return (role, group, alternative) if role else None
            if dep != "pobj":
                return None
            prep, p = head, head.lower_
            if prep.head.lower_ == "according":
                return None  # "according to an official in Arsal" names a source, not a path
            if p == "for":
                return ("dest", group, alternative) if prep.head.lower_ in c.for_heads else None
            if p in c.prep_role:
                return c.prep_role[p], group, alternative
            holder = prep.head
            # "left the camp in northeast Syria": a place right before the preposition is what it locates.
            before = prep.doc[prep.i - 1] if prep.i > 0 else None
            if before is not None and before.i in self.owner and p in c.qualifier_preps:
                holder = before
            other = self.owner.get(holder.i)
            if p == "of":
                if holder.lower_ in c.of_nouns:
                    return c.of_nouns[holder.lower_], group, alternative
                if other is not None and other is not m:
                    return None
                tok = holder
                continue
            if p not in c.qualifier_preps:
                return None
            if other is not None and other is not m:
                # "into Serbia near Presevo": the finer place takes the country's part.
                if depth == 0 and p in ("at", "near") and is_country(self.a.entity(other.entity)):
                    inherited = self._role(other, self.anchor[id(other)], depth + 1)
                    return (inherited[0], group, alternative) if inherited else None
                return None
            if holder.pos_ in ("VERB", "AUX"):
                role = c.verb_role.get(holder.lemma_.lower())
                return (role, group, alternative) if role else None
            if holder.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                return None
            tok = holder
        return None


def _offers_choice(tok: Token) -> bool:
    """Is this the head of a list joined by "or"?"""
    children = list(tok.children)
    return any(ch.dep_ == "cc" and ch.lower_ == "or" for ch in children) and any(ch.dep_ == "conj" for ch in children)


def sentence_points(a: Analysis, sent: SpacySpan) -> list[Point]:
    """Waypoints of one sentence in text order; enumerations and alternatives left out.

    "From Afghanistan, Syria and Morocco" lists where people come from, and "to the Gulf or
    the Red Sea" offers choices: neither is a leg of one path.
    """
    pts = _Sentence(a, sent).points()
    size: dict[int, int] = {}
    for p in pts:
        size[p.group] = size.get(p.group, 0) + 1
    return [p for p in pts if not p.alternative and not (p.role == "origin" and size[p.group] >= 3)]
