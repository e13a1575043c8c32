"""An act put inside a happening already told ('houses were destroyed in the attack') is a fact of
that incident, not an event of its own; an act told on its own ('troops later arrested five') is."""

import pytest
from handmade import TOWN, with_events


@pytest.mark.parametrize(
    "text",
    [
        "A jet dropped three bombs on Tokala on Tuesday, killing ten people. Eleven houses were "
        "destroyed in the attack, a resident said.",
        "Gunmen raided Tokala on Friday night and killed four farmers. Shops were looted during "
        "the raid, residents said.",
        "Rebels attacked the town of Tokala on Monday, killing six civilians. Two health centres "
        "were burned in the assault.",
    ],
)
def test_an_act_inside_the_attack_is_a_fact_of_it(text):
    a = with_events(text, places={"Tokala": TOWN})
    [ev] = a.events
    assert ev.type != "Strategic developments"
    assert len(ev.sentences) == 2


def test_an_act_of_its_own_after_an_attack_stays_an_event():
    text = (
        "Militants attacked an army base near Tokala on Sunday. "
        "Troops later arrested five suspects in the town."
    )
    evs = with_events(text, places={"Tokala": TOWN}).events
    assert [e.sub_type for e in evs] == ["Armed clash", "Arrests"]
