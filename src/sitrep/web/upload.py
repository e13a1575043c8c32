"""A report pasted or uploaded in the browser: checked, analysed with the pipeline, stored in the KB.

Uploads come from whoever can reach the app, so the size and type are checked before any
parsing, the bytes must be UTF-8, and only one analysis runs at a time (the pipeline is the
memory-hungry part of the app).
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from ..ingest import InputError
from ..ingest.formats import READERS, read_bytes
from ..ingest.readers import document_from_record, read_text_input
from ..model import Analysis, Document

MAX_BYTES = int(os.environ.get("SITREP_MAX_UPLOAD", 1_000_000))
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", **dict.fromkeys(READERS, "binary")}
# What browsers and HTTP clients send for those files; anything else is refused.
CONTENT_TYPES = {"text/plain", "text/html", "application/json", "application/octet-stream", ""}
# ... and for PDF, image, Word and e-mail files (the suffix decides which reader reads them).
BINARY_TYPES = CONTENT_TYPES | {"application/pdf", "image/png", "image/jpeg", "image/tiff", "message/rfc822",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_analysing = threading.Lock()


class Refused(ValueError):
    """An upload that is not accepted; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Upload:
    """What the form sent: pasted text or one file, and optional metadata."""

    text: str | None = None
    filename: str | None = None
    content_type: str | None = None
    data: bytes | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class BodyLimit:
    """Answers 413 to a report upload whose declared body is over the limit, before it is read."""

    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app, self.path = app, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == self.path:
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > MAX_BYTES + 64_000:  # room for the form's own fields
                from starlette.responses import JSONResponse

                await JSONResponse({"detail": f"the upload is over the limit of {MAX_BYTES:,} bytes"}, status_code=413)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def document(upload: Upload) -> Document:
    """The report as a Document, or Refused saying what is wrong with it."""
    if upload.data is not None and upload.filename:
        doc = _from_file(upload)
    elif upload.text and upload.text.strip():
        if len(upload.text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise Refused(413, f"the text is over the limit of {MAX_BYTES:,} bytes")
        doc = _checked(read_text_input(upload.text, "pasted text"))
    else:
        raise Refused(422, "paste the report's text or choose a file")
    for key in ("title", "outlet", "published"):
        value = getattr(upload, key)
        if value:
            setattr(doc, key, value)
    return doc


def _from_file(upload: Upload) -> Document:
    name = PurePath(upload.filename or "").name
    kind = SUFFIXES.get(PurePath(name).suffix.lower())
    if kind is None:
        raise Refused(415, f"{name}: only {', '.join(sorted(SUFFIXES))} files are accepted")
    allowed = BINARY_TYPES if kind == "binary" else CONTENT_TYPES
    if (upload.content_type or "").split(";")[0].strip().lower() not in allowed:
        raise Refused(415, f"{name}: content type {upload.content_type} is not one of a report's")
    data = upload.data or b""
    if len(data) > MAX_BYTES:
        raise Refused(413, f"{name}: the file is over the limit of {MAX_BYTES:,} bytes")
    if kind == "binary":  # PDF, image, Word, e-mail: the report is the file's first document
        found = read_bytes(data, name, PurePath(name).stem)
        return _checked(next(found, InputError(name, "the file holds no report")))
    if b"\x00" in data:
        raise Refused(415, f"{name}: binary data (NUL bytes), not a report")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise Refused(415, f"{name}: not UTF-8 (bad byte at {exc.start})") from None
    if kind != "json":
        return _checked(read_text_input(text, name, html=kind == "html"))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(422, f"{name}: malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    return _checked(document_from_record(record, name))


def _checked(doc: Document | InputError) -> Document:
    if isinstance(doc, InputError):
        raise Refused(422, str(doc))
    return doc


def analyse_and_store(factory: sessionmaker[Session], doc: Document) -> tuple[int, bool]:
    """(KB id of the report, whether it is new); a report already stored is not analysed again."""
    from ..kb.grading import regrade
    from ..kb.models import Document as Stored
    from ..kb.store import content_hash, store
    from ..pipeline import analyze
    from ..serialize import to_dict

    digest = content_hash(doc.text)
    with factory() as s:
        existing = s.scalar(select(Stored.id).where(Stored.content_hash == digest))
    if existing is not None:
        return existing, False
    with _analysing:
        result = next(analyze([doc]))
    if not isinstance(result, Analysis):
        raise Refused(422, str(result))
    with factory.begin() as s:
        stored = store(s, to_dict(result), origin=f"upload:{doc.origin}")
        if stored is None:  # stored by another request meanwhile
            return s.scalar(select(Stored.id).where(Stored.content_hash == digest)), False
        regrade(s)
        return stored.id, True
