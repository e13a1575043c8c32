"""E-mail: the body and each attachment are reports; headers kept; big attachments refused."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from ingest_files import EMAIL_BODY, analysed, eml_file, pdf_expected, place_names, read

from sitrep.ingest import InputError
from sitrep.model import Document


@pytest.fixture(scope="module")
def docs() -> list:
    return read(eml_file(), "tip.eml")


def test_the_body_is_a_report_with_the_headers_as_metadata(docs):
    body = docs[0]
    assert isinstance(body, Document)
    assert body.text == EMAIL_BODY.strip()
    assert (body.id, body.title, body.byline, body.outlet, body.published) == (
        "tip",
        "Mosul market bombing",
        "Layla Hassan",
        "frontier-monitor.org",
        "2026-03-06",
    )


def test_the_pdf_attachment_is_a_report_linked_to_its_message(docs):
    attachment = docs[1]
    assert isinstance(attachment, Document) and len(docs) == 2
    assert attachment.text == "\n\n".join(pdf_expected())
    assert (attachment.id, attachment.attached_to, attachment.origin) == (
        "tip/sitrep.pdf",
        "tip",
        "tip.eml:sitrep.pdf",
    )
    assert attachment.pages and attachment.published == "2026-03-04"


def test_body_and_attachment_analyse_with_exact_offsets(docs):
    body, attachment = (analysed(d) for d in docs)
    assert "Mosul" in place_names(body)
    assert body["events"]
    assert attachment["document"]["attached_to"] == "tip"


def test_a_50_mb_attachment_is_refused_by_name_and_the_body_still_read():
    found = read(eml_file(attachment=b"\x00" * 50_000_000, name="huge.pdf"), "big.eml")
    body, error = found
    assert isinstance(body, Document) and body.title == "Mosul market bombing"
    assert isinstance(error, InputError) and error.origin == "big.eml:huge.pdf"
    assert "over the limit" in error.problem


def test_an_html_only_message_gives_its_text():
    msg = EmailMessage()
    msg["From"] = "desk@frontier-monitor.org"
    msg["Subject"] = "Re: RE: Herat update"
    msg.set_content(
        "<p>Police in <b>Herat</b> arrested two men.</p><p>More follows.</p>", subtype="html"
    )
    [doc] = read(msg.as_bytes(), "html.eml")
    assert doc.text == "Police in Herat arrested two men.\nMore follows."
    assert doc.title == "Herat update" and doc.byline is None


def test_something_that_is_not_an_email_is_refused():
    [error] = read(b"\x00\x01 just bytes", "junk.eml")
    assert isinstance(error, InputError) and error.origin == "junk.eml"
