"""Never the target as perpetrator: when the happening is the subject ('an attack on the army base
took place', 'a drone strike on a convoy killed five'), its 'on' phrase is the target and only its
own 'by' phrase names the doer."""

import pytest
from handmade import with_events

ACTORS = {"Delta Front": "armed_group", "Kelwa Brigade": "armed_group"}


def roles(text: str) -> dict[str, str]:
    a = with_events(text, actors=ACTORS)
    [ev] = a.events
    return {r.role: a.entity(r.entity).name for r in ev.actors}


@pytest.mark.parametrize(
    "text",
    [
        "An attack on a Delta Front base took place near the river on Sunday, officials said.",
        "A raid against a Delta Front post happened late on Friday.",
        "A drone strike on a Delta Front convoy killed five fighters on Monday.",
    ],
)
def test_the_target_of_a_happening_told_as_subject_is_actor2(text):
    assert roles(text) == {"actor2": "Delta Front"}


def test_the_by_phrase_of_a_happening_told_as_subject_is_actor1():
    text = "The attack by the Kelwa Brigade on a Delta Front base took place on Sunday."
    assert roles(text).get("actor1") == "Kelwa Brigade"


@pytest.mark.parametrize(
    "text",
    [
        "A Kelwa Brigade attack killed five Delta Front fighters on Monday.",
        "An ambush staged by the Kelwa Brigade killed four Delta Front fighters on Monday.",
    ],
)
def test_the_doer_named_on_a_happening_told_as_subject_is_actor1(text):
    assert roles(text).get("actor1") == "Kelwa Brigade"
