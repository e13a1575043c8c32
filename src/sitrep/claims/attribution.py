"""Find who a sentence attributes its content to: the cue, the source's words and the claim.

Works on the dependency parse: a speech verb ("said", "told", "denied") with a subject is a
cue; its clausal complement is the claim, before the verb ("..., local sources said") or after
it ("X said that ..."). Verbs that carry their claim as an object ("denied any involvement",
"has reported seizures") take the predicate itself. "According to X" names the source in a
phrase; the rest of the sentence is the claim. A quotation that began in an earlier sentence
('"A. B," said X') is claimed whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..lexicons import syntax
from ..nlp import text_of
from .cues import source_words, words

QUOTES = '"“”'
SUBJECTS = ("nsubj",)  # "it was reported that": a passive names no source
CLAUSES = ("ccomp", "xcomp")
MIN_CLAIM_CHARS = 8  # shorter "content" is a parser slip ("In March")
MAX_QUOTE_CHARS = 1500  # how far back a closing quote looks for its opening one (a long quotation)
TRIM = " \t\n,;:.–—-" + QUOTES
BULLET = re.compile(r"[•·▪*]\s*")
# A dateline or section label ending in a dash, or an upper-case label ending in a colon.
HEADER = re.compile(r"(?P<head>[^\n–—:]{1,70}?)\s+[–—]\s+|(?P<label>[A-Z][A-Z' .-]{2,40}):\s+")


@dataclass
class Attribution:
    """Character ranges of one attribution: cue words, source words, claimed content."""

    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[int, int]


def _end(tok: Token) -> int:
    return tok.idx + len(tok)


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, _end(tok.right_edge)


def _after_header(text: str, start: int, end: int) -> int:
    """Where a range that opens its line starts once a bullet and a dateline or section label
    are cut off ("AMMAN, 11 May 2023 – ", "SOUTHERN RED SEA – ", "• 9 Mar, near Jilib – ",
    "NIMROZ: "): those are the outlet's framing, neither the source nor the claim."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return start
    bullet = BULLET.match(text, start, end)
    start = bullet.end() if bullet else start
    m = HEADER.match(text, start, end)
    if m is None:
        return start
    head = m.group("head") or m.group("label")
    first = head.split()[0].strip(",.'’") if head.split() else ""
    framing = (
        any(ch.isdigit() for ch in head) or "(" in head or (len(first) > 1 and first.isupper())
    )
    return m.end() if framing else start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip a dateline, punctuation, quotes and a leading "that" from a range; keep brackets
    and quotations that the range opens closed."""
    start = _after_header(text, start, end)
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if text[start : start + 5] == "that ":
        return _trim(text, start + 5, end)
    inside = text[start:end]
    if inside.count("(") > inside.count(")") and text[end : end + 1] == ")":
        end += 1
    if sum(inside.count(q) for q in QUOTES) % 2 and text[end : end + 1] in QUOTES:
        end += 1
    return start, end


def _negated(verb: Token) -> bool:
    """ "did not comment", "did not give figures or say which group", "no group claimed the
    attack", "nobody has claimed it": no claim is made, and by no one."""
    for v in (verb, verb.head if verb.dep_ == "conj" else verb):
        if any(ch.dep_ == "neg" for ch in v.children):
            return True
        for subj in (ch for ch in v.children if ch.dep_ in SUBJECTS):
            if subj.lower_ in words("nobody") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in subj.children
            ):
                return True
    return False


def _reporting_passive(verb: Token) -> bool:
    """ "Gunmen believed to belong to", "a man said to be": the subject is talked about,
    not talking."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    has_aux = any(ch.dep_ in ("aux", "auxpass") for ch in verb.children)
    return (
        nxt is not None
        and nxt.lower_ == "to"
        and not has_aux
        and verb.lemma_.lower() in words("reporting_passive")
    )


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject, and whether it was reached through a relative pronoun ("X, who said")."""
    subjects = [ch for ch in verb.children if ch.dep_ in SUBJECTS]
    text = text_of(verb.doc)
    if text[: verb.idx].rstrip()[-1:] in QUOTES + ",":  # '"...," said X': the subject follows
        subjects.sort(key=lambda s: s.i < verb.i)
    subj = next(
        (s for s in subjects if s.lower_ not in words("relative")),
        subjects[0] if subjects else None,
    )
    if subj is None and verb.dep_ == "conj":
        return _subject(verb.head)  # "X said A and added B"
    if subj is not None and subj.lower_ in words("relative") and verb.dep_ == "relcl":
        return verb.head, True
    return subj, False


def _source_range(subj: Token, verb: Token) -> tuple[int, int]:
    """The subject's words, without a relative clause that holds the speech verb itself, and
    with phrases the parser hung on the verb before it ("A driver who would only be named
    as Abu Samir said")."""
    lo, hi = _subtree(subj)
    if verb.dep_ == "relcl" and verb.head.i == subj.i:
        hi = verb.idx if verb.idx > subj.idx else hi
    elif subj.i < verb.i:
        extra = [
            ch
            for ch in verb.lefts
            if ch.dep_ in (*SUBJECTS, "prep", "mark", "advmod")
            and ch.i > subj.i
            and not _bare_adverb(ch)
        ]
        hi = max([hi, *(_end(ch.right_edge) for ch in extra)])
    return lo, hi


