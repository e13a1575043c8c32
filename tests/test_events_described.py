"""A doer told by what it is believed or said to be: "Gunmen believed to belong to X killed ...",
"Men thought to be X fighters stormed ...". The parser hangs the killing on "believed"; the event's
actor1 is the group the doer is said to be. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events

GROUPS = {"Delta Front": "armed_group", "Gunmen": "armed_group", "Men": "armed_group"}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen believed to belong to the Delta Front killed five police officers in Kelwa on "
        "Monday.",
        "Gunmen thought to be members of the Delta Front shot dead three traders in Kelwa on "
        "Monday.",
        "Gunmen suspected to be fighters of the Delta Front stormed a police post in Kelwa on "
        "Monday, killing two officers.",
    ],
)
def test_the_group_a_doer_is_said_to_be_is_actor1(text):
    a, doc = handmade(text, actors=GROUPS, places={"Kelwa": "PPL"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    name = {e.id: e.name for e in a.entities}
    assert [
        next((name[r.entity] for r in ev.actors if r.role == "actor1"), None) for ev in a.events
    ] == ["Delta Front"]
