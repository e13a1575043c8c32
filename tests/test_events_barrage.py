"""'A barrage of gunfire' is small arms, not shelling: 'barrage' alone only shifts the reading, the
weapon named with it decides."""

import pytest
from handmade import with_events

SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a police post on Thursday and killed two officers with a barrage of "
        "gunfire.",
        "Three policemen were killed on Friday when gunmen opened a barrage of gunfire on their "
        "checkpoint.",
        "A barrage of bullets hit the patrol on Sunday, killing one soldier.",
    ],
)
def test_a_barrage_of_gunfire_is_no_shelling(text):
    evs = with_events(text).events
    assert evs and all(e.sub_type != SHELLING for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired a barrage of rockets at the airport on Monday.",
        "An artillery barrage hit the outskirts of the city on Tuesday, killing two soldiers.",
        "A barrage of mortar rounds struck the base on Wednesday.",
    ],
)
def test_a_barrage_of_rockets_or_shells_is_shelling(text):
    assert [e.sub_type for e in with_events(text).events] == [SHELLING]