def _bare_adverb(tok: Token) -> bool:
    """ "Police initially reported", "the division also reports": a lone adverb before the verb
    says when or how the source spoke, it is not part of who spoke."""
    return tok.dep_ == "advmod" and tok.pos_ == "ADV" and not list(tok.children)


def _quote_start(text: str, sent: SpacySpan, start: int, end: int) -> int:
    """Move the start back to the opening quote when the claim closes a quotation begun earlier."""
    closing = (
        end < len(text)
        and text[end : end + 2].lstrip(",. ")[:1] in QUOTES
        or text[end - 1 : end] in QUOTES
    )
    if not closing or any(ch in QUOTES for ch in text[sent.start_char : start]):
        return start
    para_start = max(text.rfind("\n", 0, start) + 1, start - MAX_QUOTE_CHARS)
    opening = max(text.rfind(q, para_start, start) for q in QUOTES)
    return opening + 1 if opening >= 0 else start


def _speaks(verb: Token) -> bool:
    """A speech verb, or one that states a figure ("put the toll at 5")."""
    lemma = verb.lemma_.lower()
    if lemma in words("speech_verbs"):
        return True
    return lemma in words("figure_verbs") and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in words("figure_nouns") for ch in verb.children
    )


def from_verb(sent: SpacySpan, verb: Token) -> Attribution | None:
    """A speech verb with a subject: the clause it reports, before or after it, is the claim."""
    if not _speaks(verb) or verb.pos_ not in ("VERB", "AUX") or _negated(verb):
        return None
    if verb.dep_ in ("acl", "amod") or _reporting_passive(
        verb
    ):  # "the claimed attack": no one speaks
        return None
    subj, relative = _subject(verb)
    if subj is None or subj.pos_ == "DET" or subj.lower_ in words("relative"):
        return None
    text = text_of(sent.doc)
    src = _source_range(subj, verb)
    found = _content(sent, verb, subj, src, relative)
    if found is None:
        return None
    lo, hi = found
    lo, hi = _trim(text, lo, hi)
    if hi - lo < MIN_CLAIM_CHARS:
        return None
    lo = _quote_start(text, sent, lo, hi)
    return Attribution((verb.idx, _end(verb)), _trim(text, *src), (lo, hi))


def _formal_nouns(verb: Token) -> list[Token]:
    """ "said in a statement", "announced in a communique": the written form the words took."""
    preps = [ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "in"]
    return [
        n
        for p in preps
        for n in p.children
        if n.dep_ == "pobj" and n.lemma_.lower() in source_words("statement")
    ]


def _predicate(verb: Token, relative: bool) -> tuple[int, int] | None:
    """ "denied any involvement", "put the toll at 5": the verb and what it governs."""
    if (
        relative
        or verb.lemma_.lower() in words("bare_speech")
        or not any(ch.dep_ in syntax()["predicate_parts"] for ch in verb.rights)
    ):
        return None
    return verb.idx, _end(verb.right_edge)


def _content(
    sent: SpacySpan, verb: Token, subj: Token, src: tuple[int, int], relative: bool
) -> tuple[int, int] | None:
    """The characters a speech verb reports: its clause, the quote before it, or its predicate."""
    text = text_of(sent.doc)
    clauses = [
        ch
        for ch in verb.children
        if ch.dep_ in CLAUSES
        and not (src[0] <= ch.idx < src[1])
        and (ch.dep_ == "ccomp" or ch.i > verb.i)
    ]
    clauses += [
        ch
        for n in _formal_nouns(verb)
        for ch in n.children
        if ch.dep_ in ("acl", "ccomp") and ch.i > n.i
    ]
    before = text[sent.start_char : src[0]].rstrip()
    if clauses:
        return min(_subtree(c)[0] for c in clauses), max(_subtree(c)[1] for c in clauses)
    if subj.i > verb.i and verb.i > sent.start:  # '"...," said X': the quote came first
        return sent.start_char, verb.idx
    if before.endswith(",") and subj.i < verb.i:  # "..., two officers told the wire"
        return sent.start_char, sent.start_char + len(before)
    return _predicate(verb, relative)


def from_according(sent: SpacySpan, tok: Token) -> Attribution | None:
    """ "According to X, ..." and "..., according to X." """
    if (
        tok.lower_ not in words("according")
        or tok.i + 1 >= len(tok.doc)
        or tok.doc[tok.i + 1].lower_ != "to"
    ):
        return None
    to = tok.doc[tok.i + 1]
    obj = next((ch for ch in to.children if ch.dep_ == "pobj"), None)
    if obj is None:
        return None
    text = text_of(sent.doc)
    src_lo, src_hi = _subtree(obj)
    head_words = [t for t in sent if t.i < tok.i and not (t.is_punct or t.is_space)]
    if not head_words:  # the phrase opens the sentence: the claim follows its comma
        comma = text.find(", ", _end(to), sent.end_char)
        if comma < 0:
            return None
        src_hi = min(src_hi, comma)
        lo, hi = comma + 1, sent.end_char
    else:
        lo, hi = sent.start_char, tok.idx
    lo, hi = _trim(text, lo, hi)
    if hi - lo < MIN_CLAIM_CHARS:
        return None
    return Attribution((tok.idx, _end(to)), _trim(text, src_lo, src_hi), (lo, hi))


def attributions(sent: SpacySpan) -> list[Attribution]:
    """Every attribution of one sentence, in text order."""
    found = [from_according(sent, t) or from_verb(sent, t) for t in sent]
    return [f for f in found if f is not None]
