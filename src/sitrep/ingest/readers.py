"""Input readers, one per kind of file; each yields Documents or InputErrors."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from ..errors import InputError
from ..model import Document
from .feeds import read_feed
from .formats import READERS, reader_for
from .metadata import fill_metadata


class RecordMeta(TypedDict, total=False):
    """What a JSON input record may carry besides ``id`` and ``text``, each a string."""

    title: str
    outlet: str
    published: str  # ISO date, the anchor for relative dates
    url: str


if TYPE_CHECKING:
    from trafilatura.settings import Document as Page

# The largest document analysed, in characters; bigger ones are refused with a clear error.
MAX_CHARS = int(os.environ.get("SITREP_MAX_CHARS", 2_000_000))
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUFFIXES = {
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".json",
    ".jsonl",
    ".ndjson",
    *FEED_SUFFIXES,
    *READERS,
}


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _check_text(text: object, origin: str) -> str | InputError:
    if not isinstance(text, str):
        return InputError(origin, "'text' must be a string")
    if not text.strip():
        return InputError(origin, "empty text")
    if len(text) > MAX_CHARS:
        return InputError(
            origin,
            f"text of {len(text):,} characters is over the limit of {MAX_CHARS:,} (set SITREP_MAX_CHARS)",
        )
    if "\x00" in text:
        return InputError(origin, "text contains NUL characters: binary data, not a report")
    return text


def _decode(data: bytes, origin: str, encoding: str) -> str | InputError:
    if b"\x00" in data[:8192] and encoding.lower().replace("-", "") not in ("utf16", "utf32"):
        return InputError(origin, "binary file (NUL bytes), not a text report")
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError) as exc:
        return InputError(
            origin,
            f"cannot decode as {encoding} ({exc.__class__.__name__} at byte {getattr(exc, 'start', '?')}); pass --encoding, e.g. cp1256",  # noqa: E501 - one literal
        )


def document_from_record(
    record: object, origin: str, fallback_id: str | None = None
) -> Document | InputError:
    """A Document from a JSON object with ``text`` and optional ``id``, ``published``, ``outlet``, ``title``, ``url``."""  # noqa: E501 - one literal
    if not isinstance(record, dict):
        return InputError(origin, "expected a JSON object with a 'text' field")
    if "text" not in record:
        return InputError(origin, "JSON object has no 'text' field")
    text = _check_text(record["text"], origin)
    if isinstance(text, InputError):
        return text
    meta = {k: record.get(k) for k in RecordMeta.__annotations__}
    for k, v in meta.items():
        if v is not None and not isinstance(v, str):
            return InputError(origin, f"'{k}' must be a string")
    doc_id = record.get("id", fallback_id)
    doc = Document(
        id=str(doc_id) if doc_id is not None else content_id(text), text=text, origin=origin, **meta
    )
    return fill_metadata(doc)


def read_text_input(
    text: str, origin: str, doc_id: str | None = None, html: bool = False
) -> Document | InputError:
    """A Document from raw text (or HTML, whose main text trafilatura pulls out)."""
    author = None
    if html:
        page, author = _html_text(text)
        if page is None:
            return InputError(origin, "no main text found in the HTML")
        text = page
    checked = _check_text(text, origin)
    if isinstance(checked, InputError):
        return checked
    return fill_metadata(
        Document(id=doc_id or content_id(checked), text=checked, origin=origin, byline=author)
    )


def _html_text(html: str) -> tuple[str | None, str | None]:
    """The page's main text and its author: trafilatura strips a byline element from the text
    as boilerplate, so the author comes from its metadata instead."""
    import trafilatura

    # Without as_dict=True, bare_extraction gives a Document (or None), never a dict.
    found = cast(
        "Page | None",
        trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            with_metadata=True,
        ),
    )
    if found is None or not found.text:
        return None, None
    return found.text, found.author or None


class JsonProblem(str):
    """Why a text is not usable JSON, as one line."""


def parse_json(text: str, with_line: bool = True) -> object:
    """The decoded value, or a :class:`JsonProblem`: malformed, or nested too deep to decode."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if with_line else f"column {exc.colno}"
        return JsonProblem(f"malformed JSON ({exc.msg.removesuffix(' at')} at {where})")
    except RecursionError:
        return JsonProblem("JSON nested too deep to read")


