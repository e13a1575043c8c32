"""PDF reports: the text layer in reading order, scanned pages through OCR.

pdfminer.six, not pypdf: pypdf's ``extract_text`` gives the content stream's order and its
layout mode pads with spaces, so two columns come out interleaved line by line. pdfminer's
layout analysis gives every printed line with its box and font size, which is what reading
order across columns, running headers and footers, and a title by font size need. It is
slower than pypdf (pure Python layout analysis, about 0.1 s a page), which is small beside
the analysis that follows. Scanned pages (no text layer) are rendered with pypdfium2 and
read by Tesseract (``ocr.py``).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median

from ..errors import SitrepError
from ..model import Document
from .formats import describe
from .layout import Pages, first_date, join_lines
from .metadata import fill_metadata
from .readers import InputError, _check_text

# Pages read from one PDF; a longer one is refused rather than tying up a batch for an hour.
MAX_PAGES = 2000
# Seconds the layout analysis of one PDF may take: pdfminer groups a page's text boxes in
# quadratic time, so a page of thousands of scattered glyphs (78 KB) ran for 20 minutes. The
# layout runs in a child process that is killed at the limit; 2,000 ordinary pages take ~200 s.
MAX_SECONDS = float(os.environ.get("SITREP_PDF_SECONDS", 300))
# Headers and footers live in this share of the page height at its top and bottom.
BAND = 0.1
# A narrower vertical gap than this (points) between line boxes is not a column gutter.
MIN_GUTTER = 6.0
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-\u2013\u2014\s]*(?:\d{1,4}|(?-i:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})))(?:\s*(?:of|/)\s*\d{1,4})?[-\u2013\u2014\s]*",
    re.I,
)
# pdfminer writes a glyph without a Unicode mapping as "(cid:13)": noise, not text.
_CID = re.compile(r"\(cid:\d+\)")
_END = (".", "!", "?", ":", "\u201d", '"')


@dataclass(frozen=True)
class Line:
    """One printed line: its box in PDF points (y grows upwards), text and font size."""

    x0: float
    x1: float
    bottom: float
    top: float
    text: str
    size: float


class Unreadable(SitrepError):
    """A PDF that cannot be read, with the one-line reason."""


def read_pdf(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """The PDF as one Document, its pages' character ranges in ``pages``."""
    try:
        doc = _read(data, origin, doc_id)
    except Unreadable as exc:
        doc = InputError(origin, str(exc))
    yield doc


def _read(data: bytes, origin: str, doc_id: str) -> Document | InputError:
    info, pages, scans = _timed_layout(data, MAX_SECONDS)
    from . import ocr

    texts, scanned = Pages(), []
    running = _running(pages)
    for n, (height, lines) in enumerate(pages):
        if n not in scans:
            kept = [ln for ln in lines if not _furniture(ln, height, running)]
            texts.add(_page_text(kept) if kept else "")
            continue
        page = ocr.pdf_page(data, n, origin)
        if isinstance(page, InputError):
            return page
        texts.add(page.text)
        scanned.append(page.confidence)
    text = _check_text(texts.text(), origin)
    if isinstance(text, InputError):
        return text
    first = pages[0][1] if pages else []
    doc = Document(
        id=doc_id,
        text=text,
        origin=origin,
        title=_title(info.get("Title"), first),
        published=first_date(text[:2000]) or _info_date(info.get("CreationDate")),
        pages=texts.ranges(),
        ocr_confidence=round(sum(scanned) / len(scanned), 3) if scanned else None,
    )
    return fill_metadata(doc)


Layout = tuple[dict[str, str | None], list[tuple[float, list[Line]]], set[int]]


def _plain_layout(data: bytes) -> Layout:
    """``_layout`` with its errors as Unreadable and the info's two keys as plain strings."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        info, pages, scans = _layout(data)
    except PDFPasswordIncorrect:
        raise Unreadable("encrypted PDF: it needs a password to open") from None
    except Unreadable:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged file; each means the same
        raise Unreadable(f"not a readable PDF ({describe(exc)})") from None
    return {k: _info_text(info, k) for k in ("Title", "CreationDate")}, pages, scans


def _child(conn, data: bytes) -> None:  # pragma: no cover - runs in the child process
    try:
        conn.send(("ok", _plain_layout(data)))
    except Unreadable as exc:
        conn.send(("error", str(exc)))
    except BaseException as exc:  # noqa: BLE001 - anything else is still one line to the parent
        conn.send(("error", f"not a readable PDF ({describe(exc)})"))
    finally:
        conn.close()


def _timed_layout(data: bytes, limit: float) -> Layout:
    """The layout read in a child process that is killed after ``limit`` seconds.

    forkserver: a fork of a fresh server process, not of this one (which may hold threads and
    a loaded model); the server starts once and has pdfminer imported already."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, data), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(limit):
            raise Unreadable(
                f"PDF layout took over the limit of {limit:g} s (set SITREP_PDF_SECONDS)"
            )
        status, value = parent.recv()
    except EOFError:
        raise Unreadable("the PDF reader stopped before it finished (out of memory?)") from None
    finally:
        parent.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status != "ok":
        raise Unreadable(value)
    return value


