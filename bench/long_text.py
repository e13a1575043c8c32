"""Long single-line texts: time and peak memory of one analysis at 0.25, 0.5, 1 and 2 M characters.

  python bench/long_text.py [--sizes 0.25,0.5,1,2] [--profile OUT.prof]

The text is the project's own example reports joined into one line (no line break bounds a
paragraph) and repeated to each size. Each size runs in a fresh process so that peak memory
(``ru_maxrss``) is its own; the model load is timed apart. The target: time per character grows
by less than 1.5x from the smallest size to the largest.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus.jsonl"


def long_line(chars: int) -> str:
    """The example reports on one line, repeated and cut to ``chars`` characters."""
    reports = [
        json.loads(line)["text"]
        for line in EXAMPLES.read_text("utf-8").splitlines()
        if line.strip()
    ]
    body = " ".join(r.replace("\n", " ") for r in reports)
    return (body * (chars // len(body) + 1))[:chars]


def measure(chars: int, profile: str | None) -> dict[str, float]:
    """Analyse one text of ``chars`` characters in this process; seconds and peak MB."""
    import resource

    from sitrep.ingest import read_text_input
    from sitrep.model import Analysis
    from sitrep.pipeline import analyze

    list(analyze([read_text_input("Gunmen attacked a convoy near Gao on Monday.", "warm.txt")]))
    doc = read_text_input(long_line(chars), "long.txt")
    t = time.perf_counter()
    if profile:
        import cProfile

        with cProfile.Profile() as prof:
            result = next(analyze([doc]))
        prof.dump_stats(profile)
    else:
        result = next(analyze([doc]))
    seconds = time.perf_counter() - t
    assert isinstance(result, Analysis), result
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": chars, "seconds": seconds, "peak_mb": peak_mb}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--sizes", default="0.25,0.5,1,2", help="millions of characters, comma-separated"
    )
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process measuring one size
    ap.add_argument("--profile", help="write a cProfile of the (single) size to this file")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.profile)))
        return
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(int(size * 1_000_000))]
        if args.profile:
            cmd += ["--profile", args.profile]
        rows.append(
            json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        )
        r = rows[-1]
        print(
            f"{r['chars'] / 1e6:5.2f} M chars  {r['seconds']:7.1f} s  {r['seconds'] / r['chars'] * 1e6:6.1f} us/char"
            f"  peak {r['peak_mb']:7.0f} MB",
            flush=True,
        )
    first, last = rows[0], rows[-1]
    growth = (last["seconds"] / last["chars"]) / (first["seconds"] / first["chars"])
    print(
        f"time per character grows {growth:.2f}x from {first['chars'] / 1e6:g} M to {last['chars'] / 1e6:g} M "
        f"(target < 1.5x)"
    )


if __name__ == "__main__":
    main()