def _read_jsonl(
    lines: Iterator[tuple[int, str | InputError]], origin: str
) -> Iterator[Document | InputError]:
    """Documents from numbered JSON Lines; a line that could not be decoded arrives as an InputError."""
    for n, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        if len(line) > MAX_CHARS * 2:
            yield InputError(where, f"line of {len(line):,} characters is over the limit")
            continue
        record = parse_json(line, with_line=False)
        if isinstance(record, JsonProblem):
            yield InputError(where, str(record))
            continue
        yield document_from_record(record, where, fallback_id=f"{Path(origin).stem}-{n}")


def read_path(
    path: Path, encoding: str = "utf-8", skip: frozenset[Path] = frozenset()
) -> Iterator[Document | InputError]:
    """Documents from one file, or from every readable file under a folder (sorted, so runs repeat)."""
    origin = str(path)
    if path.is_dir():
        yield from _read_folder(path, encoding, skip)
        return
    if not path.exists():
        yield InputError(origin, "no such file")
        return
    if not path.is_file():  # a FIFO or device would block or never end
        yield InputError(
            origin, "not a regular file (a pipe, device or socket); pipe it to - instead"
        )
        return
    try:
        reader = reader_for(path)
        if reader is not None:  # PDF, images, Word, e-mail, Telegram export (formats.py)
            yield from reader(path)
        else:
            yield from _read_file(path, encoding)
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc.__class__.__name__}")


def _read_folder(
    folder: Path, encoding: str, skip: frozenset[Path]
) -> Iterator[Document | InputError]:
    """Every report file under ``folder``; a subfolder that cannot be listed is an error, not a silent gap."""
    unlisted: list[OSError] = []
    files = sorted(
        Path(root, name)
        for root, _, names in os.walk(folder, onerror=unlisted.append)
        for name in names
    )
    for exc in sorted(unlisted, key=lambda e: str(e.filename)):
        yield InputError(
            str(exc.filename), f"cannot read folder: {exc.strerror or exc.__class__.__name__}"
        )
    files = [p for p in files if p.suffix.lower() in SUFFIXES and p.resolve() not in skip]
    if not files and not unlisted:
        yield InputError(
            str(folder), f"folder holds no readable reports ({', '.join(sorted(SUFFIXES))})"
        )
    for f in files:
        yield from read_path(f, encoding, skip)


def _read_file(path: Path, encoding: str) -> Iterator[Document | InputError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl_file(path, encoding)
        return
    size = path.stat().st_size
    if size > MAX_CHARS * 4:
        yield InputError(
            origin,
            f"file of {size:,} bytes is over the limit of {MAX_CHARS * 4:,} bytes (set SITREP_MAX_CHARS)",
        )
        return
    text = _decode(path.read_bytes(), origin, encoding)
    if isinstance(text, InputError):
        yield text
        return
    if suffix == ".json":
        record = parse_json(text)
        if isinstance(record, JsonProblem):
            yield InputError(origin, str(record))
            return
        yield document_from_record(record, origin, fallback_id=path.stem)
        return
    if suffix in FEED_SUFFIXES:
        yield from read_feed(text, origin, path.stem, _check_text)
        return
    yield read_text_input(text, origin, doc_id=path.stem, html=suffix in (".html", ".htm"))


def _read_jsonl_file(path: Path, encoding: str) -> Iterator[Document | InputError]:
    """Stream a JSON Lines file line by line, so a huge corpus never sits in memory whole."""
    origin = str(path)
    with path.open("rb") as fh:
        numbered = ((n, _decode(raw, f"{origin}:{n}", encoding)) for n, raw in enumerate(fh, 1))
        yield from _read_jsonl(numbered, origin)


def read_inputs(
    inputs: list[str], encoding: str = "utf-8", skip: Iterable[Path] = ()
) -> Iterator[Document | InputError]:
    """Documents from every input in order; ``-`` reads stdin (JSON Lines when every line is a JSON object).

    Files in ``skip`` (the run's own output) are never read from a folder, lest a run read what it writes.
    """
    skipped = frozenset(p.resolve() for p in skip)
    for item in inputs:
        if item == "-":
            yield from _read_stdin(encoding)
        else:
            yield from read_path(Path(item), encoding, skipped)


def _read_stdin(encoding: str) -> Iterator[Document | InputError]:
    text = _decode(sys.stdin.buffer.read(), "<stdin>", encoding)
    if isinstance(text, InputError):
        yield text
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _read_jsonl(enumerate(text.splitlines(), 1), "<stdin>")
    else:
        yield read_text_input(text, "<stdin>")
