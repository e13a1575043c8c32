"""Type a claim's source and link it to the actor or person entity it names.

The type follows the source's head noun ("a study" is a document, "the army" an official
statement, "local sources" anonymous), a person's name inside it ("A smuggler who gave his name
as Abu Samir"), or a proper name ("Hezbollah"). Pronouns ("he said") take the source of the
claim before them.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, cast

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..intervals import Intervals
from ..lexicons import syntax, titles
from ..model import Analysis, Entity, Source
from ..nlp import ents_in
from .cues import source_words, words

MAX_PATH = 12  # steps from a name up to the source's head word
Kind = Literal[
    "anonymous", "named_person", "named_organization", "official_statement", "media", "document"
]


def _located(ent: SpacySpan) -> bool:
    """ "sources in a Tapachula shelter": a name after "in" places the source, it does not
    name it."""
    before = [t for t in ent.doc[max(0, ent.start - 3) : ent.start] if t.pos_ not in ("DET", "ADJ")]
    return bool(before) and before[-1].lower_ in source_words("locating")


def _person_entity(
    a: Analysis, doc: Doc, lo: int, hi: int, earlier: list[Source]
) -> tuple[bool, str | None]:
    """Does the source name a person? And which person entity, when the actors stage found one."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return False, None
    for m in a.mentions_in(lo, hi, ("person",)):
        named = doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is not None and _is_name_of(named, span):
            return True, m.entity
    taken = a.mentions_in(lo, hi, ("place", "actor"))  # the actors stage overrules the tagger
    if any(
        e.label_ == "PERSON"
        and not _located(e)
        and _is_name_of(e, span)
        and not any(m.start < e.end_char and e.start_char < m.end for m in taken)
        for e in ents_in(doc, span.start_char, span.end_char)
    ):
        return True, None
    toks = [t for t in span if not t.is_punct]
    if len(toks) == 1 and toks[0].pos_ == "PROPN":  # "Okafor said": a surname named before
        surname = toks[0].text
        return any(
            s.type == "named_person" and s.text.split(",")[0].split()[-1:] == [surname]
            for s in earlier
        ), None
    if (
        toks
        and toks[0].pos_ == "PROPN"
        and any(
            ch.dep_ == "appos" and ch.lemma_.lower() in source_words("people") | _titles()
            for ch in span.root.children
        )
    ):
        return True, None  # "Abdulmalik Qassem, the manager of the camp", "X, director of police"
    return any(_titled(t, span) for t in span), None


@cache
def _titles(*groups: str) -> frozenset[str]:
    """Titles of sitrep/data/titles.yaml that make a person a named source: before a name, any
    but kin words and common words ("Colonel Haddad", "Sheriff Diaz"); alone, an office one person holds ("the
    governor"), not a rank many share ("the officer")."""
    return frozenset(
        titles().of(*(groups or (g for g in titles().groups if g not in ("kin", "verbs"))))
    )


def _named_role(span: SpacySpan) -> bool:
    """ "the regional governor", "the interior minister": a definite office held by one person."""
    root = span.root
    return (
        span[0].lower_ == "the"
        and root.tag_ == "NN"
        and root.lemma_.lower() in _titles("offices", "royal")
    )


def _titled(t: Token, span: SpacySpan) -> bool:
    """ "Colonel Haddad", "Governor Okafor"; "the General Command" is a body, not a general."""
    if t.lower_ not in _titles() or t.i + 1 >= len(t.doc):
        return False
    name = t.doc[t.i + 1]
    body = source_words("official") | source_words("organisation_anaphors")
    return (
        name.pos_ == "PROPN" and name.lower_ not in body and _is_name_of(t.doc[t.i : t.i + 2], span)
    )


def _is_name_of(name: SpacySpan, source: SpacySpan) -> bool:
    """Is this name the source's own, not a place or body it is tied to ("residents of X",
    "officials in X", "the government, led by President X", "the rescue group X")? A name
    reached through "as" ("a smuggler who gave his name as Abu Samir") is the source's."""
    if _names_body(name):
        return False
    tok = name.root
    for _ in range(MAX_PATH):
        if tok.i == source.root.i or not (source.start <= tok.i < source.end):
            return True
        if tok.dep_ == "prep" and tok.lower_ == "as":
            return True  # "known as", "who gave his name as"
        if tok.dep_ in syntax()["source_modifiers"]:
            return False
        tok = tok.head
    return True


