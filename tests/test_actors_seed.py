"""The report the project started from (read from ../shared, never copied): its groups and people."""

from __future__ import annotations


def ids_of(data: dict, surface: str) -> set[str]:
    """Entity ids of the actor/person mentions over every occurrence of surface."""
    text, out, k = data["document"]["text"], set(), data["document"]["text"].find(surface)
    while k >= 0:
        out |= {
            m["entity"]
            for m in data["mentions"]
            if m["kind"] in ("actor", "person") and m["start"] < k + len(surface) and k < m["end"]
        }
        k = text.find(surface, k + 1)
    return out


def entity(data: dict, eid: str) -> dict:
    return next(e for e in data["entities"] if e["id"] == eid)


def test_aliases_land_on_one_entity(seed):
    assert (
        len(
            ids_of(seed, "HTS")
            | ids_of(seed, "Hayat Tahrir al-Sham")
            | ids_of(seed, "Tahrir al-Sham")
        )
        == 1
    )
    assert len(ids_of(seed, "Daesh") | ids_of(seed, "Islamic State")) == 1
    assert len(ids_of(seed, "al-Qaida") | ids_of(seed, "al-Qaeda")) == 1


def test_groups_and_their_types(seed):
    [hurras] = ids_of(seed, "Hurras al-Din")
    assert entity(seed, hurras)["actor_type"] == "armed_group"
    [hezbollah] = ids_of(seed, "Hezbollah")
    assert entity(seed, hezbollah)["kind"] == "actor"


def test_people_and_affiliations(seed):
    [hts] = ids_of(seed, "Hayat Tahrir al-Sham")
    [isis] = ids_of(seed, "Islamic State")
    [hurras] = ids_of(seed, "Hurras al-Din")
    expected = {
        "Abu Bakr al-Baghdadi": isis,
        "Abu Mohammed Salama": hurras,
        "Abu Mohammed al-Golani": hts,
    }
    for name, group in expected.items():
        [pid] = ids_of(seed, name)
        assert (
            entity(seed, pid)["kind"] == "person" and entity(seed, pid)["affiliation"] == group
        ), name
    assert ids_of(seed, "al-Talli") == ids_of(seed, "Abu Malik al-Talli")
    reporter = [e for e in seed["entities"] if e.get("role") == "reporter"]
    assert [e["name"] for e in reporter] == ["Omar Sari"]
