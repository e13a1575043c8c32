"""Every kind of input into Documents, or into one-line errors naming the file and line."""

from __future__ import annotations

import io
import json
import sys

import pytest
from conftest import EXAMPLES, check_offsets, jsonl

from sitrep.ingest import InputError, read_inputs, readers
from sitrep.model import Analysis, Document

REPORT = (
    "Gunmen attacked a police checkpoint outside Ramadi late on Monday, killing two officers, "
    "a local official said.\nThe attackers fled towards the desert, residents said.\n"
)


def read(*paths) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def errors(items) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def assert_one_line(err: InputError, origin: str, *words: str) -> None:
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"{origin}: ")
    for w in words:
        assert w in message, message


def test_txt_keeps_text_exactly_and_takes_the_file_stem_as_id(tmp_path):
    p = tmp_path / "ramadi_attack.txt"
    p.write_text("\ufeff" + REPORT, encoding="utf-8")  # a byte order mark is not part of the report
    [doc] = read(p)
    assert doc.id == "ramadi_attack"
    assert doc.text == REPORT
    assert doc.origin == str(p)


def test_html_page_loses_its_boilerplate_and_keeps_metadata():
    [doc] = read(EXAMPLES / "05_balkan_route_shooting.html")
    assert doc.id == "05_balkan_route_shooting"
    for boilerplate in ("cookies", "Most read", "All rights reserved", "Subscribe", "analytics"):
        assert boilerplate not in doc.text
    assert "Two Afghan men were killed" in doc.text
    assert doc.title == "Smugglers shoot it out near Hungarian border as Balkan route shifts"
    assert doc.byline == "Marko Petrovic"  # from the page's byline element, which the text drops
    assert (doc.outlet, doc.dateline, doc.published) == (
        "Danube Dispatch",
        "Subotica",
        "2023-10-12",
    )


def test_html_without_main_text_is_an_error(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    [err] = read(p)
    assert_one_line(err, str(p), "no main text")


def test_json_object_gives_id_published_and_outlet():
    [doc] = read(EXAMPLES / "04_lake_chad_fishermen.json")
    record = json.loads((EXAMPLES / "04_lake_chad_fishermen.json").read_text("utf-8"))
    assert doc.id == record["id"] and doc.text == record["text"]
    assert (doc.published, doc.outlet) == ("2024-09-02", "Chad Basin Courier")
    assert (doc.byline, doc.dateline) == ("Ibrahim Musa", "Maiduguri")


@pytest.mark.parametrize(
    "content, words",
    [
        ('["not", "an", "object"]', ["JSON object"]),
        ('{"id": "x", "body": "no text field"}', ["no 'text' field"]),
        ('{"id": "x", "text": 42}', ["'text' must be a string"]),
        (
            '{"id": "x", "text": "A report.", "published": 20240101}',
            ["'published' must be a string"],
        ),
        ('{"id": "x", "text": "A report",\n "outlet": }', ["malformed JSON", "line 2"]),
    ],
)
def test_bad_json_files_are_errors(tmp_path, content, words):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    [err] = read(p)
    assert_one_line(err, str(p), *words)


def test_jsonl_lines_become_documents_and_a_bad_line_does_not_stop_the_rest(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "r1",
                        "text": REPORT,
                        "published": "2024-01-02",
                        "outlet": "Anbar Now",
                        "title": "T1",
                    }
                ),
                '{"id": "r2", "text": broken}',
                "",
                json.dumps({"text": REPORT}),
                json.dumps({"id": 7, "text": "  "}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = read(p)
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document", "InputError"]
    first, bad, third, empty = items
    assert (first.id, first.published, first.outlet, first.title) == (
        "r1",
        "2024-01-02",
        "Anbar Now",
        "T1",
    )
    assert first.origin == f"{p}:1"
    assert_one_line(bad, f"{p}:2", "malformed JSON", "column")
    assert third.id == "batch-4" and third.origin == f"{p}:4"  # no id: file stem and line number
    assert_one_line(empty, f"{p}:5", "empty text")


def test_jsonl_line_that_cannot_be_decoded_names_its_line(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        json.dumps({"id": "a", "text": REPORT}).encode()
        + b"\n"
        + b'{"id": "b", "text": "caf\xe9"}\n'
    )
    good, bad = read(p)
    assert good.id == "a"
    assert_one_line(bad, f"{p}:2", "cannot decode", "--encoding")


def test_folder_reads_supported_files_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"id": "from-json", "text": REPORT}), encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04 not a report")
    assert [d.id for d in read(tmp_path)] == ["from-json", "b", "c"]


