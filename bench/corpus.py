"""Generate a benchmark corpus: the example reports, with their place and group names varied.

Each generated report keeps an example's structure and length but swaps names for others of
the same kind drawn from the project's own gazetteer supplements and alias registry, so the
matchers see thousands of distinct entities rather than the same eight reports again.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus.jsonl"
SUPPLEMENTS = ROOT / "src" / "sitrep" / "places" / "data" / "supplements"
REGISTRY = ROOT / "src" / "sitrep" / "actors" / "data" / "registry"


def _places() -> list[str]:
    names = []
    for path in sorted(SUPPLEMENTS.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            names += [
                row["name"]
                for row in csv.DictReader(fh)
                if row.get("kind") in ("town", "village", "city", "camp")
            ]
    return names or ["Gao", "Kidal", "Mopti"]


def _groups() -> list[str]:
    import yaml

    names = []
    for path in sorted(REGISTRY.glob("*.yaml")):
        names += [
            a["name"]
            for a in yaml.safe_load(path.read_text("utf-8")) or []
            if a.get("type") == "armed_group"
        ]
    return names or ["Ansar Group"]


def generate(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    base = [json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip()]
    places, groups = _places(), _groups()
    known_places = sorted({p for p in places if len(p) > 3}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(p) for p in known_places[:2000]))
    out = []
    for i in range(n):
        doc = dict(base[i % len(base)])
        swap: dict[str, str] = {}
        text = pattern.sub(lambda m: swap.setdefault(m.group(0), rng.choice(places)), doc["text"])  # noqa: B023 - called at once, inside the iteration
        for group in rng.sample(groups, k=min(2, len(groups))):
            text = text.replace("militants", f"{group} militants", 1)
        doc.update(id=f"bench-{i:05d}", text=text)
        out.append(doc)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("-o", type=Path, required=True)
    args = ap.parse_args()
    with args.o.open("w", encoding="utf-8") as fh:
        for doc in generate(args.n):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} reports to {args.o}")


if __name__ == "__main__":
    main()
