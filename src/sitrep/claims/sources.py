"""Type a claim's source and link it to the actor or person entity it names.

The type follows the source's head noun ("a study" is a document, "the army" an official
statement, "local sources" anonymous), a person's name inside it ("A smuggler who gave his name
as Abu Samir"), or a proper name ("Hezbollah"). Pronouns ("he said") take the source of the
claim before them.
"""
from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..intervals import Intervals
from ..model import Analysis, Source
from ..nlp import ents_in
from .cues import source_words, words

LOCATING = frozenset({"in", "at", "near", "from", "outside", "inside"})
Kind = Literal["anonymous", "named_person", "named_organization", "official_statement", "media", "document"]


def _located(ent: SpacySpan) -> bool:
    """ "sources in a Tapachula shelter": a name after "in" places the source, it does not name it."""
    before = [t for t in ent.doc[max(0, ent.start - 3):ent.start] if t.pos_ not in ("DET", "ADJ")]
    return bool(before) and before[-1].lower_ in LOCATING


def _person_entity(a: Analysis, doc: Doc, lo: int, hi: int, earlier: list[Source]) -> tuple[bool, str | None]:
    """Does the source name a person? And which person entity, when the actors stage found one."""
    person = next(iter(a.mentions_in(lo, hi, ("person",))), None)
    if person is not None:
        return True, person.entity
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return False, None
    taken = a.mentions_in(lo, hi, ("place", "actor"))  # the actors stage overrules the tagger
    if any(e.label_ == "PERSON" and not _located(e) and not any(m.start < e.end_char and e.start_char < m.end for m in taken)
           for e in ents_in(doc, span.start_char, span.end_char)):
        return True, None
    toks = [t for t in span if not t.is_punct]
    if len(toks) == 1 and toks[0].pos_ == "PROPN":  # "Okafor said": a surname named before
        surname = toks[0].text
        return any(s.type == "named_person" and s.text.split(",")[0].split()[-1:] == [surname] for s in earlier), None
    titled = any(t.lower_ in source_words("titles") and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" for t in span)
    return titled, None


def _actor(a: Analysis, span: SpacySpan) -> str | None:
    """The actor the source is, not one named in a clause about it ("who spoke to the Frontier Ledger")."""
    aside = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in span if t.dep_ in ("relcl", "acl")]
    actor = next((m for m in a.mentions_in(span.start_char, span.end_char, ("actor",))
                  if not any(lo <= m.start < hi for lo, hi in aside)), None)
    return actor.entity if actor else None


def source_type(a: Analysis, doc: Doc, lo: int, hi: int, earlier: list[Source]) -> tuple[Kind, str | None]:
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
    if {t.lower_ for t in span} & source_words("media") or any(f" {p} " in lowered for p in source_words("media_phrases")) \
            or (entity is not None and entity.actor_type == "media" and _covers(a, actor, root.idx)):
        return "media", actor  # the outlet itself speaking; "Levant Ledger sources" are its anonymous sources
    is_person, person = _person_entity(a, doc, lo, hi, earlier)
    if is_person:
        return "named_person", person
    employer = next((t for t in span if t.lower_ == "at" and t.head.i == root.i), None)
    if head in source_words("people"):
        # "analysts at Obudu Ridge Capital" speak for their firm; "two officials" for no one named
        return ("named_organization", actor) if employer is not None and _names_organisation(a, employer) else ("anonymous", None)
    if heads & source_words("official") or any(f" {p} " in lowered for p in source_words("official") if " " in p):
        return "official_statement", actor
    if root.pos_ != "PROPN" and span[0].lower_ == "the" and root.tag_ == "NN" and head in source_words("organisation_anaphors"):
        return "named_organization", actor  # "the agency said": the organisation named before
    if root.pos_ == "PROPN" or root.is_upper and len(root) > 1 or (actor is not None and _covers(a, actor, root.idx)):
        return "named_organization", actor
    return "anonymous", None


def _names_organisation(a: Analysis, prep: Token) -> bool:
    lo, hi = prep.idx, prep.right_edge.idx + len(prep.right_edge)
    if a.mentions_in(lo, hi, ("actor",)):
        return True
    places = a.mentions_in(lo, hi, ("place",))
    return any(e.label_ == "ORG" and not any(m.start <= e.start_char < m.end for m in places)
               for e in ents_in(prep.doc, lo, hi))


def _covers(a: Analysis, entity: str, pos: int) -> bool:
    """Whether a mention of ``entity`` covers ``pos``: indexed once per set of mentions, since a
    scan of every mention per source made long texts quadratic."""
    cached = getattr(a, "_covers_key", None)
    if cached is None or cached[0] is not a.mentions or cached[1] != len(a.mentions):
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in a.mentions:
            spans.setdefault(m.entity, []).append((m.start, m.end))
        a._covers_index = {e: Intervals(s) for e, s in spans.items()}
        a._covers_key = (a.mentions, len(a.mentions))
    found = a._covers_index.get(entity)
    return found is not None and found.overlaps(pos, pos + 1)


def _one_person(doc: Doc, s: Source) -> bool:
    """Could "he" or "she" stand for this source? A named person, or one unnamed person."""
    if s.type == "named_person":
        return True
    span = doc.char_span(s.start, s.end, alignment_mode="expand") if s.start is not None and s.end is not None else None
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