def test_empty_folder_is_an_error(tmp_path):
    [err] = read(tmp_path)
    assert_one_line(err, str(tmp_path), "no readable reports")


def test_stdin_plain_text_and_json_lines(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    [doc] = list(read_inputs(["-"]))
    assert doc.text == REPORT and doc.origin == "<stdin>" and len(doc.id) == 16

    lines = (
        json.dumps({"id": "s1", "text": REPORT})
        + "\n"
        + json.dumps({"id": "s2", "text": REPORT})
        + "\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert [(d.id, d.origin) for d in read_inputs(["-"])] == [
        ("s1", "<stdin>:1"),
        ("s2", "<stdin>:2"),
    ]


def test_bad_files_each_give_one_line_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café de la place a été fermé après l'attaque.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n\t\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = read(missing, binary, good, latin, empty)
    assert [type(i).__name__ for i in items] == [
        "InputError",
        "InputError",
        "Document",
        "InputError",
        "InputError",
    ]
    assert_one_line(items[0], str(missing), "no such file")
    assert_one_line(items[1], str(binary), "binary")
    assert_one_line(items[3], str(latin), "cannot decode as utf-8", "--encoding")
    assert_one_line(items[4], str(empty), "empty text")
    assert items[2].text == REPORT


def test_oversized_text_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_CHARS", 100)
    big = tmp_path / "big.txt"
    big.write_text("word " * 30, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("A short report of a clash.", encoding="utf-8")
    err, doc = read(big, small)
    assert_one_line(err, str(big), "150 characters", "over the limit", "SITREP_MAX_CHARS")
    assert doc.id == "small"


def test_corpus_matches_the_example_files():
    """examples/corpus.jsonl holds every example report, with the text its file reads to."""
    records = {r["id"]: r for r in jsonl(EXAMPLES / "corpus.jsonl")}
    files = [p for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".txt", ".html", ".json")]
    assert len(files) >= 6 and set(records) == {p.stem for p in files}
    for doc in read(*files):
        rec = records[doc.id]
        assert rec["text"] == doc.text
        assert rec["published"] and rec["outlet"] and rec["title"]
        assert 150 <= len(doc.text.split()) <= 400, doc.id


def test_every_example_analyses_to_valid_output_with_exact_offsets():
    from sitrep import analyze
    from sitrep.serialize import to_dict, validate

    results = list(analyze(read_inputs([str(EXAMPLES)])))
    assert results and all(isinstance(r, Analysis) for r in results), [
        str(r) for r in results if not isinstance(r, Analysis)
    ]
    for r in results:
        data = to_dict(r)
        validate(data)
        check_offsets(data)
        assert data["paragraphs"], r.document.id


def test_folder_read_skips_the_runs_own_output(tmp_path):
    from sitrep.ingest import read_inputs

    (tmp_path / "a.txt").write_text("Gunmen attacked a convoy near Gao on Monday.", "utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old", "text": "An earlier run wrote this."}\n', "utf-8")
    ids = [d.id for d in read_inputs([str(tmp_path)], skip=[out])]
    assert ids == ["a"]
    assert sorted(d.id for d in read_inputs([str(tmp_path)])) == ["a", "old"]
