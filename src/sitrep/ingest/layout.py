"""Lines of a laid-out page (PDF text layer or OCR) joined back into running text.

Both PDF and OCR give one string per printed line. The pipeline starts a sentence at every
line break, so a paragraph's lines must become one line again, and a word split by a
hyphen at the end of a printed line must become one word again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from ..lexicons import month_number

# "report-" + "ed" at a line end: the hyphen goes when the joined word is a known word, or
# when the halves are not words of their own ("reinfor-" + "cements"); "cease-" + "fire" stays.
_SPLIT = re.compile(r"(\w+)[-\u00ad\u2010]$")
_NEXT_WORD = re.compile(r"^([a-z]\w*)")
_DATE_NUMERIC = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DATE_WORDS = re.compile(
    r"\b(?:(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})|([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4}))\b"
)


# Zipf frequency from which a string counts as an English word: "reinforcements" is 3.5,
# "wellknown" 1.6, the fragment "ments" 2.0 (wordfreq's scale; set on those examples).
WORD_ZIPF = 2.5


def _known(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= WORD_ZIPF


def join_pair(left: str, right: str) -> str:
    """Two printed lines as one: a line-end hyphen dropped when it only split a word."""
    left, right = left.rstrip(), right.lstrip()
    if left.endswith("\u00ad"):
        return left[:-1] + right
    split, nxt = _SPLIT.search(left), _NEXT_WORD.match(right)
    if split and nxt:
        head, tail = split.group(1), nxt.group(1)
        whole = head + tail
        if _known(whole) or not (_known(head) and _known(tail)):
            return left[:-1] + right
        return left + right
    return f"{left} {right}" if left and right else left or right


def join_lines(lines: Iterable[str]) -> str:
    """A paragraph's printed lines as one line of text."""
    out = ""
    for line in lines:
        out = join_pair(out, line) if out else line.strip()
    return " ".join(out.split())


@dataclass
class Pages:
    """Page texts joined into one text, each page's character range kept (``page`` from 1)."""

    texts: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.texts.append(text.strip())

    def text(self) -> str:
        return "\n\n".join(t for t in self.texts if t)

    def ranges(self) -> list[dict[str, int]]:
        """[{page, start, end}] with ``text()[start:end]`` the page's text; empty pages left out."""
        out, pos = [], 0
        for n, t in enumerate(self.texts, 1):
            if t:
                out.append({"page": n, "start": pos, "end": pos + len(t)})
                pos += len(t) + 2
        return out


def first_date(text: str) -> str | None:
    """The first ISO date written in the text ("4 March 2026", "March 4, 2026", "2026-03-04")."""
    from datetime import date

    found = []
    m = _DATE_NUMERIC.search(text)
    if m:
        found.append((m.start(), m.group(1), m.group(2), m.group(3)))
    for m in _DATE_WORDS.finditer(text):
        day, month, year = m.group(1, 2, 3) if m.group(1) else m.group(5, 4, 6)
        number = month_number(month)
        if number:
            found.append((m.start(), year, number, day))
            break
    for _, y, mo, d in sorted(found):
        try:
            return date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None
