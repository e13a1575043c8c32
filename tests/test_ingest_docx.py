"""Word reports: paragraphs and tables in order, the heading as title, zip bombs left unopened."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from ingest_files import DOCX_PARAGRAPHS, DOCX_TITLE, analysed, docx_file, place_names, read

from sitrep.ingest import InputError, read_inputs
from sitrep.model import Document


def test_paragraphs_table_and_metadata():
    [doc] = read(docx_file(), "brief.docx")
    assert isinstance(doc, Document), doc
    assert doc.text == "\n\n".join(
        [DOCX_TITLE, *DOCX_PARAGRAPHS, "District | Incidents", "Injil | 3"]
    )
    assert doc.title == DOCX_TITLE
    assert doc.byline == "Rana Haidari"


def test_the_creation_date_is_published_when_the_text_has_none():
    import docx

    word = docx.Document(io.BytesIO(docx_file()))
    word.core_properties.created = datetime(2026, 2, 20, 9, 30)
    buf = io.BytesIO()
    word.save(buf)
    [doc] = read(buf.getvalue(), "dated.docx")
    assert doc.published == "2026-02-20"


def test_places_and_offsets_of_a_word_report():
    [doc] = read(docx_file(), "brief.docx")
    data = analysed(doc)
    assert {"Herat", "Kabul"} <= place_names(data)
    assert data["events"], "the school arson and the arrests are events"


def _bomb(part_size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:
            chunk = b" " * 1_000_000
            for _ in range(part_size // len(chunk)):
                part.write(chunk)
    return buf.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _bomb(30_000_000)
    assert len(bomb) < 100_000
    (tmp_path / "a_bomb.docx").write_bytes(bomb)
    (tmp_path / "b_notzip.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "c_brief.docx").write_bytes(docx_file())
    bomb_error, bad_zip, doc = read_inputs([str(tmp_path)])
    assert isinstance(bomb_error, InputError) and "zip bomb" in bomb_error.problem
    assert bomb_error.origin.endswith("a_bomb.docx")
    assert isinstance(bad_zip, InputError) and "damaged" in bad_zip.problem
    assert isinstance(doc, Document) and doc.title == DOCX_TITLE
