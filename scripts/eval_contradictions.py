"""Score the KB's contradictions against a gold reports file (run by hand; the scorer skips them).

  python scripts/eval_contradictions.py GOLD.jsonl [--half A|B] [--analyses OUT.jsonl] [-v [--links]]

The reports' text, publication date and outlet (nothing else of the gold) are ingested into a
temporary KB; its contradicting report pairs, each with its field, are compared with the gold
``contradicts`` pairs. A pair the KB finds that gold does not list as contradicting is false:
whether gold says the two tell one incident consistently (``same_incident``) or nothing.
``--analyses`` stores the output of ``sitrep analyze`` instead of analysing again (quick reruns
when only the KB changed). ``--half`` keeps the scorer's fixed half: linked reports stay together.
``--links`` (with ``-v``) tells of each missed pair whether the KB linked its reports (then the
field was not read or agreed) or how far their best link score fell short, and why.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

# The gold ``about`` of a pair is prose; its first words name the field.
FIELD_WORDS = (
    ("fatalities", ("death toll", "toll", "killed", "casualt", "fatalit")),
    ("date", ("date", "when")),
    ("place", ("location", "place", "where")),
    ("perpetrator", ("perpetrator", "who ", "responsib")),
    ("type", ("type", "kind")),
    ("allegiance", ("allegiance", "loyal")),
)

Pair = tuple[str, str]


def field_of(about: str) -> str:
    """The field a gold ``about`` names: the earliest field word in it."""
    text = about.casefold()
    hits = [(text.find(w), name) for name, words in FIELD_WORDS for w in words if w in text]
    return min(hits)[1] if hits else "?"


def group_key(g: dict) -> str:
    """As the scorer: a report and the reports it is linked to share their smallest id."""
    return min(
        [g["id"]] + [x["report"] for x in g.get("contradicts", []) + g.get("same_incident", [])]
    )


def halves(gold: list[dict]) -> dict[str, str]:
    """The scorer's fixed halves: groups alternate A, B in id order within each id prefix."""
    seen: Counter[str] = Counter()
    half = {}
    for key in sorted({group_key(g) for g in gold}):
        half[key] = "AB"[seen[key[0]] % 2]
        seen[key[0]] += 1
    return {g["id"]: half[group_key(g)] for g in gold}


def gold_pairs(gold: list[dict], link: str) -> dict[Pair, str]:
    """Report pairs gold links (``contradicts`` or ``same_incident``), each with its field."""
    ids = {g["id"] for g in gold}
    return {
        tuple(sorted((g["id"], x["report"]))): field_of(x.get("about", ""))
        for g in gold
        for x in g.get(link) or []
        if x["report"] in ids
    }


def _store_analyses(factory, path: Path, ids: set[str]) -> None:
    from sitrep.kb.grading import regrade
    from sitrep.kb.store import store

    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line) if line.strip() else None
        if data and data["document"]["id"] in ids:
            with factory.begin() as s:
                store(s, data)
    with factory.begin() as s:
        regrade(s)


def _ingest(factory, gold: list[dict], folder: Path) -> None:
    from sitrep.kb.ingest import ingest

    inputs = folder / "reports.jsonl"
    keep = ("id", "text", "published", "outlet")
    inputs.write_text(
        "".join(json.dumps({k: g.get(k) for k in keep}) + "\n" for g in gold), encoding="utf-8"
    )
    result = ingest(factory, [str(inputs)])
    for line in result.failed:
        print(f"failed: {line}", file=sys.stderr)


def _linking(session, pairs: set[Pair]) -> dict[Pair, str]:
    """For each report pair: "linked" when one incident holds both, else the best link score any
    two of their events reach (``incidents.compare``) with its reasons, or why none is scored."""
    from sqlalchemy import select

    from sitrep.kb.incidents import compare, telling
    from sitrep.kb.models import Document, ReportEvent

    events: dict[str, list] = {}
    for ev in session.scalars(select(ReportEvent)):
        events.setdefault(session.get(Document, ev.document_id).doc_id, []).append(ev)
    out = {}
    for a, b in sorted(pairs):
        one, other = events.get(a, []), events.get(b, [])
        if {e.incident_id for e in one} & {e.incident_id for e in other}:
            out[(a, b)] = "linked"
            continue
        scored = [
            found
            for x in one
            for y in other
            if x.date and y.date and (found := compare(telling(session, x), telling(session, y)))
        ]
        best = max(scored, key=lambda f: f[0], default=None)
        out[(a, b)] = (
            f"not linked, best {best[0]:.1f}: {', '.join(best[1])}"
            if best
            else "not linked, no two events comparable (type family, dates, nothing specific)"
        )
    return out


