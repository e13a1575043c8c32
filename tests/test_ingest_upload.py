"""The web app's "Add a report" takes PDF, image, Word and e-mail files like the command line."""

from __future__ import annotations

import time

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
    with TestClient(create_app(path), base_url="http://127.0.0.1:8000") as c:
        yield c


def _finished(client, status_url: str, timeout_s: float = 600) -> dict:
    """The analysis job once the web app's worker is done with it."""
    deadline = time.monotonic() + timeout_s
    while (job := client.get(status_url).json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    return job


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
    assert r.status_code == 202, r.text  # checked at once, analysed by the background worker
    done = _finished(client, r.json()["status_url"])
    assert done["status"] == "done" and done["created"] is True, done
    stored = client.get(f"/api/documents/{done['id']}").json()
    assert stored["document"]["title"] == title


def test_a_text_file_sent_as_an_image_type_is_still_refused(client):
    r = client.post("/api/reports", files={"file": ("notes.txt", b"Some text", "image/png")})
    assert r.status_code == 415


def test_an_encrypted_pdf_upload_gets_the_readers_error(client):
    r = client.post(
        "/api/reports", files={"file": ("locked.pdf", two_column_pdf(encrypt="pw"), PDF)}
    )
    assert r.status_code == 422 and "encrypted" in r.json()["detail"]
