"""Start-up: `sitrep analyze` on one short report against loading bare spaCy, in one run.

Each side is a fresh process, run alternately ``--rounds`` times so that load on the machine
falls on both; the figure that matters is the ratio of the medians (the aim is <= 1.5).

    python bench/startup.py --rounds 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = "Gunmen attacked a checkpoint near Gao in Mali on Monday, killing two soldiers, the army said.\n"
BARE = (
    "import spacy; from sitrep.nlp import MODEL; nlp = spacy.load(MODEL); "
    "nlp('Gunmen attacked a checkpoint near Gao.')"
)


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sitrep = shutil.which("sitrep") or str(Path(sys.executable).with_name("sitrep"))
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "short.txt"
        report.write_text(REPORT, encoding="utf-8")
        _timed([sitrep, "analyze", str(report)])  # warm the gazetteer cache and the OS page cache
        bare, ours = [], []
        for _ in range(args.rounds):
            bare.append(_timed([sys.executable, "-c", BARE]))
            ours.append(_timed([sitrep, "analyze", str(report)]))
    b, o = statistics.median(bare), statistics.median(ours)
    print(
        json.dumps(
            {
                "bare_spacy_load_s": round(b, 3),
                "sitrep_analyze_s": round(o, 3),
                "ratio": round(o / b, 3),
                "rounds": args.rounds,
            }
        )
    )


if __name__ == "__main__":
    main()
