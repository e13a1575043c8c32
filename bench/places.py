"""Geoparsing speed: the places stage's time as a share of the bare spaCy pipeline's, in one run.

  python bench/places.py [--docs N]

Reads LGL article texts from ../shared/eval/geo/lgl.xml (at run time; nothing is copied).
The target is a ratio of at most 0.30. Gazetteer loading is timed on its own, once per
process, because the stage caches the connection and key set.
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "geo" / "lgl.xml"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument(
        "--corpus", type=Path, default=CORPUS, help="LGL's lgl.xml (default: ../shared)"
    )
    args = ap.parse_args()
    texts = [a.findtext("text") or "" for a in ET.parse(args.corpus).getroot().iter("article")][
        : args.docs
    ]

    from sitrep.model import Analysis, Document
    from sitrep.nlp import get_nlp
    from sitrep.places import annotate
    from sitrep.places.store import ensure_built, get_gazetteer

    ensure_built()
    t = time.perf_counter()
    get_gazetteer()
    load = time.perf_counter() - t
    nlp = get_nlp()
    list(nlp.pipe(texts[:5]))  # warm up the model
    t = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - t
    t = time.perf_counter()
    for n, (text, doc) in enumerate(zip(texts, docs, strict=False)):
        annotate(Analysis(Document(id=str(n), text=text)), doc)
    places_s = time.perf_counter() - t
    words = sum(len(d) for d in docs)
    print(f"docs {len(texts)}  tokens {words}  gazetteer load {load:.2f}s")
    print(
        f"spaCy {spacy_s:.2f}s  places {places_s:.2f}s  ratio {places_s / spacy_s:.3f} (target <= 0.30)"
    )


if __name__ == "__main__":
    main()
