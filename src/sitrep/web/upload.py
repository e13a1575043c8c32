"""A report pasted or uploaded in the browser: checked, analysed with the pipeline, stored in the KB.

Uploads come from whoever can reach the app, so the size and type are checked before any
parsing (while the body streams in), the bytes must be UTF-8, and the analysis runs on the
jobs worker, one at a time (the pipeline is the memory-hungry part of the app).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import UsageError
from ..ingest import InputError
from ..ingest.formats import READERS, is_telegram_head, read_bytes
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
    ".zip": "zip",
    **dict.fromkeys(READERS, "binary"),
}
MAX_DOCUMENTS = 1000  # reports taken from one upload (a Telegram export's messages)
# What browsers and HTTP clients send for those files; anything else is refused.
CONTENT_TYPES = {"text/plain", "text/html", "application/json", "application/octet-stream", ""}
# ... and for PDF, image, Word and e-mail files (the suffix decides which reader reads them).
BINARY_TYPES = CONTENT_TYPES | {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "message/rfc822",
    "application/zip",
    "application/x-zip-compressed",
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


@dataclass
class Bundle:
    """The reports of one upload: an e-mail and its attachments, a Telegram export's messages.

    Only the plain Documents in it are analysed, so the bundle itself never reaches the output
    JSON; ``errors`` are the one-line errors of the parts that could not be read.
    """

    documents: list[Document]
    errors: list[str] = field(default_factory=list)


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


def document(upload: Upload) -> Bundle:
    """The upload's reports as a Bundle, or Refused saying what is wrong with it."""
    if upload.data is not None and upload.filename:
        bundle = _from_file(upload)
    elif upload.text and upload.text.strip():
        if len(upload.text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise Refused(413, f"the text is over the limit of {MAX_BYTES:,} bytes")
        bundle = Bundle([_checked(read_text_input(upload.text, "pasted text"))])
    else:
        raise Refused(422, "paste the report's text or choose a file")
    first = bundle.documents[0]
    first.title = upload.title or first.title
    for doc in bundle.documents:  # the form's outlet and date hold for every report of the file
        doc.outlet = upload.outlet or doc.outlet
        doc.published = upload.published or doc.published
    return bundle


def _from_file(upload: Upload) -> Bundle:
    name = PurePath(upload.filename or "").name
    kind = SUFFIXES.get(PurePath(name).suffix.lower())
    if kind is None:
        raise Refused(415, f"{name}: only {', '.join(sorted(SUFFIXES))} files are accepted")
    allowed = BINARY_TYPES if kind in ("binary", "zip") else CONTENT_TYPES
    if (upload.content_type or "").split(";")[0].strip().lower() not in allowed:
        raise Refused(415, f"{name}: content type {upload.content_type} is not one of a report's")
    data = upload.data or b""
    if len(data) > MAX_BYTES:
        raise Refused(413, f"{name}: the file is over the limit of {MAX_BYTES:,} bytes")
    if kind == "binary":  # PDF, image, Word, e-mail (with its attachments)
        return _bundled(read_bytes(data, name, PurePath(name).stem), name)
    if kind == "zip":  # a Telegram Desktop export folder, zipped
        return _bundled(_telegram(_export_in_zip(data, name), name), name)
    if b"\x00" in data:
        raise Refused(415, f"{name}: binary data (NUL bytes), not a report")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise Refused(415, f"{name}: not UTF-8 (bad byte at {exc.start})") from None
    if kind != "json":
        return Bundle([_checked(read_text_input(text, name, html=kind == "html"))])
    if is_telegram_head(data[:4096]):
        return _bundled(_telegram(data, name), name)
    record = parse_json(text)
    if isinstance(record, JsonProblem):
        raise Refused(422, f"{name}: {record}")
    return Bundle([_checked(document_from_record(record, name))])


def _bundled(found: Iterable[Document | InputError], name: str) -> Bundle:
    """The readable reports of a file; Refused when it holds none."""
    bundle = Bundle([])
    for doc in found:
        if len(bundle.documents) >= MAX_DOCUMENTS:
            bundle.errors.append(
                f"{name}: more than {MAX_DOCUMENTS:,} reports; the rest are not read"
            )
            break
        if isinstance(doc, InputError):
            bundle.errors.append(str(doc))
        else:
            bundle.documents.append(doc)
    if not bundle.documents:
        raise Refused(
            422, bundle.errors[0] if bundle.errors else f"{name}: the file holds no report"
        )
    return bundle


def _telegram(data: bytes, name: str) -> Iterator[Document | InputError]:
    from ..ingest.telegram import read_export

    return read_export(data, name, PurePath(name).stem)


def _export_in_zip(data: bytes, name: str) -> bytes:
    """The shallowest result.json of a zipped Telegram export, after the zip-bomb checks."""
    from ..ingest.docx import zip_problem

    problem = zip_problem(data)
    if problem:
        raise Refused(422, f"{name}: {problem.replace('.docx', '.zip')}")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        found = [
            p
            for p in archive.infolist()
            if PurePath(p.filename).name == "result.json" and not p.is_dir()
        ]
        if not found:
            raise Refused(422, f"{name}: no result.json of a Telegram export in the archive")
        part = min(found, key=lambda p: (p.filename.count("/"), p.filename))
        if part.file_size > MAX_BYTES:
            raise Refused(413, f"{name}: {part.filename} is over the limit of {MAX_BYTES:,} bytes")
        return archive.read(part)


def _checked(doc: Document | InputError) -> Document:
    if isinstance(doc, InputError):
        raise Refused(422, str(doc))
    return doc


def stored_id(factory: sessionmaker[Session], doc: Document | Bundle) -> int | None:
    """The KB id of a report with this text, if one is stored already; for a bundle, its first
    report's id when every report of it is stored, else None."""
    from ..kb.models import Document as Stored
    from ..kb.store import content_hash

    docs = doc.documents if isinstance(doc, Bundle) else [doc]
    ids = []
    with factory() as s:
        for d in docs:
            found = s.scalar(select(Stored.id).where(Stored.content_hash == content_hash(d.text)))
            if found is None:
                return None
            ids.append(found)
    return ids[0] if ids else None


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
