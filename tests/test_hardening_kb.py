"""The knowledge base under careless input and concurrent writers, on SQLite and PostgreSQL
(issue 23): long and odd metadata, NUL characters, the project's own corpus, two writers on
one file, two first runs at once, and regrading while another run commits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from kb_fixtures import actor, claim, db_url, kb, person, place, report  # noqa: F401
from kb_fixtures import event as make_event
from sqlalchemy import event, select

from sitrep.kb.db import open_kb, write
from sitrep.kb.grading import regrade
from sitrep.kb.ingest import ingest
from sitrep.kb.models import DocEntity, Document, iso_date
from sitrep.kb.store import store

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus.jsonl"
GAO = ("Gao", 16.2666, -0.0403, "ML", 2457163)


def _report(
    n: int, outlet: str = "Sahel Wire", published: str = "2024-03-05", role: str | None = None
) -> dict:
    text = (
        f"Attack number {n} near Gao\nGunmen of the Katiba Serma attacked a convoy near Gao on 4 March 2024, "
        f"killing {n + 2} soldiers, a local official said. Commander Amadou Kone denied it."
    )
    data = report(
        f"r{n}",
        text,
        [place("pl1", *GAO), actor("ac1", "Katiba Serma"), person("pe1", "Amadou Kone")],
        events=[
            make_event(
                text,
                "ev1",
                "attacked",
                "Attack",
                "pl1",
                "2024-03-04",
                {"ac1": "actor1"},
                killed=n + 2,
                type="Battles",
                claim="cl1",
            )
        ],
        claims=[
            claim(
                text,
                "cl1",
                "Gunmen of the Katiba Serma attacked a convoy",
                "a local official",
                "anonymous",
                "C",
                3,
            )
        ],
        outlet=outlet,
        published=published,
    )
    if role is not None:
        next(e for e in data["entities"] if e["id"] == "pe1")["role"] = role
    return data


# 2. Long and odd values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "published, stored",
    [
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("Tuesday 5 March 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("2024-03-05", "2024-03-05"),
        ("sometime last spring", None),
        ("", None),
    ],
)
def test_published_is_stored_as_an_iso_day(kb, published, stored):
    with kb.begin() as s:
        store(s, _report(1, published=published))
    with kb() as s:
        assert s.scalar(select(Document.published)) == stored


def test_long_values_and_nul_characters_are_stored(kb):
    data = _report(
        2, outlet="O" * 400, role="commander of the southern sector's reserve units"
    )  # 48 characters
    data["document"]["title"] = "Attack\x00 near Gao"
    data["document"]["byline"] = "B" * 350
    with kb.begin() as s:
        store(s, data)
    nul_outlet = _report(3, outlet="Sahel\x00Wire")
    with kb.begin() as s:
        store(s, nul_outlet)
        regrade(s)
    with kb() as s:
        docs = {d.doc_id: d for d in s.scalars(select(Document))}
        assert docs["r2"].outlet == "O" * 400 and docs["r2"].byline == "B" * 350
        assert docs["r2"].title == "Attack near Gao" and docs["r3"].outlet == "SahelWire"
        roles = set(s.scalars(select(DocEntity.role)))
        assert "commander of the southern sector's reserve units" in roles


def test_iso_date_never_raises():
    for value in ("99999999999999999999", "\x00", "32 March 2024", "2024-02-30", "T" * 10_000):
        assert iso_date(value) is None or len(iso_date(value)) == 10


def test_the_projects_corpus_ingests_fully(db_url):  # noqa: F811
    with open_kb(db_url) as factory:
        result = ingest(factory, [str(CORPUS)])
        assert result.failed == [] and result.added == len(CORPUS.read_text("utf-8").splitlines())
        with factory() as s:
            assert len(s.scalars(select(Document.id)).all()) == result.added


# 7. Concurrent writers --------------------------------------------------------------------------------


def _run_all(targets) -> list[BaseException]:
    errors: list[BaseException] = []

    def guarded(fn):
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(fn,)) for fn in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return errors


def test_two_writers_share_one_kb(db_url):  # noqa: F811
    """Two ingests, each with its own engine as separate processes would have, read then write."""
    with open_kb(db_url):
        pass  # the schema exists before the writers start

    def writer(first: int):
        with open_kb(db_url) as factory:
            for n in range(first, first + 12):
                data = _report(n, outlet=f"Outlet {n % 3}")
                write(factory, lambda s: (store(s, data), regrade(s)))  # noqa: B023 - called at once, inside the iteration

    errors = _run_all([lambda: writer(0), lambda: writer(100)])
    assert errors == []
    with open_kb(db_url) as factory, factory() as s:
        assert len(s.scalars(select(Document.id)).all()) == 24


def test_first_runs_at_once_migrate_once(db_url):  # noqa: F811
    def first_run():
        with open_kb(db_url) as factory, factory() as s:
            s.scalar(select(Document.id))

    assert _run_all([first_run] * 4) == []


def test_regrading_while_another_run_commits(db_url, kb):  # noqa: F811
    if db_url.startswith("sqlite"):
        pytest.skip(
            "on SQLite regrading holds the write lock (BEGIN IMMEDIATE): no run commits meanwhile"
        )
    with kb.begin() as s:
        store(s, _report(1, outlet="First Wire"))
    late = _report(2, outlet="Second Wire")
    calls = 0

    def commit_meanwhile(_state):
        nonlocal calls
        calls += 1
        if calls == 2:  # after regrading's first query, another run commits a report
            with kb.begin() as other:
                store(other, late)

    with kb.begin() as s:
        event.listen(s, "do_orm_execute", commit_meanwhile)
        regrade(s)
    assert calls >= 2
    with kb.begin() as s:
        regrade(s)
    with kb() as s:
        assert len(s.scalars(select(Document.id)).all()) == 2
