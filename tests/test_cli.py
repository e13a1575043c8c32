"""`sitrep analyze` end to end, in a subprocess as a user (and the scorer) runs it."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, check_offsets, jsonl

from sitrep import __version__
from sitrep.serialize import validate

REPORT = (
    "Clash near Tal Afar\nBy Noor Salem\nMOSUL, Iraq, June 7, 2023 (Tigris Wire) - Gunmen attacked a police "
    "checkpoint outside Tal Afar late on Monday, killing two officers, a local official said.\n"
    "The attackers fled towards the desert, residents said.\n"
)


def valid(data: dict) -> dict:
    validate(data)
    check_offsets(data)
    return data


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"sitrep {__version__}"


def test_one_file_gives_one_json_object(cli):
    result = cli("analyze", str(EXAMPLES / "01_border_smuggling.txt"))
    assert result.returncode == 0, result.stderr
    assert not error_lines(result.stderr)
    data = valid(json.loads(result.stdout))
    doc = data["document"]
    assert doc["id"] == "01_border_smuggling"
    assert (doc["outlet"], doc["byline"], doc["dateline"]) == (
        "Levant Ledger",
        "Nadia Karam",
        "Beirut",
    )
    assert len(data["duplicates"]) == 1 and data["duplicates"][0]["similarity"] == 1.0


def test_jsonl_to_file_with_default_published(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "dated", "text": REPORT, "published": "2023-06-08"})
        + "\n"
        + json.dumps(
            {
                "id": "undated",
                "text": "Gunmen attacked a checkpoint on Monday, killing two, police said.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = cli(
        "analyze", str(src), "--format", "jsonl", "-o", str(out), "--published", "2024-01-02"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    rows = [valid(r) for r in jsonl(out)]
    assert [r["document"]["id"] for r in rows] == ["dated", "undated"]
    assert [r["document"]["published"] for r in rows] == [
        "2023-06-08",
        "2024-01-02",
    ]  # the option fills gaps only
    assert "analysed 2 documents, 0 failed" in result.stderr


def test_folder_gives_a_json_list_in_file_order(cli, tmp_path):
    (tmp_path / "b_report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a_report.json").write_text(
        json.dumps({"id": "json-one", "text": REPORT, "outlet": "Given"}), encoding="utf-8"
    )
    result = cli("analyze", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = [valid(d) for d in json.loads(result.stdout)]
    assert [d["document"]["id"] for d in data] == ["json-one", "b_report"]
    assert [d["document"]["outlet"] for d in data] == ["Given", "Tigris Wire"]
    assert data[1]["document"]["published"] == "2023-06-07"  # from the dated dateline


def test_text_digest(cli):
    result = cli("analyze", str(EXAMPLES / "02_kirkuk_ambush.txt"), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Islamic State cell kills five soldiers in ambush near Kirkuk" in out
    assert (
        "outlet: Tigris Wire" in out
        and "by: Layla Hassan" in out
        and "published: 2024-05-14" in out
    )
    assert "Repeated passages" in out and "0.88" in out


def test_html_page_to_file(cli, tmp_path):
    page = tmp_path / "page.html"
    result = cli(
        "analyze",
        str(EXAMPLES / "05_balkan_route_shooting.html"),
        "--format",
        "html",
        "-o",
        str(page),
    )
    assert result.returncode == 0, result.stderr
    html = page.read_text("utf-8")
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert "<h1>Smugglers shoot it out near Hungarian border as Balkan route shifts</h1>" in html
    assert "Marko Petrovic" in html
    assert "<script" not in html and "http" not in html.replace(
        "http-equiv", ""
    )  # self-contained, offline


def test_stdin_text_and_stdin_json_lines(cli):
    result = cli("analyze", "-", stdin=REPORT)
    assert result.returncode == 0, result.stderr
    doc = valid(json.loads(result.stdout))["document"]
    assert doc["text"] == REPORT and doc["byline"] == "Noor Salem" and len(doc["id"]) == 16

    lines = (
        json.dumps({"id": "s1", "text": REPORT})
        + "\n"
        + json.dumps({"id": "s2", "text": REPORT})
        + "\n"
    )
    result = cli("analyze", "-", "--format", "jsonl", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert [valid(json.loads(line))["document"]["id"] for line in result.stdout.splitlines()] == [
        "s1",
        "s2",
    ]


def test_bad_inputs_are_reported_and_the_good_ones_written(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café a été fermé après l'attaque de lundi.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "line1", "text": REPORT})
        + "\n{not json\n"
        + json.dumps({"id": "line3", "text": REPORT})
        + "\n",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.jsonl"
    result = cli(
        "analyze",
        str(missing),
        str(good),
        str(binary),
        str(latin),
        str(empty),
        str(batch),
        "--format",
        "jsonl",
        "-o",
        str(out),
    )
    assert result.returncode == 2
    errs = error_lines(result.stderr)
    expected = [
        (str(missing), "no such file"),
        (str(binary), "binary"),
        (str(latin), "cannot decode"),
        (str(empty), "empty text"),
        (f"{batch}:2", "malformed JSON"),
    ]
    assert len(errs) == len(expected), result.stderr
    for line, (origin, problem) in zip(errs, expected, strict=False):
        assert line.startswith(f"error: {origin}: ") and problem in line, line
    assert [r["document"]["id"] for r in map(valid, jsonl(out))] == ["good", "line1", "line3"]
    assert result.stderr.strip().splitlines()[-1] == "analysed 3 documents, 5 failed"


def test_oversized_input_is_refused_by_env_limit(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_MAX_CHARS", "120")
    big = tmp_path / "big.txt"
    big.write_text(REPORT * 3, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Two officers were killed in an attack on Monday.", encoding="utf-8")
    result = cli("analyze", str(big), str(small), "--format", "jsonl")
    assert result.returncode == 2
    [line] = error_lines(result.stderr)
    assert (
        line.startswith(f"error: {big}: ")
        and "over the limit" in line
        and "SITREP_MAX_CHARS" in line
    )
    assert [json.loads(r)["document"]["id"] for r in result.stdout.splitlines()] == ["small"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "xml"], "unknown format"),
        (["--published", "June 2024"], "YYYY-MM-DD"),
    ],
)
def test_bad_options_are_refused(cli, args, words):
    result = cli("analyze", str(EXAMPLES / "01_border_smuggling.txt"), *args)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stdout == ""
