"""Shared fixtures: analyse text into validated contract JSON, and run the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """Keep built caches (the gazetteer) out of the user's home, once per test session."""
    cache = os.environ.get("SITREP_TEST_CACHE") or str(tmp_path_factory.mktemp("sitrep-cache"))
    os.environ["SITREP_CACHE"] = cache
    yield cache


def check_offsets(data: dict) -> None:
    """Every span in a contract dict points at its own text."""
    text = data["document"]["text"]

    def walk(node):
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                assert text[node["start"] : node["end"]] == node["text"], node
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk({k: v for k, v in data.items() if k != "document"})


@pytest.fixture(scope="session")
def analyze():
    """text -> contract dict, validated against the schema and checked for exact offsets."""
    from sitrep import analyze_text
    from sitrep.serialize import to_dict, validate

    def run(text: str, published: str | None = None) -> dict:
        data = to_dict(analyze_text(text, published=published))
        validate(data)
        check_offsets(data)
        return data

    return run


@pytest.fixture(scope="session")
def seed(analyze) -> dict:
    """The report the project started from, analysed (read from ../shared, never copied)."""
    path = SHARED / "seeds" / "000_5c63cc31f0767806.txt"
    if not path.is_file():
        pytest.skip("the seed report is not in ../shared")
    return analyze(path.read_text("utf-8"))


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ},
    )


@pytest.fixture
def cli():
    return run_cli


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