def found_pairs(
    gold: list[dict], analyses: Path | None, linking: dict[Pair, str] | None = None
) -> dict[tuple[Pair, str], list[str]]:
    """Contradicting report pairs with their field, as a fresh KB finds them, with their values.
    ``linking``, when given, is filled with how each gold pair's reports were linked."""
    from sitrep.kb.contradictions import find
    from sitrep.kb.db import open_kb

    with tempfile.TemporaryDirectory() as tmp, open_kb(str(Path(tmp) / "kb.db")) as factory:
        if analyses is not None:
            _store_analyses(factory, analyses, {g["id"] for g in gold})
        else:
            _ingest(factory, gold, Path(tmp))
        with factory() as s:
            found = [c.as_dict() for c in find(s)]
            if linking is not None:
                pairs = set(gold_pairs(gold, "contradicts")) | set(
                    gold_pairs(gold, "same_incident")
                )
                linking.update(_linking(s, pairs))
    out: dict[tuple[Pair, str], list[str]] = {}
    for c in found:
        for i, j in c.get("pairs") or combinations(range(len(c["documents"])), 2):
            a, b = c["documents"][i], c["documents"][j]
            if a != b:
                values = [str(c["values"][i]), str(c["values"][j])]
                out[(tuple(sorted((a, b))), c["about"])] = values if a < b else values[::-1]
    return out


def score(
    gold: list[dict],
    found: dict[tuple[Pair, str], list[str]],
    verbose: bool,
    linking: dict[Pair, str] | None = None,
) -> dict[str, int]:
    want = gold_pairs(gold, "contradicts")
    consistent = gold_pairs(gold, "same_incident")
    hits = {pair for pair, field in want.items() if (pair, field) in found}
    false = {key for key in found if want.get(key[0]) != key[1]}
    if verbose:
        for pair, field in sorted(want.items()):
            told = "found" if pair in hits else "MISSED"
            why = f" ({linking[pair]})" if linking and pair in linking and pair not in hits else ""
            print(f"  gold {pair[0]}-{pair[1]} {field}: {told}{why}")
        for pair in sorted(consistent):
            if linking and pair in linking:
                print(f"  same_incident {pair[0]}-{pair[1]}: {linking[pair]}")
        for pair, field in sorted(false):
            kind = (
                "same_incident"
                if pair in consistent
                else "contradicts"
                if pair in want
                else "unrelated"
            )
            print(f"  false {pair[0]}-{pair[1]} {field} {found[(pair, field)]} ({kind})")
    return {
        "found": len(hits),
        "gold": len(want),
        "false": len(false),
        "false_same_incident": sum(1 for key in false if key[0] in consistent),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold", type=Path, help="gold reports JSONL (GOLD_FORMAT.md)")
    ap.add_argument("--half", choices=("A", "B"), help="only the scorer's fixed half")
    ap.add_argument(
        "--analyses", type=Path, help="stored `sitrep analyze --format jsonl` output to reuse"
    )
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="list each gold pair and each false one"
    )
    ap.add_argument(
        "--links",
        action="store_true",
        help="with -v: say of each missed or consistent pair whether its reports were linked, "
        "else the best link score of their events and its reasons",
    )
    args = ap.parse_args()
    gold = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if args.half:
        half = halves(gold)
        gold = [g for g in gold if half[g["id"]] == args.half]
    linking: dict[Pair, str] | None = {} if args.links else None
    result = score(gold, found_pairs(gold, args.analyses, linking), args.verbose, linking)
    print(" ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
