"""The web app's "Add a report" takes PDF, image, Word and e-mail files like the command line."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from ingest_files import TITLE, docx_file, eml_file, two_column_pdf

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("upload") / "kb.db")
    with open_kb(path):
        pass
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize(
    ("name", "data", "kind", "title"),
    [
        ("corridor.pdf", two_column_pdf, PDF, TITLE),
        ("brief.docx", docx_file, DOCX, "Weekly security brief: Herat province"),
        ("tip.eml", eml_file, "message/rfc822", "Mosul market bombing"),
    ],
)
def test_a_report_file_is_read_analysed_and_stored(client, name, data, kind, title):
    r = client.post("/api/reports", files={"file": (name, data(), kind)})
    assert r.status_code == 200, r.text
    assert r.json()["created"] is True
    stored = client.get(f"/api/documents/{r.json()['id']}").json()
    assert stored["document"]["title"] == title


def test_a_text_file_sent_as_an_image_type_is_still_refused(client):
    r = client.post("/api/reports", files={"file": ("notes.txt", b"Some text", "image/png")})
    assert r.status_code == 415


def test_an_encrypted_pdf_upload_gets_the_readers_error(client):
    r = client.post(
        "/api/reports", files={"file": ("locked.pdf", two_column_pdf(encrypt="pw"), PDF)}
    )
    assert r.status_code == 422 and "encrypted" in r.json()["detail"]
