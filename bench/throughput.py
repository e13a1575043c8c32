"""Throughput of `sitrep analyze` against bare spaCy on the same texts, in one run.

Each side runs in its own process (so peak RSS is its own) over the same generated corpus;
the figure that matters is the ratio, since absolute speed varies from machine to machine.

    python bench/throughput.py -n 2000
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _texts(path: Path) -> list[str]:
    return [
        json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()
    ]


def run_bare(path: Path) -> dict:
    """spaCy alone: the same model, nlp.pipe, the same batch size as sitrep."""
    import spacy

    from sitrep.nlp import MODEL
    from sitrep.pipeline import BATCH_SIZE

    texts = _texts(path)
    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return {"seconds": time.perf_counter() - t0}


def run_sitrep(path: Path) -> dict:
    """The whole analysis, warmed up on one report so one-off loading is not counted as throughput."""
    from sitrep import Analysis, analyze, analyze_text
    from sitrep.ingest import read_inputs

    analyze_text("Fighters clashed near Gao on Monday, local sources said.")
    t0 = time.perf_counter()
    ok = sum(isinstance(r, Analysis) for r in analyze(read_inputs([str(path)])))
    return {"seconds": time.perf_counter() - t0, "ok": ok}


def _child(mode: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(path: Path) -> float:
    """Seconds for `sitrep analyze` on one short report, process start to exit."""
    one = path.with_name("one.txt")
    one.write_text("Gunmen attacked a checkpoint near Kidal on Tuesday, officials said.\n", "utf-8")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sitrep", "analyze", str(one)], capture_output=True, check=True
    )
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=2000, help="reports to generate")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, path = args.child
        result = (run_bare if mode == "bare" else run_sitrep)(Path(path))
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    from corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        docs = generate(args.n)
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
        words = sum(len(d["text"].split()) for d in docs)
        start = cold_start(path)
        bare, full = _child("bare", path), _child("sitrep", path)
    result = {
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip(),
        "reports": args.n,
        "words": words,
        "bare_docs_per_s": round(args.n / bare["seconds"], 1),
        "sitrep_docs_per_s": round(args.n / full["seconds"], 1),
        "sitrep_words_per_s": round(words / full["seconds"]),
        "ratio_sitrep_to_bare": round(bare["seconds"] / full["seconds"], 3),
        "bare_peak_rss_mb": round(bare["peak_rss_mb"]),
        "sitrep_peak_rss_mb": round(full["peak_rss_mb"]),
        "cold_start_s": round(start, 2),
        "analysed_ok": full["ok"],
    }
    for key, value in result.items():
        print(f"{key:24s} {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
