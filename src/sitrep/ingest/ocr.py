"""Scanned pages and photographs of reports, read with Tesseract.

pytesseract drives Debian's ``tesseract`` program: it is maintained, needs no compiler (unlike
tesserocr, which builds against one Tesseract version) and its absence is a clear
``TesseractNotFoundError`` that becomes a one-line error saying how to install it. Words come
with Tesseract's own confidence; their mean is kept as the page's ``ocr_confidence``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document
from .formats import describe
from .layout import Pages, first_date, join_lines
from .metadata import fill_metadata
from .readers import InputError, _check_text

# Pixels in one image or page; Pillow's decompression-bomb guard is set to the same.
MAX_PIXELS = 60_000_000
# Pages read from one multi-page TIFF.
MAX_FRAMES = 200
# Scanned PDF pages are rendered at this resolution: Tesseract reads best at 300 dpi.
DPI = 300
LANGUAGE = "eng"
# Seconds Tesseract may take on one page or frame (a clean 300 dpi page takes 1-3 s; a page of
# noise or a huge photograph can take minutes): then it is killed and the file gets a one-line
# error, the batch going on. 0 means no limit.
MAX_SECONDS = float(os.environ.get("SITREP_OCR_SECONDS", 120))
INSTALL = (
    "OCR needs Tesseract, which is not installed: apt-get install tesseract-ocr tesseract-ocr-eng"
)


@dataclass(frozen=True)
class Page:
    text: str
    confidence: float


def recognise(image) -> Page | str:
    """The page's text as paragraphs and the mean word confidence (0-1), or why it failed."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(
            image.convert("L"),
            lang=LANGUAGE,
            output_type=pytesseract.Output.DICT,
            timeout=MAX_SECONDS,
        )
    except pytesseract.TesseractNotFoundError:
        return INSTALL
    except RuntimeError as exc:  # pytesseract's only sign of a timeout
        if "timeout" not in str(exc).lower():
            raise
        return f"OCR of a page took over the limit of {MAX_SECONDS:g} s (set SITREP_OCR_SECONDS)"
    except pytesseract.TesseractError as exc:
        return f"Tesseract failed: {' '.join(str(exc.message).split())[:160]}"
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        if word.strip():
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(word.strip())
            confidences.append(max(float(data["conf"][i]), 0.0))
    paragraphs: dict[tuple[int, int], list[str]] = {}
    for (block, par, _), words in lines.items():
        paragraphs.setdefault((block, par), []).append(" ".join(words))
    text = "\n\n".join(join_lines(p) for p in paragraphs.values())
    mean = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return Page(text, round(mean, 3))


def read_image(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    """An image (each frame of a multi-page TIFF a page) as one Document."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        frames = [
            frame.copy()
            for _, frame in zip(range(MAX_FRAMES), ImageSequence.Iterator(image), strict=False)
        ]
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        yield InputError(origin, f"not a readable image ({exc.__class__.__name__})")
        return
    except (OSError, ValueError, SyntaxError) as exc:
        yield InputError(origin, f"damaged image ({describe(exc)})")
        return
    yield _document(frames, origin, doc_id)


def _document(frames: list, origin: str, doc_id: str) -> Document | InputError:
    pages, confidences = Pages(), []
    for frame in frames:
        if frame.width * frame.height > MAX_PIXELS:
            return InputError(
                origin,
                f"image of {frame.width}x{frame.height} pixels is over the limit of {MAX_PIXELS:,}",
            )
        page = recognise(frame)
        if isinstance(page, str):
            return InputError(origin, page)
        pages.add(page.text)
        confidences.append(page.confidence)
    text = _check_text(pages.text(), origin)
    if isinstance(text, InputError):
        return InputError(origin, "OCR found no text in the image")
    doc = Document(
        id=doc_id,
        text=text,
        origin=origin,
        published=first_date(text[:2000]),
        pages=pages.ranges() if len(frames) > 1 else None,
        ocr_confidence=round(sum(confidences) / len(confidences), 3),
    )
    return fill_metadata(doc)


def pdf_page(data: bytes, index: int, origin: str) -> Page | InputError:
    """A PDF page without a text layer, rendered and read by Tesseract."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
        try:
            page = pdf[index]
            width, height = page.get_size()
            scale = min(DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            pdf.close()
    except pypdfium2.PdfiumError as exc:
        return InputError(origin, f"page {index + 1} cannot be rendered for OCR ({describe(exc)})")
    found = recognise(image)
    return InputError(origin, f"page {index + 1}: {found}") if isinstance(found, str) else found
