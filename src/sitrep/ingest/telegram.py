"""Telegram Desktop chat exports ("Export chat history", JSON): each message is a report.

The export is one ``result.json``: ``{"name", "type", "id", "messages": [...]}``. A message's
``text`` is a string or a list of plain strings and entity pieces (``{"type": "bold", "text":
...}``); the pieces are joined. Messages that only carry media (photos of an album after its
captioned one, stickers, voice notes) or a service action (channel created, pinned message)
have nothing to analyse and are skipped with a count on stderr. The export holds each
message's last edit; the first posting date is kept as published. A message link needs the
channel's public name, which the export does not hold unless a ``username`` key was added;
otherwise the link is the members' form ``https://t.me/c/<id>/<message>``.

Messages of one album share ``album`` (the document id of the album's first message): an
explicit ``grouped_id``/``media_group_id`` key when the export has one, else consecutive media
messages from the same sender at the same ``date_unixtime``. Links in a message's text to
messages of the same export (``t.me/c/<id>/<n>``, ``t.me/<username>/<n>``) are kept as those
messages' document ids in ``refers_to``.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterator

from ..model import Document
from .formats import describe
from .metadata import fill_metadata
from .readers import InputError, _check_text

log = logging.getLogger(__name__)
_USERNAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")


def read_export(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """One Document per message with text; a malformed export or message gets a one-line error."""
    try:
        export = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield InputError(origin, f"malformed Telegram export ({describe(exc)})")
        return
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        yield InputError(origin, "not a Telegram export: no 'messages' list at the top level")
        return
    channel = export.get("name") if isinstance(export.get("name"), str) else None
    base = _link_base(export)
    prefix = f"tg-{export.get('id', doc_id)}"
    skipped: Counter[str] = Counter()
    albums = _albums(export["messages"], prefix)
    links = _link_pattern(export)
    known = {m["id"] for m in export["messages"] if isinstance(m, dict) and "id" in m}
    for n, message in enumerate(export["messages"], 1):
        found = _message(message, f"{origin}:message {n}", channel, base, prefix)
        if isinstance(found, str):
            skipped[found] += 1
            continue
        if isinstance(found, Document):
            found.album = albums.get(found.id)
            found.refers_to = _refers_to(found.text, links, known, prefix, message["id"])
        yield found
    if skipped:
        log.warning(
            "%s: skipped %s", origin, ", ".join(f"{v} {k}" for k, v in sorted(skipped.items()))
        )


def _albums(messages: list, prefix: str) -> dict[str, str]:
    """Document id of each album message -> the document id of its album's first message."""
    groups: dict[object, list[int]] = {}
    last: tuple[object, object] | None = None
    for m in messages:
        if not isinstance(m, dict) or not isinstance(m.get("id"), int):
            last = None
            continue
        explicit = m.get("grouped_id", m.get("media_group_id"))
        if explicit is not None:
            groups.setdefault(("explicit", explicit), []).append(m["id"])
            last = None
            continue
        if m.get("type") != "message" or not _has_media(m) or m.get("date_unixtime") is None:
            last = None
            continue
        key = (m.get("from_id", m.get("from")), m.get("date_unixtime"))
        if key != last:  # only consecutive messages join one album
            groups[("run", m["id"])] = []
            current = ("run", m["id"])
        groups[current].append(m["id"])
        last = key
    return {
        f"{prefix}-{i}": f"{prefix}-{ids[0]}"
        for ids in groups.values()
        if len(ids) > 1
        for i in ids
    }


def _link_pattern(export: dict) -> re.Pattern[str] | None:
    """Links to a message of this export: the members' form and, with a username, the public."""
    forms = []
    if isinstance(export.get("id"), int):
        forms.append(rf"c/{export['id']}")
    username = export.get("username")
    if isinstance(username, str) and _USERNAME.fullmatch(username):
        forms.append(re.escape(username.lstrip("@")))
    if not forms:
        return None
    return re.compile(rf"\bt\.me/(?:{'|'.join(forms)})/(\d+)\b", re.I)


def _refers_to(
    text: str, links: re.Pattern[str] | None, known: set, prefix: str, own: int
) -> list[str] | None:
    """Document ids of the export's messages that the text links to, in order, once each."""
    if links is None:
        return None
    found = [int(m.group(1)) for m in links.finditer(text)]
    ids = list(dict.fromkeys(f"{prefix}-{n}" for n in found if n in known and n != own))
    return ids or None


def _link_base(export: dict) -> str | None:
    """``https://t.me/<name>`` when the export holds the public name, else the members' link."""
    username = export.get("username")
    if isinstance(username, str) and _USERNAME.fullmatch(username):
        return f"https://t.me/{username.lstrip('@')}"
    if "channel" in str(export.get("type", "")) and isinstance(export.get("id"), int):
        return f"https://t.me/c/{export['id']}"
    return None


def message_text(text: object) -> str | None:
    """The message's text with its entity pieces joined, or None when it is not text."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return None
    pieces = []
    for piece in text:
        if isinstance(piece, dict):
            piece = piece.get("text")
        if not isinstance(piece, str):
            return None
        pieces.append(piece)
    return "".join(pieces)


def _message(
    msg: object, where: str, channel: str | None, base: str | None, prefix: str
) -> Document | InputError | str:
    """The message's Document, an error, or the name of the reason it is skipped."""
    if not isinstance(msg, dict) or not isinstance(msg.get("id"), int):
        return InputError(where, "malformed message (expected an object with a numeric 'id')")
    if msg.get("type") == "service":
        return "service messages"
    text = message_text(msg.get("text", ""))
    if text is None:
        return InputError(where, "malformed message text (expected a string or a list of pieces)")
    if not text.strip():
        return "media-only messages" if _has_media(msg) else "empty messages"
    checked = _check_text(text, where)
    if isinstance(checked, InputError):
        return checked
    date = msg.get("date")
    published = date[:10] if isinstance(date, str) and re.match(r"\d{4}-\d\d-\d\d", date) else None
    forwarded = msg.get("forwarded_from")
    return fill_metadata(
        Document(
            id=f"{prefix}-{msg['id']}",
            text=checked,
            origin=where,
            outlet=channel,
            published=published,
            url=f"{base}/{msg['id']}" if base else None,
            forwarded_from=forwarded if isinstance(forwarded, str) else None,
        )
    )


def _has_media(msg: dict) -> bool:
    return any(
        k in msg
        for k in ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information")
    )
