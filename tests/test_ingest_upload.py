"""The web app's "Add a report" takes PDF, image, Word and e-mail files like the command line."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest
from fastapi.testclient import TestClient
from ingest_files import TITLE, docx_file, eml_file, two_column_pdf

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("upload") / "kb.db")
    with open_kb(path):
        pass
    with TestClient(create_app(path), base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    yield from _client(tmp_path_factory)


@pytest.fixture
def fresh(tmp_path_factory):
    """A web app on an empty KB, for tests that count what one upload stores."""
    yield from _client(tmp_path_factory)


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


def test_an_email_upload_stores_the_message_and_its_pdf_attachment_linked(fresh):
    client = fresh
    data = eml_file(two_column_pdf(metadata_title=True), name="attached-sitrep.pdf")
    r = client.post("/api/reports", files={"file": ("linked.eml", data, "message/rfc822")})
    assert r.status_code == 202, r.text
    done = _finished(client, r.json()["status_url"])
    assert done["status"] == "done" and len(done["ids"]) == 2 and "errors" not in done, done
    message, attachment = (
        client.get(f"/api/documents/{i}").json()["document"] for i in done["ids"]
    )
    assert done["id"] == done["ids"][0]
    assert message["title"] == "Mosul market bombing" and message.get("attached_to") is None
    assert attachment["attached_to"] == message["id"]
    assert attachment["id"] == f"{message['id']}/attached-sitrep.pdf"
    # sent again: every report of it is stored, so it is answered at once
    again = client.post("/api/reports", files={"file": ("linked.eml", data, "message/rfc822")})
    assert again.status_code == 200 and again.json() == {"id": done["id"], "created": False}


def test_an_attachment_that_cannot_be_read_is_reported_on_the_job(client):
    data = eml_file(b"%PDF-1.4 this is no PDF at all", name="broken.pdf")
    data = data.replace(b"Mosul market bombing", b"Mosul market bombing, second note")
    data = data.replace(b"six civilians", b"seven civilians")
    r = client.post("/api/reports", files={"file": ("broken.eml", data, "message/rfc822")})
    assert r.status_code == 202, r.text
    done = _finished(client, r.json()["status_url"])
    assert done["status"] == "done" and len(done["ids"]) == 1, done
    assert len(done["errors"]) == 1 and "broken.pdf" in done["errors"][0]
    assert "\n" not in done["errors"][0]


def _small_export() -> dict:
    def message(n: int, text: object, **extra: object) -> dict:
        return {
            "id": n,
            "type": "message",
            "date": f"2026-03-0{n}T08:00:00",
            "date_unixtime": str(1772352000 + n * 86400),
            "from": "Border Watch",
            "from_id": "channel4242",
            "text": text,
            **extra,
        }

    return {
        "name": "Border Watch",
        "type": "public_channel",
        "id": 4242,
        "messages": [
            {
                "id": 1,
                "type": "service",
                "date": "2026-03-01T07:00:00",
                "actor": "Border Watch",
                "action": "create_channel",
                "title": "Border Watch",
                "text": "",
            },
            message(2, "Shelling hit the outskirts of Kharkiv overnight, the governor said."),
            message(3, ["Two drones struck a depot near ", {"type": "bold", "text": "Sumy"}, "."]),
            message(4, "", photo="photos/photo_1.jpg"),
        ],
    }


def _zipped(export: dict, folder: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{folder}/photos/photo_1.jpg", b"\xff\xd8 not really a photo")
        z.writestr(f"{folder}/result.json", json.dumps(export))
        z.writestr(f"{folder}/nested/old/result.json", b"{}")  # deeper: not the export
    return buf.getvalue()


@pytest.mark.parametrize("zipped", [False, True], ids=["result.json", "export.zip"])
def test_a_telegram_export_upload_stores_each_message(client, zipped):
    export = _small_export()
    if zipped:
        export["messages"][1]["text"] += " Power was cut in two districts."
        name, data, kind = "export.zip", _zipped(export, "ChatExport_2026-03-05"), "application/zip"
    else:
        name, data, kind = "result.json", json.dumps(export, indent=1).encode(), "application/json"
    r = client.post("/api/reports", files={"file": (name, data, kind)})
    assert r.status_code == 202, r.text
    done = _finished(client, r.json()["status_url"])
    assert done["status"] == "done" and len(done["ids"]) == 2, done
    stored = [client.get(f"/api/documents/{i}").json()["document"] for i in done["ids"]]
    assert [d["id"] for d in stored] == ["tg-4242-2", "tg-4242-3"]
    assert all(d["outlet"] == "Border Watch" for d in stored)
    assert stored[1]["url"] == "https://t.me/c/4242/3"


def test_a_zip_bomb_or_a_zip_without_an_export_is_refused(client):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ChatExport/result.json", b" " * 50_000_000)
    r = client.post("/api/reports", files={"file": ("bomb.zip", buf.getvalue(), "application/zip")})
    assert r.status_code == 422 and "zip bomb" in r.json()["detail"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", b"nothing here")
    r = client.post(
        "/api/reports", files={"file": ("other.zip", buf.getvalue(), "application/zip")}
    )
    assert r.status_code == 422 and "no result.json" in r.json()["detail"]
