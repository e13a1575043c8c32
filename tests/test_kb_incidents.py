"""Incident links are scored, explained, and the same however the reports got in: stored twice,
or a writer killed part way and run again."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

from kb_fixtures import db_url, kb  # noqa: F401  (fixtures)
from sqlalchemy import select
from test_kb_contradictions import BIRCH, CEDAR, tell

from sitrep.kb import query
from sitrep.kb.cues import cues
from sitrep.kb.db import open_kb
from sitrep.kb.models import Document, ReportEvent
from sitrep.kb.store import store

# Stores each report of a JSONL file in its own transaction, pausing after each new one.
WRITER = """
import json, sys, time
from sitrep.kb.db import open_kb
from sitrep.kb.store import store
with open_kb(sys.argv[1]) as factory:
    for line in open(sys.argv[2], encoding="utf-8"):
        with factory.begin() as s:
            stored = store(s, json.loads(line))
        if stored is not None:
            time.sleep(float(sys.argv[3]))
"""


def corpus() -> list[dict]:
    """Reports of our own: one strike told four ways (two disputes), and one raid told twice
    consistently."""
    strike = "A drone of the Falcon Brigade hit a pickup of the Ridge Guards near Alder on Monday, killing three men."
    raid = "Hill Cell gunmen raided a checkpoint of the Ridge Guards at Cedar on Monday, killing two guards."
    return [
        tell("a", strike, "hit"),
        tell("b", strike.replace("three", "five"), "hit", killed=5),
        tell("c", strike.replace("Monday", "Sunday"), "hit", day="2024-03-03"),
        tell("d", strike.replace("near Alder", "by Birch"), "hit", where=("Birch", *BIRCH)),
        *(
            tell(
                doc,
                raid.replace("raided", verb),
                verb,
                perpetrator=("Hill Cell", "hill-cell"),
                where=("Cedar", *CEDAR),
                killed=2,
                sub_type="Armed clash",
                type="Battles",
            )
            for doc, verb in (("e", "raided"), ("f", "stormed"))
        ),
    ]


def outcome(url: str) -> tuple[list, list]:
    """Which reports' events tell one incident, and the contradictions, free of row ids."""
    with open_kb(url) as factory, factory() as s:
        groups: dict[int, set] = {}
        for ev, doc in s.execute(select(ReportEvent, Document.doc_id).join(Document)):
            groups.setdefault(ev.incident_id, set()).add((doc, ev.local_id))
        found = [
            (c["about"], c["documents"], c["values"], c["pairs"]) for c in query.contradictions(s)
        ]
    return sorted(sorted(g) for g in groups.values()), sorted(found)


def test_links_keep_score_and_reasons(kb):
    with kb.begin() as s:
        for data in corpus():
            store(s, data)
    with kb() as s:
        links = query.incident_links(s)
    assert {(x["document"], x["matched"]["document"]) for x in links} == {
        ("b", "a"),
        ("c", "a"),
        ("d", "a"),
        ("f", "e"),
    }
    by_doc = {x["document"]: x for x in links}
    assert "a day apart" in by_doc["c"]["reasons"] and "places 4 km apart" in by_doc["d"]["reasons"]
    assert all(x["score"] >= 3.5 for x in links)


def test_place_tolerance_fits_the_kind_of_place():
    c = cues()
    assert c.tolerance("PPL") < c.tolerance("ADM2") < c.tolerance("ADM1") < c.tolerance("PCLI")
    assert c.tolerance("PPLA2") == 15 and c.tolerance(None) == c.tolerance("no such code")


def test_killed_writer_rerun_gives_the_incidents_and_contradictions_of_a_clean_run(
    db_url, tmp_path
):
    src = tmp_path / "analyses.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in corpus()), encoding="utf-8")
    with open_kb(db_url):
        pass  # migrate before the writer starts, so its first report lands quickly
    proc = subprocess.Popen([sys.executable, "-c", WRITER, db_url, str(src), "2"])
    deadline = time.monotonic() + 120
    while _documents(db_url) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and 2 <= _documents(db_url) < len(corpus())
    subprocess.run([sys.executable, "-c", WRITER, db_url, str(src), "0"], check=True)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    subprocess.run([sys.executable, "-c", WRITER, clean, str(src), "0"], check=True)
    assert outcome(db_url) == outcome(clean)
    groups, found = outcome(clean)
    assert len(groups) == 2 and {f[0] for f in found} == {"fatalities", "date"}


def _documents(url: str) -> int:
    with open_kb(url) as factory, factory() as s:
        return len(s.scalars(select(Document.id)).all())
