"""Codebook: Arrests are made by state forces or de facto authorities; people rounded up, detained
or captured by a non-state armed group are abducted (rules.yaml abductors)."""

import pytest
from handmade import with_events

ABDUCTION = "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents rounded up a dozen men in a village on Sunday and marched them into the bush.",
        "Militants detained three aid workers at a checkpoint outside the town on Friday.",
        "Two teachers were captured by gunmen on the road to the market on Tuesday.",
    ],
)
def test_people_taken_by_an_armed_group_are_abducted(text):
    assert [e.sub_type for e in with_events(text).events] == [ABDUCTION]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two suspects in the market on Sunday.",
        "Soldiers detained five men at a checkpoint on Friday.",
        "Border guards apprehended a smuggler near the crossing on Monday.",
    ],
)
def test_detentions_by_state_forces_stay_arrests(text):
    assert [e.sub_type for e in with_events(text).events] == ["Arrests"]
