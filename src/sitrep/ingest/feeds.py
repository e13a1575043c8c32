"""RSS 2.0 and Atom feeds saved on disk: one Document per item.

Feeds carry the metadata wire copy hides in lead-ins (title, link, date, the channel as
outlet), so it is taken from the feed. The stdlib XML parser is enough, and expat refuses
entity-expansion bombs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from ..errors import InputError
from ..model import Document
from .metadata import fill_metadata

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


class _Text(HTMLParser):
    """Text of an HTML fragment, block elements on lines of their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _iso_date(value: str | None) -> str | None:
    """ISO date from RFC 822 (RSS pubDate) or ISO 8601 (Atom published/updated)."""
    if not value:
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _text(el: ET.Element | None) -> str | None:
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def _rss_items(root: ET.Element) -> Iterator[tuple[dict[str, str | None], str | None]]:
    channel = root.find("channel")
    outlet = _text(channel.find("title")) if channel is not None else None
    for item in root.iter("item"):
        body = _text(item.find(CONTENT)) or _text(item.find("description"))
        yield (
            {
                "title": _text(item.find("title")),
                "url": _text(item.find("link")),
                "outlet": outlet,
                "published": _iso_date(_text(item.find("pubDate"))),
                "id": _text(item.find("guid")),
            },
            body,
        )


def _atom_entries(root: ET.Element) -> Iterator[tuple[dict[str, str | None], str | None]]:
    outlet = _text(root.find(f"{ATOM}title"))
    for entry in root.iter(f"{ATOM}entry"):
        link = next(
            (
                ln.get("href")
                for ln in entry.findall(f"{ATOM}link")
                if ln.get("rel") in (None, "alternate")
            ),
            None,
        )
        body = _text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))
        yield (
            {
                "title": _text(entry.find(f"{ATOM}title")),
                "url": link,
                "outlet": outlet,
                "id": _text(entry.find(f"{ATOM}id")),
                "published": _iso_date(
                    _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
                ),
            },
            body,
        )


def read_feed(
    text: str, origin: str, stem: str, check: Callable[[str, str], str | InputError]
) -> Iterator[Document | InputError]:
    """Documents from a feed's items (title, then body); ``check`` vets each text as the other readers do."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        yield InputError(origin, f"malformed XML ({exc})")
        return
    if root.tag == "rss" or root.find("channel") is not None:
        items = _rss_items(root)
    elif root.tag == f"{ATOM}feed":
        items = _atom_entries(root)
    else:
        yield InputError(origin, f"not an RSS or Atom feed (root element {root.tag!r})")
        return
    for n, (meta, body) in enumerate(items, 1):
        where = f"{origin}:item {n}"
        content = "\n".join(p for p in (meta["title"], html_to_text(body) if body else None) if p)
        checked = check(content, where)
        if isinstance(checked, InputError):
            yield checked
            continue
        doc_id = meta.pop("id") or f"{stem}-{n}"
        yield fill_metadata(
            Document(
                id=doc_id,
                text=checked,
                origin=where,
                title=meta["title"],
                url=meta["url"],
                outlet=meta["outlet"],
                published=meta["published"],
            )
        )
