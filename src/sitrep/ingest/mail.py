"""E-mail saved as .eml: the body is one report, each supported attachment another.

The standard library's ``email`` parses the message. Subject, sender and date are the
report's title, byline/outlet and published date; attachments are read by the reader of
their own type and point back at the message through ``attached_to``. An attachment's size
is judged from its encoded length before it is decoded, so a huge one costs no memory twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import PurePath
from typing import cast

from ..model import Document
from .feeds import html_to_text
from .metadata import fill_metadata
from .readers import InputError, _check_text

# Decoded bytes of one attachment; mail servers refuse larger messages anyway.
MAX_ATTACHMENT = 20_000_000
MAX_ATTACHMENTS = 50


def read_eml(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """The message body as a Document, then one per readable attachment (or an error for it)."""
    try:
        msg = message_from_bytes(data, policy=policy.default)
    except (ValueError, TypeError, IndexError) as exc:
        yield InputError(origin, f"not a readable e-mail ({exc.__class__.__name__})")
        return
    if not isinstance(msg, EmailMessage) or not (msg.get("From") or msg.get("Subject")):
        yield InputError(origin, "not an e-mail: no From or Subject header")
        return
    meta = _headers(msg)
    body = _body(msg)
    if body:
        text = _check_text(body, origin)
        if isinstance(text, InputError):
            yield text
        else:
            yield fill_metadata(
                Document(
                    id=doc_id,
                    text=text,
                    origin=origin,
                    title=meta["title"],
                    byline=meta["byline"],
                    outlet=meta["outlet"],
                    published=meta["published"],
                )
            )
    yield from _attachments(msg, origin, doc_id, meta)


def _headers(msg: EmailMessage) -> dict[str, str | None]:
    """Subject as title, the sender's name as byline, their domain as outlet, date as published."""
    name, address = parseaddr(str(msg.get("From", "")))
    domain = address.rpartition("@")[2] or None
    try:
        published = (
            parsedate_to_datetime(str(msg["Date"])).date().isoformat() if msg["Date"] else None
        )
    except (TypeError, ValueError, IndexError):
        published = None
    subject = " ".join(str(msg.get("Subject", "")).split())
    title = re.sub(r"^(?:(?:re|fwd?|aw|tr)\s*:\s*)+", "", subject, flags=re.I) or None
    return {
        "title": title,
        "byline": name.strip() or None,
        "outlet": domain,
        "published": published,
    }


def _body(msg: EmailMessage) -> str | None:
    """The plain-text body, else the HTML body's text."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return None
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        # decode=True gives a leaf part's bytes; typeshed also allows a Message
        content = cast("bytes", part.get_payload(decode=True)).decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    return content.strip() or None


def _attachments(
    msg: EmailMessage, origin: str, doc_id: str, meta: dict[str, str | None]
) -> Iterator[Document | InputError]:
    from .formats import SUFFIXES, read_bytes

    for n, part in enumerate(msg.iter_attachments()):
        name = PurePath(part.get_filename() or f"attachment-{n + 1}").name
        where = f"{origin}:{name}"
        if n >= MAX_ATTACHMENTS:
            yield InputError(
                origin, f"more than {MAX_ATTACHMENTS} attachments; the rest are not read"
            )
            return
        if PurePath(name).suffix.lower() not in SUFFIXES:
            continue
        encoded = len(str(part.get_payload()))
        if encoded * 3 // 4 > MAX_ATTACHMENT:
            yield InputError(
                where,
                f"attachment of about {encoded * 3 // 4:,} bytes is over the limit "
                f"of {MAX_ATTACHMENT:,}",
            )
            continue
        # decode=True gives bytes, or None for a multipart one; typeshed also allows a Message
        data = cast("bytes | None", part.get_payload(decode=True)) or b""
        for doc in read_bytes(data, where, f"{doc_id}/{name}"):
            if isinstance(doc, Document):
                doc.attached_to = doc_id
                doc.published = doc.published or meta["published"]
            yield doc
