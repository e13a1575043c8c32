"""Paragraph spans and duplicate detection over one document's text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from ..model import Duplicate, Span

# Passages shorter than this repeat by accident ("Reuters", a sign-off) and are not reported.
MIN_DUPLICATE_CHARS = 60
# Near-exact: a sentence or two reworded still scores above this (rapidfuzz ratio, 0-1).
MIN_SIMILARITY = 0.72
# Up to this many candidate paragraphs every pair is compared (at most ~2,000 rapidfuzz calls,
# a few milliseconds); past it MinHash LSH proposes the pairs. datasketch pulls in scipy
# (about 0.9 s of imports), so a short report never loads it.
PAIRWISE_MAX = 64
_WORD = re.compile(r"\w+")


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines as spans, trimmed of surrounding blanks; offsets index into text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return spans


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}


def find_duplicates(paras: list[Span]) -> list[Duplicate]:
    """Later paragraphs that repeat an earlier one, exactly or nearly.

    MinHash LSH proposes candidate pairs in near-linear time, so a long document is not
    compared pair by pair; rapidfuzz then measures each candidate's similarity.
    """
    candidates = [p for p in paras if len(p.text) >= MIN_DUPLICATE_CHARS]
    if len(candidates) < 2:
        return []
    proposals = _all_earlier if len(candidates) <= PAIRWISE_MAX else _lsh_earlier
    out: list[Duplicate] = []
    for i, earlier in proposals(candidates):
        para = candidates[i]
        best = None
        for j in earlier:
            score = fuzz.ratio(para.text, candidates[j].text) / 100
            if score >= MIN_SIMILARITY and (best is None or score > best[1]):
                best = (j, score)
        if best:
            out.append(
                Duplicate(span=para, duplicate_of=candidates[best[0]], similarity=round(best[1], 3))
            )
    return out


def _all_earlier(candidates: list[Span]) -> Iterator[tuple[int, list[int]]]:
    for i in range(len(candidates)):
        yield i, list(range(i))


def _lsh_earlier(candidates: list[Span]) -> Iterator[tuple[int, list[int]]]:
    """Each paragraph with the earlier ones MinHash LSH proposes, in near-linear time."""
    from datasketch import MinHash, MinHashLSH

    # One reworded sentence drops a paragraph's trigram Jaccard to about 0.5; at 0.4 the LSH bands
    # proposed such a pair only about two times in three, so propose generously and let rapidfuzz judge.
    lsh = MinHashLSH(threshold=0.2, num_perm=64)
    for i, para in enumerate(candidates):
        mh = MinHash(num_perm=64)
        mh.update_batch(list(_shingles(para.text)))
        yield i, sorted(int(k) for k in lsh.query(mh))
        lsh.insert(str(i), mh)
