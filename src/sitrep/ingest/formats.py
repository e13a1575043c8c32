"""Which reader takes a PDF, image, Word, e-mail or Telegram file, and the size each may be.

Readers here work on bytes, so a file on disk, an e-mail attachment and a browser upload go
through the same code. Their modules are imported only when such a file turns up: pdfminer,
Pillow and python-docx stay out of ``sitrep --help`` and of plain-text runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document
    from .readers import InputError

    Reader = Callable[[bytes, str, str], Iterator[Document | InputError]]

# suffix -> (module, function) of its reader.
READERS = {
    ".pdf": ("pdf", "read_pdf"),
    ".png": ("ocr", "read_image"),
    ".jpg": ("ocr", "read_image"),
    ".jpeg": ("ocr", "read_image"),
    ".tif": ("ocr", "read_image"),
    ".tiff": ("ocr", "read_image"),
    ".docx": ("docx", "read_docx"),
    ".eml": ("mail", "read_eml"),
}
SUFFIXES = frozenset(READERS) | {".txt", ".text", ".md", ".html", ".htm"}
# Largest file each reader is given, in bytes (the README's limits table quotes these).
MAX_BYTES = {
    "pdf": 100_000_000,
    "ocr": 50_000_000,
    "docx": 50_000_000,
    "mail": 100_000_000,
    "telegram": 200_000_000,
}
# Telegram Desktop's export starts {"name": ..., "type": "..._channel", "id": ..., "messages".
_TELEGRAM_HEAD = re.compile(
    rb'"type"\s*:\s*"(?:public|private)_(?:channel|supergroup|group)|"personal_chat"'
)


def describe(exc: BaseException) -> str:
    """An exception as a short single line, for the one-line error of a file that failed."""
    message = " ".join(str(exc).split())[:120]
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__


def _reader(module: str, function: str) -> Reader:
    return getattr(import_module(f"{__package__}.{module}"), function)


def read_bytes(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """Documents from a file's bytes, chosen by the suffix of ``origin`` (an attachment's name)."""
    from .readers import InputError, read_text_input

    suffix = Path(origin).suffix.lower()
    if suffix in READERS:
        module, function = READERS[suffix]
        if len(data) > MAX_BYTES[module]:
            yield InputError(
                origin, f"file of {len(data):,} bytes is over the limit of {MAX_BYTES[module]:,}"
            )
            return
        yield from _reader(module, function)(data, origin, doc_id)
        return
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        yield InputError(origin, f"not UTF-8 (bad byte at {exc.start})")
        return
    yield read_text_input(text, origin, doc_id, html=suffix in (".html", ".htm"))


def is_telegram_export(path: Path) -> bool:
    """Whether a .json file is a Telegram Desktop chat export (judged from its first 4 KB)."""
    with path.open("rb") as fh:
        return is_telegram_head(fh.read(4096))


def is_telegram_head(head: bytes) -> bool:
    """Whether the first 4 KB of a JSON file are those of a Telegram Desktop chat export."""
    return b'"messages"' in head and bool(_TELEGRAM_HEAD.search(head))


def reader_for(path: Path) -> Callable[[Path], Iterator[Document | InputError]] | None:
    """The reader of a file that is not plain text, HTML, JSON or a feed; None for those."""
    suffix = path.suffix.lower()
    if suffix in READERS:
        return lambda p: _from_file(p, *READERS[suffix])
    if suffix == ".json" and is_telegram_export(path):
        return lambda p: _from_file(p, "telegram", "read_export")
    return None


def _from_file(path: Path, module: str, function: str) -> Iterator[Document | InputError]:
    from .readers import InputError

    size = path.stat().st_size
    if size > MAX_BYTES[module]:
        yield InputError(
            str(path), f"file of {size:,} bytes is over the limit of {MAX_BYTES[module]:,}"
        )
        return
    yield from _reader(module, function)(path.read_bytes(), str(path), path.stem)
