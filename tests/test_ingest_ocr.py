"""Scans and images read by Tesseract: words recovered, confidence kept, clear error without it."""

from __future__ import annotations

import difflib
import io
import shutil
import time

import pytest
from ingest_files import analysed, place_names, read, scanned_page, scanned_pdf

from sitrep.ingest import InputError, read_inputs
from sitrep.model import Document

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed (.ci/run installs it)"
)


def word_recall(expected: str, found: str) -> float:
    """Share of the expected words that OCR gave back, in order (word-level diff)."""
    want, got = expected.lower().split(), found.lower().split()
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


@needs_tesseract
def test_a_scanned_page_gives_back_at_least_95_percent_of_its_words():
    png, text = scanned_page()
    [doc] = read(png, "scan.png")
    assert isinstance(doc, Document), doc
    assert word_recall(text, doc.text) >= 0.95, doc.text
    assert 0.5 < doc.ocr_confidence <= 1.0
    assert len(doc.text.split("\n\n")) == 3  # Tesseract's paragraphs kept


@needs_tesseract
def test_a_pdf_without_a_text_layer_goes_through_ocr_with_its_page_range():
    pdf, text = scanned_pdf()
    [doc] = read(pdf, "scanned.pdf")
    assert isinstance(doc, Document), doc
    assert word_recall(text, doc.text) >= 0.95
    assert doc.pages == [{"page": 1, "start": 0, "end": len(doc.text)}]
    assert doc.ocr_confidence is not None
    data = analysed(doc)
    assert "Kandahar" in place_names(data)
    assert data["document"]["ocr_confidence"] == doc.ocr_confidence


@needs_tesseract
def test_each_frame_of_a_multipage_tiff_is_a_page():
    from PIL import Image

    png, _ = scanned_page()
    page = Image.open(io.BytesIO(png))
    out = io.BytesIO()
    page.save(out, format="TIFF", save_all=True, append_images=[page.copy()])
    [doc] = read(out.getvalue(), "two.tif")
    assert [p["page"] for p in doc.pages] == [1, 2]
    first, second = (doc.text[p["start"] : p["end"]] for p in doc.pages)
    assert first == second and first.startswith("Militants")


def test_without_tesseract_a_one_line_error_says_how_to_install_it(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    (tmp_path / "a.png").write_bytes(scanned_page(dpi=72)[0])
    (tmp_path / "b.txt").write_text("Shelling hit the market in Mosul on Friday.\n")
    first, second = read_inputs([str(tmp_path)])
    assert isinstance(first, InputError) and first.origin.endswith("a.png")
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in first.problem and "\n" not in str(
        first
    )
    assert isinstance(second, Document)


def test_a_damaged_image_is_refused_by_name():
    [error] = read(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "broken.png")
    assert isinstance(error, InputError) and error.origin == "broken.png"


def test_an_image_over_the_pixel_limit_is_refused(monkeypatch):
    from sitrep.ingest import ocr

    monkeypatch.setattr(ocr, "MAX_PIXELS", 10_000)
    [error] = read(scanned_page(dpi=72)[0], "big.png")
    assert isinstance(error, InputError) and "big.png" == error.origin, error


def test_ocr_over_the_time_limit_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    import pytesseract

    from sitrep.ingest import ocr

    slow = tmp_path / "slow-tesseract"  # answers the version check, then hangs on any page
    slow.write_text(
        '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "tesseract 5.3.0"; exit 0; fi\n'
        "exec sleep 60\n"
    )
    slow.chmod(0o755)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(slow))
    monkeypatch.setattr(ocr, "MAX_SECONDS", 1.0)
    (tmp_path / "a.png").write_bytes(scanned_page(dpi=72)[0])
    (tmp_path / "b.txt").write_text("Shelling hit the market in Mosul on Friday.\n")
    t = time.monotonic()
    first, second = read_inputs([str(tmp_path)])
    assert time.monotonic() - t < 30
    assert isinstance(first, InputError) and first.origin.endswith("a.png")
    assert "over the limit of 1 s" in first.problem and "SITREP_OCR_SECONDS" in first.problem
    assert "\n" not in str(first)
    assert isinstance(second, Document)
