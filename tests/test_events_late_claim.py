"""A claim that names the happening ('claimed responsibility for the attack') sets actor1 even when
the report tells other matters first and the claim only at its end."""

import pytest
from handmade import with_events

BODY = (
    "A car bomb exploded outside a district office in Kelwa on Sunday, killing six people.\n"
    "The office had reopened only a month ago after years of repairs.\n"
    "Schools in the district stayed closed on Monday, and traders kept their shops shut.\n"
    "The governor's spokesman said the city hospital was treating the wounded.\n"
    "Elders called on the authorities to guard the district's markets.\n"
)


@pytest.mark.parametrize(
    "claim",
    [
        "The Kelwa Brigades claimed responsibility for the attack in a statement.",
        "The Kelwa Brigades later claimed the bombing on a messaging channel.",
        "In an online post, the Kelwa Brigades claimed responsibility for the blast.",
    ],
)
def test_a_late_claim_naming_the_attack_sets_actor1(claim):
    a = with_events(BODY + claim, actors={"Kelwa Brigades": "armed_group"})
    [ev] = [e for e in a.events if e.type == "Explosions/Remote violence"]
    first = next(r.entity for r in ev.actors if r.role == "actor1")
    assert a.entity(first).name == "Kelwa Brigades"


def test_a_late_claim_of_something_else_sets_no_actor1():
    claim = "The Kelwa Brigades claimed a victory in last year's local elections."
    a = with_events(BODY + claim, actors={"Kelwa Brigades": "armed_group"})
    [ev] = [e for e in a.events if e.type == "Explosions/Remote violence"]
    assert not [r for r in ev.actors if r.role == "actor1"]
