"""Actor typing by the head of a name, and "government forces" as a bare reference to the
named national force. Texts are our own."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Researchers at Ohio State University said the raids had grown in scale.",
            "Ohio State University",
        ),
        (
            "A study by Kent State University counted the drone strikes in the region.",
            "Kent State University",
        ),
        (
            "Students at Wayne State University held a vigil for the victims of the shelling.",
            "Wayne State University",
        ),
    ],
)
def test_an_institution_whose_name_holds_state_is_no_armed_group(analyze, text, name):
    data = analyze(text)
    ents = [e for e in data["entities"] if e["kind"] == "actor" and name in e["name"]]
    assert ents, f"no actor named like {name!r}"
    assert all(e["actor_type"] != "armed_group" for e in ents)


@pytest.mark.parametrize(
    ("text", "named", "generic"),
    [
        (
            "Mozambique Defence Armed Forces units entered the port on Monday. Government troops "
            "then cleared the market.",
            "Mozambique Defence Armed Forces",
            "Government troops",
        ),
        (
            "The Syrian army shelled the town at dawn. Government forces later entered it.",
            "Syrian army",
            "Government forces",
        ),
        (
            "Soldiers of the Nigerian Army retook the road. Government soldiers then searched "
            "the nearby farms.",
            "Nigerian Army",
            "Government soldiers",
        ),
    ],
)
def test_government_forces_join_the_named_national_force(analyze, text, named, generic):
    data = analyze(text)
    force, gen = entity_of(data, named), entity_of(data, generic)
    assert force is not None and gen is not None
    assert gen["id"] == force["id"]
    assert not any(e["name"] == "Government" for e in data["entities"])
