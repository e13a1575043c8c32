"""A watched folder: a file dropped while ``sitrep ingest --watch`` runs is stored once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sitrep.ingest.watch import complete, wanted, watch_folder

REPORT = (
    "Gunmen attacked a police checkpoint near Kandahar on Monday, killing four officers, "
    "local officials said.\n"
)


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_the_watcher_hands_on_present_files_then_each_new_complete_one(tmp_path):
    (tmp_path / "old.txt").write_text(REPORT)
    seen: list[list[str]] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch_folder, args=(tmp_path, lambda ps: seen.append([p.name for p in ps]), stop)
    )
    thread.start()
    try:
        assert _wait(lambda: seen, 10)
        time.sleep(0.5)  # let the watch start before the drop
        (tmp_path / "new.txt.part").write_text(REPORT)
        (tmp_path / "new.txt.part").rename(tmp_path / "new.txt")
        assert _wait(lambda: len(seen) >= 2, 20), seen
    finally:
        stop.set()
        thread.join(10)
    assert seen[0] == ["old.txt"] and ["new.txt"] in seen[1:]
    assert not thread.is_alive()


def test_hidden_and_partial_files_are_left_alone(tmp_path):
    assert wanted(tmp_path / "sitrep.pdf") and wanted(tmp_path / "result.json")
    assert not any(
        wanted(tmp_path / n)
        for n in (".sitrep.pdf", "a.pdf.part", "a.crdownload", "~$brief.docx", "a.exe")
    )
    assert not complete(tmp_path / "missing.txt", settle=0.01)


def test_sitrep_ingest_watch_stores_a_dropped_file_once(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "kb.sqlite"
    inbox.mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "ingest", "--watch", str(inbox), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )

    def stored() -> int:
        if not db.exists():
            return 0
        with sqlite3.connect(db) as con:
            try:
                return con.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                return 0

    try:
        assert _wait(db.exists, 60)
        time.sleep(1.5)
        (inbox / "checkpoint.txt").write_text(REPORT)
        assert _wait(lambda: stored() == 1, 240)
        (inbox / "same-again.txt").write_text(REPORT)  # the same report under another name
        time.sleep(4)
        assert stored() == 1
    finally:
        proc.send_signal(signal.SIGINT)
        _, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, errors
    summary = " ".join(errors.split())  # rich wraps long lines
    assert "stopped watching" in summary and "added 1, already stored 1, failed 0" in summary, (
        errors
    )
