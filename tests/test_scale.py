"""Parallel ingestion stores exactly what serial ingestion stores, even when a worker dies."""

from __future__ import annotations

import json
import os
from pathlib import Path

import cloudpickle
import pytest
from distributed import LocalCluster

from sitrep.kb.db import open_kb
from sitrep.kb.ingest import ingest
from sitrep.kb.query import counts
from sitrep.parallel import analyze_batch, runner

REPORTS = [
    ("s1", "Gunmen killed two farmers near Gao on Monday, local sources said."),
    ("s2", "The army said it arrested four smugglers at a checkpoint outside Kidal."),
    ("s3", "Protesters marched through Bamako on Friday against fuel prices."),
    (
        "s4",
        "A roadside bomb hit a convoy between Mopti and Sevare, killing three soldiers, officials said.",
    ),
    (
        "s5",
        "Smugglers move migrants from Agadez through Dirkou towards Libya for $800 a head, residents said.",
    ),
    (
        "s6",
        "Fighters of the Islamic State in the Sahel attacked Menaka on Sunday, a local official said.",
    ),
]


def _corpus(path: Path) -> Path:
    lines = [json.dumps({"id": i, "text": t, "published": "2024-06-10"}) for i, t in REPORTS]
    path.write_text("\n".join(lines + ["{broken"]) + "\n", "utf-8")
    return path


def _ingest(db: Path, corpus: Path, **kw) -> tuple[dict, int]:
    with open_kb(str(db)) as factory, runner(**kw) as analyzer:
        result = ingest(factory, [str(corpus)], analyzer=analyzer)
        with factory() as s:
            return counts(s), result.added


def dies_once(docs):
    """Kill the worker process the first time any worker runs a task; afterwards analyse normally."""
    marker = Path(os.environ["SITREP_TEST_MARKER"])
    if not marker.exists():
        marker.write_text("died")
        os._exit(1)
    return analyze_batch(docs)


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as c:
        yield c


def test_dask_and_local_workers_match_serial(tmp_path, cluster):
    corpus = _corpus(tmp_path / "c.jsonl")
    serial, added = _ingest(tmp_path / "serial.db", corpus)
    assert added == len(REPORTS) and serial["documents"] == len(REPORTS) and serial["failures"] == 1
    dask, _ = _ingest(tmp_path / "dask.db", corpus, dask=cluster.scheduler_address)
    local, _ = _ingest(tmp_path / "local.db", corpus, workers=2)
    assert dask == serial
    assert local == serial


def test_worker_death_is_retried_exactly_once(tmp_path, cluster, monkeypatch):
    corpus = _corpus(tmp_path / "c.jsonl")
    marker = tmp_path / "marker"
    monkeypatch.setenv("SITREP_TEST_MARKER", str(marker))
    cluster_env = {"SITREP_TEST_MARKER": str(marker)}
    cloudpickle.register_pickle_by_value(__import__(__name__))
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        client.run(lambda: os.environ.update(cluster_env))
    serial, _ = _ingest(tmp_path / "serial.db", corpus)
    retried, added = _ingest(
        tmp_path / "retried.db", corpus, dask=cluster.scheduler_address, task=dies_once
    )
    assert marker.read_text() == "died"  # a worker really was killed mid-task
    assert added == len(REPORTS)
    assert retried == serial
