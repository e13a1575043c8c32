"""The alias registry: loading its YAML, folded matching, acronym case, ambiguous aliases."""

from __future__ import annotations

import sys

import pytest

from sitrep.actors.checks import problems
from sitrep.actors.registry import Registry, load_entries, load_file, registry

FIXTURE = """
- key: front-of-the-dawn
  name: Jabhat al-Fajr
  type: armed_group
  country: SY
  aliases:
    - JAF
    - Dawn Front
    - {name: Fajr, needs_context: true}
  wikidata: Q999
- key: river-guard
  name: River Guard
  type: militia
  aliases: [Haras al-Nahr]
"""

PEOPLE = """
- key: abu-salim-al-fajri
  name: Abu Salim al-Fajri
  aliases: [al-Fajri]
  affiliation: front-of-the-dawn
  role: leader
"""


@pytest.fixture
def small(tmp_path) -> Registry:
    groups, people = tmp_path / "groups.yaml", tmp_path / "people.yaml"
    groups.write_text(FIXTURE, "utf-8")
    people.write_text(PEOPLE, "utf-8")
    return Registry(load_file(groups, "actor") + load_file(people, "person"))


def spans(reg: Registry, text: str) -> set[tuple[str, str]]:
    return {(text[h.start : h.end], h.entry.key) for h in reg.find(text)}


def test_spelling_variants_fold_to_one_entry(small):
    text = "Jabhat al Fajr and Jabhat el-Fajr and JABHAT AL-FAJR all claimed it."
    found = spans(small, text)
    assert ("Jabhat al Fajr", "front-of-the-dawn") in found
    assert ("Jabhat el-Fajr", "front-of-the-dawn") in found
    assert ("JABHAT AL-FAJR", "front-of-the-dawn") in found


def test_accents_and_apostrophes_are_forgotten(small):
    assert ("Hâras al-Nahr", "river-guard") in spans(small, "Units of Hâras al-Nahr moved in.")


def test_acronym_matches_only_in_capitals(small):
    assert ("JAF", "front-of-the-dawn") in spans(small, "JAF fighters")
    assert not spans(small, "the jaf was quiet")


def test_match_never_crosses_a_sentence(small):
    assert not spans(small, "They met the Dawn. Front lines moved.")


def test_people_and_their_group(small):
    hits = small.find("Troops say al-Fajri escaped.")
    assert [(h.entry.kind, h.entry.parent) for h in hits] == [("person", "front-of-the-dawn")]
    assert "al-Fajri" == "Troops say al-Fajri escaped."[hits[0].start : hits[0].end]


def test_lookup_and_ids(small):
    [entry] = small.lookup("jabhat al-fajr")
    assert entry.ids == {"registry": "front-of-the-dawn", "wikidata": "Q999"}
    assert small.lookup("no such group") == []


def test_bad_records_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: no key here\n", "utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        load_file(bad, "actor")
    bad.write_text("- key: x\n  name: X\n  aliases: [{needs_context: true}]\n", "utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        load_file(bad, "actor")


def test_shipped_registry_loads_and_keys_are_unique():
    entries = load_entries()
    keys = [(e.kind, e.key) for e in entries]
    assert len(keys) == len(set(keys))
    assert registry().lookup("HTS")[0].name == "Hayat Tahrir al-Sham"
    assert {e.key for e in registry().lookup("Daesh")} == {
        e.key for e in registry().lookup("Islamic State")
    }


def test_cli_lookup(cli):
    found = cli("actors", "lookup", "Da'ish")
    assert found.returncode == 0 and "islamic-state" in found.stdout
    near = cli("actors", "lookup", "Hurras al-Dino")
    assert near.returncode == 0 and near.stdout.startswith("close\thurras-al-din")
    missing = cli("actors", "lookup", "Qwxz Plover Front")
    assert missing.returncode == 1 and "Qwxz Plover Front" in missing.stderr


BAD = {
    "shared spelling": """
- {key: one, name: Dawn Front, type: armed_group, country: SY, source: s, aliases: [Fajr Brigade]}
- {key: two, name: Fajr Brigade, type: armed_group, country: SY, source: s}
""",
    "common English word": """
- {key: one, name: Dawn Front, type: armed_group, country: SY, source: s, aliases: [Us]}
""",
    "missing or bad type": """
- {key: one, name: Dawn Front, country: SY, source: s}
""",
    "missing country": """
- {key: one, name: Dawn Front, type: militia, source: s}
""",
}


@pytest.mark.parametrize("problem", sorted(BAD))
def test_bad_registry_data_is_refused_naming_the_file(tmp_path, monkeypatch, problem):
    reg = sys.modules[Registry.__module__]  # the module; the package exports a function of its name
    path = tmp_path / "bad_groups.yaml"
    path.write_text(BAD[problem], "utf-8")
    found = problems(load_file(path, "actor"))
    assert found and all("bad_groups.yaml" in p for p in found)
    assert any(word in p for p in found for word in problem.split()[-1:])
    monkeypatch.setattr(reg, "_data_files", lambda sub: [path] if sub == "registry" else [])
    with pytest.raises(ValueError, match="bad_groups.yaml"):
        reg.load_entries()


def test_shipped_registry_data_is_sound():
    assert problems(load_entries()) == []


def test_short_alias_matches_only_its_own_case(small, tmp_path):
    groups = tmp_path / "g.yaml"
    groups.write_text(
        "- key: aa\n  name: Arakan Hills Army\n  type: armed_group\n  country: MM\n"
        "  source: s\n  aliases: [{name: AA, needs_context: true},\n"
        "            {name: HaD, needs_context: true}]\n",
        "utf-8",
    )
    reg = Registry(load_file(groups, "actor"))
    assert spans(reg, "A group of men had left; Had they gone?") == set()
    assert spans(reg, "AA fighters and HaD fighters") == {("AA", "aa"), ("HaD", "aa")}
    assert spans(reg, "LAAF units") == set()
