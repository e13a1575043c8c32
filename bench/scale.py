"""Ingestion with 1 and 2 local workers (and optionally a Dask LocalCluster) on the same corpus.

Each run ingests a generated corpus into its own fresh SQLite knowledge base through the CLI,
so process start-up and model loading are counted as a user would see them. The speed-up is
the figure to read; the counts must be identical.

    python bench/scale.py -n 400 [--dask]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
TABLES = ("documents", "entities", "mentions", "claims", "report_events", "incidents", "routes")


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def ingest(corpus: Path, db: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", str(db), *extra],
        check=True,
        capture_output=True,
        env={**os.environ},
    )
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=400, help="reports to generate")
    ap.add_argument(
        "--dask", action="store_true", help="also ingest through a 2-worker Dask LocalCluster"
    )
    args = ap.parse_args()
    from corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(args.n)), "utf-8"
        )
        runs = {"1 worker": ("--workers", "1"), "2 workers": ("--workers", "2")}
        result: dict[str, object] = {"reports": args.n, "cores": os.cpu_count()}
        seconds, tallies = {}, {}
        cluster = None
        if args.dask:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
            runs["dask 2 workers"] = ("--dask", cluster.scheduler_address)
        try:
            for name, extra in runs.items():
                db = Path(tmp) / f"{name.replace(' ', '_')}.db"
                seconds[name] = ingest(corpus, db, *extra)
                tallies[name] = counts(db)
        finally:
            if cluster is not None:
                cluster.close()
        result["seconds"] = {k: round(v, 1) for k, v in seconds.items()}
        result["speedup_2_workers"] = round(seconds["1 worker"] / seconds["2 workers"], 2)
        result["identical_counts"] = (
            len({json.dumps(t, sort_keys=True) for t in tallies.values()}) == 1
        )
        result["counts"] = tallies["1 worker"]
    for key, value in result.items():
        print(f"{key:20s} {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