def _asides(span: SpacySpan) -> list[tuple[int, int]]:
    """Clauses about the source ("who spoke to the Frontier Ledger", "led by President X")."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in span
        if t.dep_ in ("relcl", "acl")
    ]


def _names_body(ent: SpacySpan) -> bool:
    """ "the rescue group Mare Aperto": a name set beside an organisation noun names that body."""
    root = ent.root
    return root.dep_ == "appos" and root.head.lower_ in source_words("organisation_anaphors")


def _actor(a: Analysis, span: SpacySpan) -> str | None:
    """The actor the source is, not one named in a clause about it ("who spoke to the
    Frontier Ledger")."""
    aside = _asides(span)
    actor = next(
        (
            m
            for m in a.mentions_in(span.start_char, span.end_char, ("actor",))
            if not any(lo <= m.start < hi for lo, hi in aside)
        ),
        None,
    )
    return actor.entity if actor else None


def source_type(
    a: Analysis, doc: Doc, lo: int, hi: int, earlier: list[Source]
) -> tuple[Kind, str | None]:
    """The source's type and the entity it names (None for anonymous sources)."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return "anonymous", None
    root = span.root
    head = root.lemma_.lower()
    heads = {root.lower_, head}
    actor = _actor(a, span)
    entity = a.entity(actor)
    if actor is not None and entity is not None and _covers(a, actor, root.idx):
        heads.add(entity.name.split()[-1].lower())  # "ANF" stands for "Anti-Narcotics Force"
    lowered = " " + span.text.lower() + " "
    if heads & source_words("document"):
        return "document", actor
    if heads & source_words("statement"):
        return "official_statement", actor
    if head in source_words("messages"):
        return _signer(a, span)
    if _is_media(a, span, actor, lowered):
        return (
            "media",
            actor,
        )  # the outlet itself speaking; "Levant Ledger sources" are its anonymous sources
    is_person, person = _person_entity(a, doc, lo, hi, earlier)
    if is_person:
        return "named_person", person
    employer = next((t for t in span if t.lower_ == "at" and t.head.i == root.i), None)
    if _named_role(span):
        return "named_person", None  # "the regional governor said": one person, named by office
    if head in source_words("people") and root.pos_ != "PROPN":
        # "analysts at Obudu Ridge Capital" speak for their firm; "two officials" for no one named
        if employer is None or not _names_organisation(a, employer):
            return "anonymous", None
        body = next(iter(a.mentions_in(employer.idx, hi, ("actor",))), None)
        return _voice(a.entity(body.entity) if body else None), actor
    if (
        entity is not None
        and entity.actor_type
        and actor is not None
        and _covers(a, actor, root.idx)
    ):
        return _voice(entity), actor
    if heads & source_words("official") or any(
        f" {p} " in lowered for p in source_words("official") if " " in p
    ):
        return "official_statement", actor
    if (
        root.pos_ != "PROPN"
        and span[0].lower_ == "the"
        and root.tag_ == "NN"
        and head in source_words("organisation_anaphors")
    ):
        return "named_organization", actor  # "the agency said": the organisation named before
    if (
        root.pos_ == "PROPN"
        or root.is_upper
        and len(root) > 1
        or (actor is not None and _covers(a, actor, root.idx))
    ):
        return "named_organization", actor
    return "anonymous", None


def _signer(a: Analysis, span: SpacySpan) -> tuple[Kind, str | None]:
    """ "A banner signed by the cartel", "a video in the name of the group": the body that put
    its name to the message speaks in it; a message nobody signed is anonymous."""
    signer = next(iter(a.mentions_in(span.start_char, span.end_char, ("actor",))), None)
    if signer is None:
        return "anonymous", None
    return _voice(a.entity(signer.entity)), signer.entity


def _voice(body: Entity | None) -> Kind:
    """A state body speaks in official statements; any other organisation as itself."""
    return (
        "official_statement"
        if body is not None and body.actor_type in source_words("state_actor_types")
        else "named_organization"
    )


def _is_media(a: Analysis, span: SpacySpan, actor: str | None, lowered: str) -> bool:
    """Press or broadcasters speak: "local media", "pro-government outlets", "X television";
    an outlet named in a clause about another source ("who spoke to the Ledger") does not."""
    aside = _asides(span)
    words = {
        w
        for t in span
        if not any(s <= t.idx < e for s, e in aside)
        for w in (t.lower_, t.lemma_.lower())
    }
    entity = a.entity(actor)
    if words & source_words("media") or any(
        f" {p} " in lowered for p in source_words("media_phrases")
    ):
        return True
    return (
        entity is not None
        and entity.actor_type == "media"
        and actor is not None
        and _covers(a, actor, span.root.idx)
    )


def _names_organisation(a: Analysis, prep: Token) -> bool:
    lo, hi = prep.idx, prep.right_edge.idx + len(prep.right_edge)
    if a.mentions_in(lo, hi, ("actor",)):
        return True
    places = a.mentions_in(lo, hi, ("place",))
    return any(
        e.label_ == "ORG" and not any(m.start <= e.start_char < m.end for m in places)
        for e in ents_in(prep.doc, lo, hi)
    )


def _covers(a: Analysis, entity: str, pos: int) -> bool:
    """Whether a mention of ``entity`` covers ``pos``: indexed once per set of mentions, since a
    scan of every mention per source made long texts quadratic."""
    memo = cast(Any, a)  # the index is cached on the analysis, which does not declare it
    cached = getattr(memo, "_covers_key", None)
    if cached is None or cached[0] is not a.mentions or cached[1] != len(a.mentions):
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in a.mentions:
            spans.setdefault(m.entity, []).append((m.start, m.end))
        memo._covers_index = {e: Intervals(s) for e, s in spans.items()}
        memo._covers_key = (a.mentions, len(a.mentions))
    found = memo._covers_index.get(entity)
    return found is not None and found.overlaps(pos, pos + 1)


def _one_person(doc: Doc, s: Source) -> bool:
    """Could "he" or "she" stand for this source? A named person, or one unnamed person."""
    if s.type == "named_person":
        return True
    span = (
        doc.char_span(s.start, s.end, alignment_mode="expand")
        if s.start is not None and s.end is not None
        else None
    )
    return s.type == "anonymous" and span is not None and span.root.tag_ == "NN"


def make_source(a: Analysis, doc: Doc, lo: int, hi: int, earlier: list[Source]) -> Source:
    """A Source for the words in [lo, hi); a pronoun stands for the latest fitting source."""
    text = a.document.text[lo:hi]
    if text.lower() in words("pronouns"):
        personal = text.lower() in ("he", "she")
        for s in reversed(earlier):
            if _one_person(doc, s) == personal:
                return Source(s.text, s.type, s.entity, s.start, s.end)
        return Source(text, "anonymous", None, lo, hi)
    kind, entity = source_type(a, doc, lo, hi, earlier)
    return Source(text, kind, entity, lo, hi)
