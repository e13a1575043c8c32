"""A report pasted or uploaded in the browser: checked, analysed with the pipeline, stored in the KB.

Uploads come from whoever can reach the app, so the size and type are checked before any
parsing (while the body streams in), the bytes must be UTF-8, and the analysis runs on the
jobs worker, one at a time (the pipeline is the memory-hungry part of the app).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import UsageError
from ..ingest import InputError
from ..ingest.formats import READERS, read_bytes
from ..ingest.readers import JsonProblem, document_from_record, parse_json, read_text_input
from ..model import Analysis, Document

MAX_BYTES = int(os.environ.get("SITREP_MAX_UPLOAD", 1_000_000))
BODY_LIMIT = MAX_BYTES + 64_000  # the whole request body: room for the form's own fields
TOO_LARGE = f"the upload is over the limit of {MAX_BYTES:,} bytes"
SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    **dict.fromkeys(READERS, "binary"),
}
# What browsers and HTTP clients send for those files; anything else is refused.
CONTENT_TYPES = {"text/plain", "text/html", "application/json", "application/octet-stream", ""}
# ... and for PDF, image, Word and e-mail files (the suffix decides which reader reads them).
BINARY_TYPES = CONTENT_TYPES | {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "message/rfc822",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class Refused(UsageError):
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
    """Answers 413 to a report upload over the limit: at once when its declared length is over,
    and as soon as the bytes read pass it when it declares none (chunked transfer encoding)."""

    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app, self.path = app, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > BODY_LIMIT):
            await _too_large(scope, receive, send)
            return
        seen, started = 0, False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > BODY_LIMIT:
                raise HTTPException(
                    413, TOO_LARGE
                )  # FastAPI passes it on; the body is read no further
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except HTTPException as exc:
            if exc.status_code != 413 or started:
                raise
            await _too_large(scope, receive, send)


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    from starlette.responses import JSONResponse

    await JSONResponse({"detail": TOO_LARGE}, status_code=413)(scope, receive, send)


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
    record = parse_json(text)
    if isinstance(record, JsonProblem):
        raise Refused(422, f"{name}: {record}")
    return _checked(document_from_record(record, name))


def _checked(doc: Document | InputError) -> Document:
    if isinstance(doc, InputError):
        raise Refused(422, str(doc))
    return doc


def stored_id(factory: sessionmaker[Session], doc: Document) -> int | None:
    """The KB id of a report with this text, if one is stored already."""
    from ..kb.models import Document as Stored
    from ..kb.store import content_hash

    with factory() as s:
        return s.scalar(select(Stored.id).where(Stored.content_hash == content_hash(doc.text)))


def analyse_and_store(factory: sessionmaker[Session], doc: Document) -> tuple[int, bool]:
    """(KB id of the report, whether it is new); a report already stored is not analysed again.

    Runs on the jobs worker (``sitrep.web.jobs``), never on a request.
    """
    from ..kb.db import write
    from ..kb.grading import regrade
    from ..kb.store import store
    from ..pipeline import analyze
    from ..serialize import to_dict

    existing = stored_id(factory, doc)
    if existing is not None:
        return existing, False
    result = next(analyze([doc]))
    if not isinstance(result, Analysis):
        raise Refused(422, str(result))
    data = to_dict(result)

    def save(s: Session) -> tuple[int, bool] | None:
        stored = store(s, data, origin=f"upload:{doc.origin}")
        if stored is None:  # stored by another writer meanwhile
            return None
        regrade(s)
        return stored.id, True

    saved = write(factory, save)
    return saved if saved is not None else (stored_id(factory, doc) or 0, False)
