"""Who suffered is never the perpetrator: the subject of "died" is the target, and blame put on a
group with "attributed ... to" or "blamed ... on" names the perpetrator."""

import pytest
from handmade import with_events

ACTORS = {
    "Falcon Brigade": "armed_group",
    "soldiers": "state_force",
    "policemen": "state_force",
    "villagers": "civilians",
    "Gunmen": "armed_group",
}


def roles(text: str) -> dict[str, str]:
    """The one event's roles, by the name of each actor."""
    a = with_events(text, "2024-06-14", actors=ACTORS)
    assert len(a.events) == 1, [(e.trigger.text, e.sub_type) for e in a.events]
    names = {e.id: e.name for e in a.entities}
    return {r.role: names[r.entity] for r in a.events[0].actors}


@pytest.mark.parametrize(
    "text, victims",
    [
        (
            "Five soldiers died when a roadside bomb hit their truck near the bridge on Monday.",
            "soldiers",
        ),
        (
            "Two policemen died in the attack on the checkpoint outside the town on Monday.",
            "policemen",
        ),
        ("Three villagers died on Monday when their homes were set alight.", "villagers"),
    ],
)
def test_those_who_died_are_the_target_not_the_perpetrator(text, victims):
    found = roles(text)
    assert found.get("actor1") != victims
    assert found.get("actor2") == victims


@pytest.mark.parametrize(
    "text",
    [
        "Six people were shot dead at a wedding on Thursday. Police attributed the massacre to the Falcon Brigade.",
        "A car bomb killed four guards at the gate on Monday. The killings were attributed to the Falcon Brigade.",
        "Gunmen killed two traders at the market on Monday. Elders blamed the attack on the Falcon Brigade.",
    ],
)
def test_blame_put_on_a_group_names_the_perpetrator(text):
    assert roles(text).get("actor1") == "Falcon Brigade"


def test_attributing_something_else_to_a_group_blames_no_one():
    text = (
        "Gunmen killed two traders at the market on Monday. "
        "Officials attributed the delay in the inquiry to the Falcon Brigade's silence."
    )
    assert roles(text).get("actor1") != "Falcon Brigade"


def test_blamed_for_an_attack_names_doers_called_by_what_they_do():
    """ "fighters" is also a word of fighting: with "for the bombing" it is still the blamed."""
    text = (
        "Three guards died on Monday when a roadside bomb hit their convoy near the bridge.\n"
        "An official blamed Falcon Brigade fighters for the bombing."
    )
    assert roles(text).get("actor1") == "Falcon Brigade"


@pytest.mark.parametrize(
    "text",
    [
        "Two guards were killed in a strike carried out by the Falcon Brigade on the depot on Saturday.",
        "Four soldiers died in an attack launched by the Falcon Brigade on the post on Monday.",
        "Three policemen were wounded during a raid conducted by the Falcon Brigade on Monday.",
    ],
)
def test_the_doer_of_the_happening_the_victims_were_caught_in_is_the_perpetrator(text):
    assert roles(text).get("actor1") == "Falcon Brigade"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen of the Falcon Brigade attacked a guard post near the pipeline on Friday, killing three guards.",
        "Gunmen from the Falcon Brigade shot dead two traders at the market on Monday.",
        "Gunmen loyal to the Falcon Brigade killed four herders near the wells on Monday.",
    ],
)
def test_unnamed_attackers_stand_for_the_group_their_phrase_names(text):
    assert roles(text).get("actor1") == "Falcon Brigade"


def test_a_group_in_the_attackers_own_clause_is_not_theirs():
    text = "Gunmen who had ambushed Falcon Brigade fighters a week earlier killed two traders on Monday."
    assert roles(text).get("actor1") != "Falcon Brigade"
