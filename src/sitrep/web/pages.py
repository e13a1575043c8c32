"""The offline pages: one shared layout (``pages/_layout.html``), each page's own parts in its file.

A page file holds a ``<!-- title: ... -->`` line and ``<!-- head -->``, ``<!-- main -->`` and
``<!-- scripts -->`` sections; ``<!-- filters -->`` in a page's main part stands for the shared
event filters (``pages/_filters.html``). Pages are static: nothing from a report is ever put in
them here; the scripts fill them in as text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
_TITLE = re.compile(r"<!-- title: (.+?) -->\n")
_SECTION = re.compile(r"<!-- (head|main|scripts) -->\n")


@cache
def render(name: str) -> str:
    text = (PAGES / f"{name}.html").read_text("utf-8")
    title = _TITLE.match(text)
    if title is None:
        raise ValueError(f"pages/{name}.html has no '<!-- title: ... -->' first line")
    pieces = _SECTION.split(text[title.end() :])[1:]
    parts = dict(zip(pieces[::2], pieces[1::2], strict=False))
    main = parts.get("main", "").replace(
        "<!-- filters -->\n", (PAGES / "_filters.html").read_text("utf-8")
    )
    layout = (PAGES / "_layout.html").read_text("utf-8")
    for key, value in (
        ("{title}", title.group(1)),
        ("{head}", parts.get("head", "").strip()),
        ("{main}", main.strip()),
        ("{scripts}", parts.get("scripts", "").strip()),
    ):
        layout = layout.replace(key, value)
    return layout
