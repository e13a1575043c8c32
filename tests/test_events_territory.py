"""Taking verbs: they act on ground ('recovered two grenades' takes nothing), and the side that
takes it is the agent's own noun phrase, not whoever backs it."""

import pytest
from handmade import with_events


def sub_types(text: str) -> list[str]:
    a = with_events(text, "2024-03-14", places={"Kelwa": "PPL", "Dorva": "PPL"})
    return [e.sub_type for e in a.events]


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped a car at a checkpoint in Kelwa on Sunday and recovered two grenades from the boot.",
        "Troops recovered three rifles and a mortar tube at the site on Monday.",
        "On Friday soldiers recovered a cache of rockets hidden in a farmhouse near Dorva.",
    ],
)
def test_a_taking_verb_without_ground_takes_nothing_and_fires_nothing(text):
    assert sub_types(text) == ["Disrupted weapons use"]


def test_a_taking_verb_with_ground_still_takes_it():
    assert sub_types("The army recovered the town of Kelwa on Monday.") == [
        "Government regains territory"
    ]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Government soldiers backed by militia fighters recaptured the town of Kelwa on Tuesday.",
            "Government regains territory",
        ),
        (
            "Army troops supported by militia fighters retook the village of Dorva on Sunday.",
            "Government regains territory",
        ),
        (
            "Rebel fighters backed by a foreign government seized the town of Kelwa on Friday.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_the_side_is_the_agent_s_own_words_not_its_backers(text, sub_type):
    assert sub_types(text)[0] == sub_type


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Insurgents occupied the port town of Kelwa from August 2020 until allied forces retook it "
            "in August 2021.",
            "retook",
        ),
        (
            "Militants overran the district of Dorva in 2017 and held it until Kenyan and Somali forces "
            "recaptured it in 2019.",
            "recaptured",
        ),
        (
            "Rebels seized the town of Kelwa in May, and two months later allied forces regained control of it.",
            "regained",
        ),
    ],
)
def test_a_taking_back_by_an_unnamed_side_is_typed_by_its_own_word(text, second):
    a = with_events(text, "2024-03-14", places={"Kelwa": "PPL", "Dorva": "PPL"})
    found = {e.trigger.text.split()[0]: e.sub_type for e in a.events}
    assert found.get(second) == "Government regains territory", found
