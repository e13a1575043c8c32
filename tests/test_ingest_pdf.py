"""PDF reports: two columns in reading order, hyphens joined, running heads dropped, pages kept."""

from __future__ import annotations

import pytest
from ingest_files import (
    DATE_LINE,
    HEADER,
    TITLE,
    analysed,
    pdf_expected,
    place_names,
    read,
    two_column_pdf,
)

from sitrep.ingest import InputError, read_inputs
from sitrep.ingest.layout import first_date, join_lines, join_pair
from sitrep.model import Document


@pytest.fixture(scope="module")
def doc() -> Document:
    [found] = read(two_column_pdf(), "corridor.pdf")
    assert isinstance(found, Document), found
    return found


def test_two_columns_read_left_then_right_with_the_title_first(doc):
    assert doc.text == "\n\n".join(pdf_expected())
    assert doc.text.index("Kandahar") < doc.text.index("Spin Boldak") < doc.text.index("In Mosul")


def test_running_header_and_page_numbers_are_dropped(doc):
    assert HEADER not in doc.text
    assert not any(line.strip().isdigit() for line in doc.text.split("\n"))


def test_a_word_split_at_a_line_end_is_whole_again(doc):
    assert "reinforcements to the district" in doc.text
    assert "reinforce-" not in doc.text


def test_each_page_has_its_exact_character_range(doc):
    page1, page2 = pdf_expected()
    assert [p["page"] for p in doc.pages] == [1, 2]
    assert [doc.text[p["start"] : p["end"]] for p in doc.pages] == [page1, page2]


def test_title_from_the_largest_type_and_date_from_the_first_page(doc):
    assert doc.title == TITLE
    assert doc.published == "2026-03-04"
    assert doc.language == "en"


def test_the_metadata_title_wins_when_the_pdf_has_one():
    [found] = read(two_column_pdf(metadata_title=True), "meta.pdf")
    assert found.title == "Corridor report from the metadata"


def test_events_and_places_come_out_of_the_pdf(doc):
    data = analysed(doc)
    assert {"Kandahar", "Mosul", "Herat"} <= place_names(data)
    assert data["document"]["pages"] == doc.pages
    written = {m["entity"]: m["text"] for m in data["mentions"] if m["kind"] == "place"}
    where = {(e["type"], written.get(e.get("place"))) for e in data["events"]}
    assert ("Explosions/Remote violence", "Mosul") in where, where
    assert ("Protests", "Herat") in where, where
    attack = next(e for e in data["events"] if written.get(e.get("place")) == "Kandahar")
    assert attack["fatalities"]["best"] == 4


def test_encrypted_and_damaged_pdfs_get_one_line_errors_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_locked.pdf").write_bytes(two_column_pdf(encrypt="s3cret"))
    (tmp_path / "b_garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (tmp_path / "c_truncated.pdf").write_bytes(two_column_pdf()[:400])
    (tmp_path / "d_fine.txt").write_text("Gunmen attacked a checkpoint near Kandahar on Monday.\n")
    items = list(read_inputs([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.origin.rsplit("/", 1)[1] for e in errors] == [
        "a_locked.pdf",
        "b_garbage.pdf",
        "c_truncated.pdf",
    ]
    assert "encrypted" in errors[0].problem
    assert all("\n" not in str(e) for e in errors)
    assert isinstance(items[-1], Document) and items[-1].id == "d_fine"


def test_a_pdf_locked_only_against_editing_opens_without_a_password():
    from reportlab.lib.pdfencrypt import StandardEncryption

    [found] = read(two_column_pdf(encrypt=StandardEncryption("", ownerPassword="owner")), "ro.pdf")
    assert isinstance(found, Document), found
    assert found.text == "\n\n".join(pdf_expected())


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the provincial gover-", "nor said", "the provincial governor said"),
        ("a well-", "known commander", "a well-known commander"),
        ("pro-", "government militias", "pro-government militias"),
        ("ten", "villages", "ten villages"),
        ("soft\u00ad", "ware", "software"),
    ],
)
def test_line_end_hyphens_go_only_where_they_split_a_word(left, right, joined):
    assert join_pair(left, right) == joined


def test_lines_of_a_paragraph_become_one_line():
    assert (
        join_lines(["Shelling hit the", "market at   dawn."]) == "Shelling hit the market at dawn."
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (DATE_LINE, "2026-03-04"),
        ("Report of March 9, 2025", "2025-03-09"),
        ("Updated 2024-11-30 at noon", "2024-11-30"),
        ("No date here", None),
        ("On 31 February 2026", None),
    ],
)
def test_first_date_written_on_the_page(text, iso):
    assert first_date(text) == iso


def test_a_title_in_large_type_stays_though_the_running_header_repeats_it():
    from sitrep.ingest.pdf import Line, _furniture, _running

    def line(text: str, top: float, size: float) -> Line:
        return Line(50, 300, top - size, top, text, size)

    title, header, folio = (
        line("Corridor Report", 800, 20),
        line("Corridor Report", 820, 9),
        line("ii", 30, 9),
    )
    body = line("Shelling hit the market.", 500, 10)
    pages = [(842.0, [title, body, folio]), (842.0, [header, body]), (842.0, [header, body])]
    running = _running(pages)
    assert [_furniture(ln, 842.0, running) for ln in (title, header, folio, body)] == [
        False,
        True,
        True,
        False,
    ]
    assert not _furniture(line("Civil", 30, 9), 842.0, running)


def test_a_page_with_only_its_number_needs_no_ocr(tmp_path, monkeypatch):
    import io

    import pytesseract
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "none"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 700, "Shelling hit the market in Mosul on Friday, residents said.")
    c.showPage()
    c.drawString(290, 30, "2")
    c.showPage()
    c.save()
    [found] = read(buf.getvalue(), "blank-end.pdf")
    assert isinstance(found, Document), found
    assert found.pages == [{"page": 1, "start": 0, "end": len(found.text)}]


def _scattered_glyphs_pdf(count: int = 4000) -> bytes:
    """A small page of thousands of tiny scattered words: pdfminer's box grouping is quadratic
    in them (6,000 took 20 minutes), the pathological PDF a batch must not wait for."""
    import io
    import random

    from reportlab.pdfgen import canvas

    buf, rnd = io.BytesIO(), random.Random(7)
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 4)
    for _ in range(count):
        c.drawString(rnd.uniform(0, 580), rnd.uniform(0, 830), "ab")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_pdf_over_the_time_limit_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    import time

    from sitrep.ingest import pdf

    monkeypatch.setattr(pdf, "MAX_SECONDS", 3.0)
    (tmp_path / "a_slow.pdf").write_bytes(_scattered_glyphs_pdf())
    (tmp_path / "b_fine.pdf").write_bytes(two_column_pdf())
    started = time.monotonic()
    slow, fine = read_inputs([str(tmp_path)])
    assert time.monotonic() - started < 60
    assert isinstance(slow, InputError) and slow.origin.endswith("a_slow.pdf")
    assert "over the limit of 3 s" in slow.problem and "\n" not in str(slow)
    assert isinstance(fine, Document) and fine.text == "\n\n".join(pdf_expected())
