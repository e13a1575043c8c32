"""Careless and hostile input to the command line: output over input, deep JSON, unreadable
files, FIFOs, a wrong --db, and spreadsheet formulas in the ACLED CSV. Each test reproduces a
failure of the hardening probe (issue 23)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_cli
from rich.console import Console

from sitrep.analyze_cmd import run_analyze
from sitrep.ingest import InputError
from sitrep.ingest.readers import read_inputs, read_path

REPORT = (
    "Gunmen attacked a police post near Gao on Monday, killing two officers, a local official said."
)


def _console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=300, highlight=False), buf


def _error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error: ")]


# 1. Output over input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt", [("in.jsonl", "jsonl"), ("in.txt", "text"), ("in.json", "json")]
)
def test_output_over_an_input_is_refused_and_the_input_kept(tmp_path, name, fmt):
    src = tmp_path / name
    content = (
        json.dumps({"id": "one", "text": REPORT}) + "\n" if name.endswith(("l", "n")) else REPORT
    )
    src.write_text(content, "utf-8")
    link = tmp_path / "hard-link"
    os.link(src, link)
    for output in (
        src,
        tmp_path / "." / name,
        link,
    ):  # the same file by another spelling, and by inode
        err, buf = _console()
        status = run_analyze([str(src)], fmt, output, None, "utf-8", err)
        assert status == 2
        [line] = _error_lines(buf.getvalue())
        assert str(output) in line and "input" in line
        assert src.read_text("utf-8") == content


def test_a_crash_midway_leaves_the_old_output_whole(tmp_path, monkeypatch):
    import sitrep.analyze_cmd as cmd

    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", "utf-8")

    def crashing(items):
        for _ in items:
            raise RuntimeError("killed midway")
        yield  # pragma: no cover

    monkeypatch.setattr(cmd, "analyze", crashing)
    src = tmp_path / "a.txt"
    src.write_text(REPORT, "utf-8")
    with pytest.raises(RuntimeError):
        run_analyze([str(src)], "jsonl", out, None, "utf-8", _console()[0])
    assert out.read_text("utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt",
        "out.jsonl",
    ]  # no half file left beside it


def test_output_is_written_whole_with_the_files_permissions(tmp_path, cli):
    src, out = tmp_path / "a.txt", tmp_path / "out.jsonl"
    src.write_text(REPORT, "utf-8")
    out.write_text("old\n", "utf-8")
    out.chmod(0o640)
    result = cli("analyze", str(src), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["document"]["id"] == "a"
    assert (out.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]


# 5. Deeply nested JSON; 12. the "at at" message -------------------------------------------------


def test_deeply_nested_json_is_one_error_and_the_batch_goes_on(tmp_path):
    good = json.dumps({"id": "good", "text": REPORT})
    (tmp_path / "deep.jsonl").write_text(
        f"{good}\n{'[' * 5000}\n{good.replace('good', 'after')}\n", "utf-8"
    )
    (tmp_path / "deep.json").write_text("[" * 5000, "utf-8")
    (tmp_path / "deep-object.json").write_text('{"a":' * 5000, "utf-8")
    results = list(read_path(tmp_path))
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert [r.id for r in results if not isinstance(r, InputError)] == ["good", "after"]
    assert len(errors) == 3 and all("nested too deep" in e and "\n" not in e for e in errors)
    assert any(e.startswith(f"{tmp_path / 'deep.jsonl'}:2: ") for e in errors)


def test_deep_json_on_stdin_gives_one_line_and_exit_2():
    result = run_cli("analyze", "-", stdin='{"text": ' + "[" * 5000 + "\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(_error_lines(result.stderr)) == 1


def test_control_character_message_reads_plainly(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "a\x01b"}\n', "utf-8")
    [error] = list(read_path(tmp_path / "bad.jsonl"))
    assert "at at" not in error.problem and "column" in error.problem


# 6. Unreadable files and folders ----------------------------------------------------------------


def _unreadable(monkeypatch, path: Path) -> None:
    """Make ``path`` unreadable: by permissions, or (as root, whom permissions do not stop) at the OS call."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_open, real_scandir = os.open, os.scandir

    def guarded_open(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def guarded_scandir(where="."):
        if Path(where) == path:
            raise PermissionError(13, "Permission denied", str(where))
        return real_scandir(where)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    import io as _io

    real_io_open = _io.open

    def guarded_io_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(_io, "open", guarded_io_open)


def test_unreadable_file_and_folder_are_errors_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    (tmp_path / "b.txt").write_text(REPORT, "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "c.txt").write_text(REPORT, "utf-8")
    (tmp_path / "z.txt").write_text(REPORT + " Again.", "utf-8")
    _unreadable(monkeypatch, tmp_path / "b.txt")
    _unreadable(monkeypatch, tmp_path / "locked")
    try:
        results = list(read_inputs([str(tmp_path)]))
    finally:
        (tmp_path / "b.txt").chmod(0o644)
        (tmp_path / "locked").chmod(0o755)
    errors = sorted(str(r) for r in results if isinstance(r, InputError))
    assert sorted(r.id for r in results if not isinstance(r, InputError)) == ["a", "z"]
    assert errors == [
        f"{tmp_path / 'b.txt'}: cannot read: Permission denied",
        f"{tmp_path / 'locked'}: cannot read folder: Permission denied",
    ]


def test_unreadable_file_exits_2_with_one_line(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(REPORT, "utf-8")
    bad.write_text(REPORT, "utf-8")
    _unreadable(monkeypatch, bad)
    err, buf = _console()
    try:
        status = run_analyze(
            [str(bad), str(good)], "jsonl", tmp_path / "out.jsonl", None, "utf-8", err
        )
    finally:
        bad.chmod(0o644)
    assert status == 2
    assert _error_lines(buf.getvalue()) == [f"error: {bad}: cannot read: Permission denied"]
    assert json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["document"]["id"] == "good"


# 12. A FIFO given by name ----------------------------------------------------------------------


def test_a_fifo_by_name_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_path(fifo)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "w") as fh:
            fh.write("x")
    assert not reader.is_alive(), "reading a FIFO blocked"
    [error] = found
    assert isinstance(error, InputError) and "not a regular file" in error.problem


# 10. A wrong --db -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["events"], ["search", "gao"], ["ingest", "-"]])
def test_a_file_that_is_no_database_is_one_line(tmp_path, command):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", *command, "--db", str(bogus)],
        capture_output=True,
        text=True,
        input="",
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and str(bogus) in line and "not a database" in line


def test_a_password_in_a_bad_url_is_masked():
    from sitrep.kb.db import KBUnavailable, create

    with pytest.raises(KBUnavailable) as caught:
        create("postgresql+psycopg://someone:hunter2@127.0.0.1:1/kb?connect_timeout=2")
    assert "hunter2" not in str(caught.value) and "\n" not in str(caught.value)


# 8. Formula injection in the ACLED CSV ------------------------------------------------------------


def test_acled_csv_defuses_formulas_and_keeps_numbers():
    from kb_fixtures import actor, event, place, report

    from sitrep.export.acled import write

    text = "@SUM(1+1) Gunmen from =HYPERLINK attacked a market in Kidal on 3 May 2024."
    data = report(
        "formula",
        text,
        [place("pl1", "Kidal", -18.44, -1.41, "ML"), actor("ac1", "=HYPERLINK")],
        events=[
            event(
                text, "ev1", "attacked", "Attack", "pl1", "2024-05-03", {"ac1": "actor1"}, killed=2
            )
        ],
        outlet="+cmd|' /C calc'!A0",
    )
    out = io.StringIO()
    write([data], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["source"] == "'+cmd|' /C calc'!A0"
    assert row["notes"].startswith("'@SUM")
    assert row["actor1"] == "'=HYPERLINK"
    assert (row["latitude"], row["longitude"], row["fatalities"]) == ("-18.44", "-1.41", "2")
    for value in row.values():
        assert not value.startswith(("=", "+", "@", "\t", "\r")), value
