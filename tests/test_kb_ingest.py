"""Ingest through the real pipeline: idempotent, failure-tolerant, and whole after a SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kb_fixtures import db_url, kb  # noqa: F401  (fixtures)

from sitrep.kb.db import open_kb
from sitrep.kb.ingest import BATCH_SIZE, ingest
from sitrep.kb.models import Document, Failure
from sitrep.kb.query import counts

TOWNS = ["Ruwaysh", "Marfaq", "Tall Kafr", "Ain Zaytun", "Birket Salim"]
GROUPS = ["the Red Hand militia", "border police", "the Coastal Guard", "local gunmen"]


def corpus(n: int) -> list[dict]:
    """Short reports of our own, each one distinct."""
    return [
        {
            "id": f"r{i}",
            "published": f"2024-05-{1 + i % 28:02d}",
            "outlet": f"Wire {i % 3}",
            "text": f"Fighting in {TOWNS[i % 5]}\n{GROUPS[i % 4].capitalize()} clashed with rivals in {TOWNS[i % 5]} "
            f"on Monday, and {i + 2} people were killed, a local official said. Report number {i}.",
        }
        for i in range(n)
    ]


def write_jsonl(path: Path, records: list[dict], bad_line: bool = False) -> Path:
    lines = [json.dumps(r) for r in records] + (["{not json"] if bad_line else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_twice_adds_nothing_and_records_failures(kb, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus(3), bad_line=True)
    first = ingest(kb, [str(src)])
    with kb() as s:
        after_first = counts(s)
        failure = s.query(Failure).one()
    second = ingest(kb, [str(src), str(src)])
    with kb() as s:
        after_second = counts(s)
    assert (first.added, first.known, len(first.failed)) == (3, 0, 1)
    assert (second.added, second.known, len(second.failed)) == (0, 6, 2)
    assert (
        after_first == after_second
        and after_first["documents"] == 3
        and after_first["failures"] == 1
    )
    assert failure.origin.endswith("in.jsonl:4") and "malformed JSON" in failure.problem


def test_feeds_are_ingested_item_by_item(kb, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hill Courier</title>'
        "<item><title>Roadblock set up near Marfaq</title><link>https://example.org/1</link>"
        "<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;Border police set up a roadblock near Marfaq on Monday.&lt;/p&gt;</description></item>"
        "<item><title>Market reopens</title><description>Traders in Ruwaysh reopened the market.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    result = ingest(kb, [str(feed)])
    with kb() as s:
        docs = s.query(Document).order_by(Document.id).all()
    assert result.added == 2 and not result.failed
    assert (
        docs[0].text
        == "Roadblock set up near Marfaq\nBorder police set up a roadblock near Marfaq on Monday."
    )
    assert (docs[0].outlet, docs[0].published, docs[0].url) == (
        "Hill Courier",
        "2024-05-07",
        "https://example.org/1",
    )


def _documents(path: Path) -> int:
    try:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet, or busy
        return 0


def test_sigkill_part_way_then_rerun_equals_a_clean_run(tmp_path):
    n = 3 * BATCH_SIZE  # several pipeline batches, so the kill lands while documents remain
    src = write_jsonl(tmp_path / "batch.jsonl", corpus(n), bad_line=True)
    killed_db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(src), "--db", str(killed_db)]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ}
    )
    deadline = time.monotonic() + 600
    while _documents(killed_db) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_at_kill = _documents(killed_db)
    assert proc.returncode == -signal.SIGKILL and 0 < stored_at_kill < n

    rerun = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ})
    assert rerun.returncode == 2, rerun.stderr  # the bad line is reported and fails the run...
    assert (
        f"batch.jsonl:{n + 1}" in rerun.stderr and f"added {n - stored_at_kill}," in rerun.stderr
    )  # ...but the rest goes on

    clean_db = tmp_path / "clean.db"
    subprocess.run([*cmd[:-1], str(clean_db)], capture_output=True, env={**os.environ})
    with open_kb(str(clean_db)) as clean, clean() as s:
        expected = counts(s)
    with open_kb(str(killed_db)) as resumed, resumed() as s:
        assert counts(s) == expected
    assert expected["documents"] == n and expected["failures"] == 1
