"""Word reports (.docx) with python-docx: paragraphs and tables in body order, a heading as title.

A .docx is a zip archive, and a zip can expand a few kilobytes into gigabytes, so the
archive's declared sizes are checked before python-docx opens any part of it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..model import Document
from .formats import describe
from .layout import first_date
from .metadata import fill_metadata
from .readers import InputError, _check_text

# Uncompressed bytes of all parts together; a long report with images stays far below.
MAX_UNPACKED = 200_000_000
# Expansion of any one part: text compresses about 10:1, a zip bomb 1000:1 or more.
MAX_RATIO = 100
MAX_PARTS = 5_000
_TITLE_STYLES = ("title", "heading 1")


def zip_problem(data: bytes) -> str | None:
    """Why the archive must not be opened (damaged, too many parts, expands too far), or None."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        return f"not a readable .docx (damaged zip archive: {describe(exc)})"
    if len(parts) > MAX_PARTS:
        return f"archive of {len(parts):,} parts is over the limit of {MAX_PARTS:,}"
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED:
        return (
            f"archive expands to {total:,} bytes, over the limit of {MAX_UNPACKED:,} (a zip bomb?)"
        )
    for p in parts:
        if p.file_size > 1_000_000 and p.file_size > MAX_RATIO * max(p.compress_size, 1):
            ratio = p.file_size // max(p.compress_size, 1)
            return f"part {p.filename} expands {ratio:,} times (a zip bomb?)"
    return None


def read_docx(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """The Word file as one Document; the first Title or Heading 1 paragraph is its title."""
    problem = zip_problem(data)
    if problem:
        yield InputError(origin, problem)
        return
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
        blocks, title = _blocks(word)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        yield InputError(origin, f"not a readable .docx ({describe(exc)})")
        return
    text = _check_text("\n\n".join(blocks), origin)
    if isinstance(text, InputError):
        yield text
        return
    core = word.core_properties
    published = core.created.date().isoformat() if core.created else None
    yield fill_metadata(
        Document(
            id=doc_id,
            text=text,
            origin=origin,
            title=title or core.title or None,
            byline=core.author or None,
            published=first_date(text[:2000]) or published,
        )
    )


def _blocks(word) -> tuple[list[str], str | None]:
    """Non-empty paragraphs and table rows in body order, and the first heading's text."""
    from docx.table import Table

    blocks: list[str] = []
    title: str | None = None
    for item in word.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(" | ".join(c.text.strip() for c in row.cells) for row in item.rows)
            continue
        text = " ".join(item.text.split())
        if not text:
            continue
        style = (item.style.name if item.style is not None else "").lower()
        if title is None and style in _TITLE_STYLES:
            title = text
        blocks.append(text)
    return blocks, title
