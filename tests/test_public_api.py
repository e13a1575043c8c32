"""The public API is pinned: adding to it is a decision, removing from it breaks users."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sitrep
from sitrep.errors import PipelineError
from sitrep.pipeline import STAGES, Stage, check_order


def test_public_names_are_pinned() -> None:
    assert sitrep.__all__ == [
        "Analysis",
        "InputError",
        "SitrepError",
        "__version__",
        "analyze",
        "analyze_text",
    ]
    for name in sitrep.__all__:
        assert getattr(sitrep, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        sitrep.nope  # noqa: B018


def test_importing_the_package_does_not_load_spacy() -> None:
    code = "import sys, sitrep; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_analyze_text_from_the_top_level() -> None:
    a = sitrep.analyze_text(
        "Gunmen attacked a checkpoint near Gao in Mali on Monday.", published="2024-05-08"
    )
    assert isinstance(a, sitrep.Analysis)
    assert any(e.kind == "place" for e in a.entities)


def test_stage_order_is_checked() -> None:
    by_name = {s.name: s for s in STAGES}
    assert [s.name for s in check_order(STAGES)] == [
        "places",
        "actors",
        "claims",
        "events",
        "routes",
    ]
    with pytest.raises(PipelineError, match="stage 'routes' requires"):
        check_order([by_name["places"], by_name["routes"]])
    with pytest.raises(PipelineError, match="stage 'actors' requires"):
        check_order([by_name["actors"], by_name["places"]])


def test_analyze_takes_a_subset_of_stages() -> None:
    from sitrep.ingest.metadata import fill_metadata
    from sitrep.model import Document

    doc = fill_metadata(
        Document(id="d", text="Militants crossed from Syria into Lebanon near Hermel.", origin="d")
    )
    only_places = [s for s in STAGES if s.name == "places"]
    (a,) = list(sitrep.analyze([doc], stages=only_places))
    assert isinstance(a, sitrep.Analysis)
    assert {e.kind for e in a.entities} == {"place"}
    assert a.routes == [] and a.claims == []


def test_a_stage_record_is_frozen() -> None:
    stage = Stage("x", lambda a, d: None)
    with pytest.raises(AttributeError):
        stage.name = "y"  # type: ignore[misc]
