"""Every shipped YAML data file parses, and no word list holds a value YAML 1.1 turned into a
boolean or a number by accident (bare ``on``, ``no``, ``yes``, ``off`` read as True/False)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.lexicons import parse_yaml

SRC = Path(__file__).resolve().parent.parent / "src" / "sitrep"
YAML_FILES = sorted(p for p in SRC.rglob("*.yaml") if "vendor" not in p.parts)


def _booleans_in_lists(node: Any, where: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                found.append(f"{where}/<key {k}>")
            found += _booleans_in_lists(v, f"{where}/{k}")
    elif isinstance(node, list):
        strings = [x for x in node if isinstance(x, str)]
        for x in node:
            if isinstance(x, bool) and strings:  # a word list with a stray boolean in it
                found.append(f"{where}: {x!r}")
            found += _booleans_in_lists(x, where)
    return found


def test_there_are_data_files() -> None:
    assert len(YAML_FILES) > 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_word_lists_hold_no_accidental_booleans(path: Path) -> None:
    data = parse_yaml(path.read_text("utf-8"))
    assert _booleans_in_lists(data) == [], (
        f"{path.relative_to(SRC)}: quote words like 'on' and 'no'"
    )


def test_the_check_catches_a_bare_on() -> None:
    assert _booleans_in_lists(parse_yaml("words: [in, on, at]")) == ["/words: True"]


# The data cache (sitrep.datacache): parsed once per content, validated again on any change.


def test_cached_runs_the_loader_once_per_content(tmp_path: Path, monkeypatch) -> None:
    from sitrep import datacache

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_NO_DATA_CACHE", raising=False)
    data = tmp_path / "words.yaml"
    data.write_text("words: [ford, bridge]\n", encoding="utf-8")
    calls: list[str] = []

    def load() -> dict:
        calls.append("load")
        return parse_yaml(data.read_text("utf-8"))

    first = datacache.cached("words", [data], load)
    again = datacache.cached("words", [data], load)
    assert first == again == {"words": ["ford", "bridge"]} and calls == ["load"]
    data.write_text("words: [ford, bridge, pass]\n", encoding="utf-8")
    assert datacache.cached("words", [data], load) == {"words": ["ford", "bridge", "pass"]}
    assert calls == ["load", "load"]
    assert len(list((tmp_path / "cache" / datacache.SUBDIR).glob("words-*.pickle"))) == 1


def test_a_loader_that_refuses_its_data_caches_nothing(tmp_path: Path, monkeypatch) -> None:
    from sitrep import datacache
    from sitrep.errors import DataFileError

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_NO_DATA_CACHE", raising=False)
    data = tmp_path / "bad.yaml"
    data.write_text("words: []\n", encoding="utf-8")
    calls: list[str] = []

    def load() -> None:
        calls.append("load")
        raise DataFileError("bad.yaml: 'words' must be a non-empty list of words")

    for _ in range(2):
        with pytest.raises(DataFileError, match="bad.yaml"):
            datacache.cached("bad", [data], load)
    assert calls == ["load", "load"]


def test_a_parsed_file_is_parsed_again_when_it_changes(tmp_path: Path, monkeypatch) -> None:
    import yaml

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_NO_DATA_CACHE", raising=False)
    assert parse_yaml("cues: [via, through]") == {"cues": ["via", "through"]}
    assert parse_yaml("cues: [via, through]") == {"cues": ["via", "through"]}  # from the cache
    assert parse_yaml("cues: [via, across]") == {"cues": ["via", "across"]}
    with pytest.raises(yaml.YAMLError):
        parse_yaml("cues: [via")
    with pytest.raises(yaml.YAMLError):  # a broken text is never cached as anything
        parse_yaml("cues: [via")


def test_the_registry_check_runs_on_a_changed_file(tmp_path: Path, monkeypatch) -> None:
    """A cached registry is no excuse: a changed registry file is loaded and checked again."""
    import importlib

    from sitrep import datacache

    reg = importlib.import_module("sitrep.actors.registry")
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_NO_DATA_CACHE", raising=False)
    files = [*reg._data_files("registry"), *reg._data_files("people.yaml")]
    datacache.cached("actor-registry", files, reg._build, modules=("sitrep.actors.checks",))
    twin = tmp_path / "twin.yaml"
    twin.write_text(files[0].read_text("utf-8"), encoding="utf-8")  # every alias now twice

    def build_with_twin() -> object:
        entries = reg.load_entries() + reg.load_file(twin, "actor")
        found = reg.problems(entries)  # type: ignore[arg-type]
        if found:
            raise ValueError("registry data is invalid:\n" + "\n".join(found))
        return entries

    with pytest.raises(ValueError, match="registry data is invalid"):
        datacache.cached("actor-registry", [*files, twin], build_with_twin)


def test_at_most_six_word_lists_stay_inline_all_column_orders_or_page_names(tmp_path) -> None:
    """scripts/inline_lists.py finds the word lists still written in code. Issue 15: lexicons live
    in data files and at most six enum-like lists (page names, column orders) stay inline."""
    import importlib.util

    script = SRC.parent.parent / "scripts" / "inline_lists.py"
    spec = importlib.util.spec_from_file_location("inline_lists", script)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sample = tmp_path / "pkg"
    sample.mkdir()
    (sample / "sample.py").write_text(
        'CUES = ("via", "ford", "crossing")\n'
        'Kind = Literal["plan", "deny", "hedge"]\n'
        'S = Stage("x", f, frozenset({"entities.place", "claims", "routes"}))\n',
        "utf-8",
    )
    assert [w for _, _, w in mod.inline_lists(sample)] == [["via", "ford", "crossing"]]
    found = list(mod.inline_lists())
    assert len(found) <= 6, found
    assert {f for f, _, _ in found} <= {"sitrep/render/rows.py", "sitrep/web/app.py"}, found


def test_the_gazetteer_keys_answer_alike_before_and_after_they_load(monkeypatch) -> None:
    """One short report asks SQLite for each key; a batch loads the whole set: same answers."""
    from sitrep.places.store import Gazetteer, KeySet, get_gazetteer

    gaz = get_gazetteer()
    path = Path(gaz.db.execute("PRAGMA database_list").fetchone()[2])
    names = ["paris", "gao", "no such place at all", "kidal", "x"]
    monkeypatch.setattr(KeySet, "EAGER_AFTER", 3)
    fresh = Gazetteer(path)
    asked = [n in fresh.keys for n in names]  # three from SQLite, then the whole set
    assert asked == [n in gaz.keys.full() for n in names] and asked[0] and not asked[2]
    assert fresh.max_words == gaz.max_words


def test_a_spacy_label_set_with_a_label_spacy_does_not_define_fails_on_load(monkeypatch) -> None:
    from sitrep import lexicons
    from sitrep.errors import DataFileError

    assert "nsubjpass" in lexicons.syntax()["happening_args"]
    monkeypatch.setattr(lexicons, "load_yaml", lambda *_: {"happening_args": ["nsubj", "nsubjpas"]})
    lexicons.syntax.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"syntax.yaml: 'happening_args'.*nsubjpas"):
            lexicons.syntax()
    finally:
        monkeypatch.undo()
        lexicons.syntax.cache_clear()
    assert "nsubjpass" in lexicons.syntax()["happening_args"]


def test_the_registry_record_schema_gives_each_kind_its_own_fields() -> None:
    from sitrep.actors.checks import record_schema

    schema = record_schema()
    assert "operates_in" in schema.fields["actor"] and "affiliation" in schema.fields["person"]
    assert "operates_in" not in schema.fields["person"] and "armed_group" in schema.actor_types
