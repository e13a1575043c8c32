"""Start-up: `sitrep analyze` on one short report against loading bare spaCy, in one run.

Each side is a fresh process, run alternately ``--rounds`` times so that load on the machine
falls on both; the figure that matters is the ratio of the medians (the aim is <= 1.5). The
ratio of CPU seconds (user + system, of the child) is printed too: on a shared machine it moves
far less than wall time.

sitrep's bytecode is compiled first (``compileall``), as ``pip install`` does: a development
shell with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise charge sitrep, and not spaCy (whose
wheel ships compiled), a few tenths of a second of compiling on every run. Each side keeps its
caches warm (the gazetteer, the data cache), as on a user's machine after the first run; give
the run its own ``SITREP_CACHE`` when other worktrees share the user cache.

    python bench/startup.py --rounds 5
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
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


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    t0, c0 = time.perf_counter(), _cpu()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, _cpu() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sitrep = shutil.which("sitrep") or str(Path(sys.executable).with_name("sitrep"))
    import sitrep as package  # light: the public names load on first use

    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "short.txt"
        report.write_text(REPORT, encoding="utf-8")
        _timed([sitrep, "analyze", str(report)])  # warm the gazetteer cache and the OS page cache
        bare, ours = [], []
        for _ in range(args.rounds):
            bare.append(_timed([sys.executable, "-c", BARE]))
            ours.append(_timed([sitrep, "analyze", str(report)]))
    b, o = (statistics.median(w for w, _ in runs) for runs in (bare, ours))
    bc, oc = (statistics.median(c for _, c in runs) for runs in (bare, ours))
    print(
        json.dumps(
            {
                "bare_spacy_load_s": round(b, 3),
                "sitrep_analyze_s": round(o, 3),
                "ratio": round(o / b, 3),
                "bare_cpu_s": round(bc, 3),
                "sitrep_cpu_s": round(oc, 3),
                "cpu_ratio": round(oc / bc, 3),
                "rounds": args.rounds,
            }
        )
    )


if __name__ == "__main__":
    main()
