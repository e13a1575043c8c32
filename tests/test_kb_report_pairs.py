"""End to end over report pairs of our own (tests/data/report_pairs.jsonl: wire stories, local
press, weekly briefs and flash updates telling one incident twice): analysed, stored in a fresh KB
and compared, the pairs that disagree are found with the field they disagree on, and no pair that
tells an incident consistently, and no unrelated pair, raises an alarm. The pairs still missed are
listed, so that finding one is a visible change."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "report_pairs.jsonl"
# A second set of our own, written before the KB changes it measures and never tuned on: only
# its false alarms are a test (none), its found pairs are a figure to report.
HELD_OUT = Path(__file__).parent / "data" / "report_pairs2.jsonl"
SCRIPT = Path(__file__).parent.parent / "scripts" / "eval_contradictions.py"
# Pairs whose disagreement the pipeline does not yet carry into the KB: a place 500 km off
# (one of its names read as a homonym abroad, and linked only with stronger evidence), a
# perpetrator named only through its gunmen ("gunmen believed to belong to X": the event has
# no actor1).
MISSED = {("X11", "X12")}


@cache  # each file analysed once for the module's tests
def _score(path: Path):
    spec = importlib.util.spec_from_file_location("eval_contradictions", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    found = mod.found_pairs(gold, None)
    return mod.gold_pairs(gold, "contradicts"), mod.gold_pairs(gold, "same_incident"), found


@pytest.fixture(scope="module")
def scored():
    return _score(DATA)


@pytest.fixture(scope="module", params=[DATA, HELD_OUT], ids=["pairs", "held_out"])
def any_scored(request):
    return _score(request.param)


def test_every_disagreement_but_the_known_misses_is_found_with_its_field(scored):
    want, _, found = scored
    hits = {pair for pair, field in want.items() if (pair, field) in found}
    assert hits == set(want) - MISSED


def test_no_consistent_or_unrelated_pair_raises_an_alarm(any_scored):
    want, consistent, found = any_scored
    false = {key for key in found if want.get(key[0]) != key[1]}
    assert not false, false
    assert consistent and not any(pair in consistent for pair, _ in found)
