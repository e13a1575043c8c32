"""Groups found by their own names: "... Warriors", "... Avengers", "... Vanguard" are armed groups;
"Fighters of the X" names X; two groups the registry once merged stay two. Texts are our own."""

from __future__ import annotations

import pytest
from test_actors_recognition import entity_of


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Police blamed the Ijaw Freedom Warriors for the attack on the pipeline.",
            "Ijaw Freedom Warriors",
        ),
        ("The Creek Avengers claimed the bombing of the flow station on Monday.", "Creek Avengers"),
        ("Fighters of the Coastal Vanguard attacked a guard post on Friday.", "Coastal Vanguard"),
    ],
)
def test_a_group_named_by_its_head_word_is_an_armed_group(analyze, text, name):
    found = entity_of(analyze(text), name)
    assert found is not None and found["name"] == name
    assert found["actor_type"] == "armed_group"


def test_the_niger_delta_avengers_are_not_mend(analyze):
    data = analyze(
        "The Niger Delta Avengers claimed the blast on the pipeline, and the Movement for the "
        "Emancipation of the Niger Delta denied any part in it."
    )
    nda, mend = entity_of(data, "Niger Delta Avengers"), entity_of(data, "Movement for")
    assert nda is not None and mend is not None and nda["id"] != mend["id"]