def _layout(data: bytes) -> tuple[dict[str, object], list[tuple[float, list[Line]]], set[int]]:
    """The document info; per page, its height and printed lines; the pages that are scans
    (images and no text), which only OCR can read."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTFigure, LTImage
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = document.info[0] if document.info else {}
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams(char_margin=1.5, line_margin=0.3))
    interpreter = PDFPageInterpreter(manager, device)
    pages, scans = [], set()
    for n, page in enumerate(PDFPage.create_pages(document)):
        if n >= MAX_PAGES:
            raise Unreadable(f"PDF of more than {MAX_PAGES} pages is over the limit")
        interpreter.process_page(page)
        layout = device.get_result()
        pages.append((layout.height, _lines(layout)))
        if not pages[-1][1] and any(isinstance(item, (LTFigure, LTImage)) for item in layout):
            scans.add(n)
    if not pages:
        raise Unreadable("PDF has no pages")
    return info, pages, scans


def _lines(layout) -> list[Line]:
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLineHorizontal

    out = []
    for box in layout:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            text = (
                _CID.sub("", line.get_text()).strip()
                if isinstance(line, LTTextLineHorizontal)
                else ""
            )
            if text:
                sizes = [c.size for c in line if isinstance(c, LTChar)]
                size = median(sizes) if sizes else 0.0
                out.append(Line(line.x0, line.x1, line.y0, line.y1, text, size))
    return out


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _in_band(line: Line, height: float) -> bool:
    return line.top > height * (1 - BAND) or line.bottom < height * BAND


def _running(pages: list[tuple[float, list[Line]]]) -> dict[str, float]:
    """Lines repeated at the top or bottom of at least half the pages (two at least), with
    their usual font size: a title in large type on page 1 that the header repeats stays."""
    if len(pages) < 2:
        return {}
    sizes: dict[str, list[float]] = {}
    for height, lines in pages:
        band = {_key(ln): ln.size for ln in lines if _in_band(ln, height)}
        for key, size in band.items():
            sizes.setdefault(key, []).append(size)
    return {k: median(v) for k, v in sizes.items() if len(v) >= max(2, len(pages) / 2)}


def _furniture(line: Line, height: float, running: dict[str, float]) -> bool:
    """A running header or footer, or a page number, at the top or bottom of the page."""
    if not _in_band(line, height):
        return False
    size = running.get(_key(line))
    if size is not None and abs(line.size - size) <= 0.15 * max(size, 1.0):
        return True
    return bool(_PAGE_NUMBER.fullmatch(line.text))


def _gutter(lines: list[Line]) -> float | None:
    """The x of the empty strip between two columns, if the page has two."""
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    width = right - left
    narrow = sorted((ln.x0, ln.x1) for ln in lines if ln.x1 - ln.x0 < 0.55 * width)
    reach, best = left, None
    for x0, x1 in narrow:
        gap_mid = (reach + x0) / 2
        if x0 - reach >= MIN_GUTTER and left + 0.25 * width < gap_mid < left + 0.75 * width:
            if best is None or x0 - reach > best[0]:
                best = (x0 - reach, gap_mid)
        reach = max(reach, x1)
    if best is None:
        return None
    sides = [sum(1 for ln in lines if ln.x1 <= best[1]), sum(1 for ln in lines if ln.x0 >= best[1])]
    return best[1] if min(sides) >= 3 else None


def _reading_order(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines in reading order: across the page, then left column, then right column."""
    gutter = _gutter(lines)
    ordered = sorted(lines, key=lambda ln: (-ln.top, ln.x0))
    if gutter is None:
        return [ordered]
    runs: list[list[Line]] = []
    cols: tuple[list[Line], list[Line]] = ([], [])
    for ln in ordered:
        if ln.x0 < gutter < ln.x1:
            runs.extend(c for c in cols if c)
            cols = ([], [])
            runs.append([ln])
        else:
            cols[ln.x0 >= gutter].append(ln)
    runs.extend(c for c in cols if c)
    return runs


def _breaks(prev: Line, line: Line, width: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` in the same column."""
    height = max(prev.top - prev.bottom, 1.0)
    gap = prev.bottom - line.top
    resized = abs(prev.size - line.size) > 0.15 * max(prev.size, 1.0)
    short_end = prev.text.endswith(_END) and prev.x1 - prev.x0 < 0.8 * width
    return gap > 0.7 * height or gap < -height or resized or short_end


def _page_text(lines: list[Line]) -> str:
    """The page as paragraphs, one per line of text, blank lines between them."""
    paragraphs = []
    for run in _reading_order(lines):
        width = max(ln.x1 for ln in run) - min(ln.x0 for ln in run)
        current = [run[0]]
        for prev, line in zip(run, run[1:], strict=False):
            if _breaks(prev, line, width):
                paragraphs.append(join_lines(ln.text for ln in current))
                current = []
            current.append(line)
        paragraphs.append(join_lines(ln.text for ln in current))
    return "\n\n".join(p for p in paragraphs if p)


def _info_text(info: dict[str, object], key: str) -> str | None:
    from pdfminer.utils import decode_text

    value = info.get(key)
    if isinstance(value, bytes):
        value = decode_text(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _title(title: str | None, first_page: list[Line]) -> str | None:
    """The metadata title, else the first page's line in the largest type when it stands out."""
    if title and not re.search(r"\.(docx?|pdf|indd)$|^untitled", title, re.I):
        return title
    if not first_page:
        return None
    body = median(ln.size for ln in first_page)
    big = max(first_page, key=lambda ln: (ln.size, ln.top))
    return big.text if big.size > 1.2 * body and len(big.text) <= 200 else None


def _info_date(created: str | None) -> str | None:
    """ISO date of the metadata's CreationDate ("D:20260304...")."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)", created or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
