"""Legs told in sequence: a start told after "then", "later" or "afterwards" is a later leg,
not the start of the whole path."""

import pytest
from handmade import TOWN
from handmade import routed as run
from handmade import waypoint_names as names

LATER_LEGS = [
    (
        "Buses bring them to Agadez, where drivers take them across the desert, "
        "and then from Sabha to Zuwara.",
        ["Agadez", "Sabha", "Zuwara"],
    ),
    (
        "The cigarettes are shipped to Aqaba and later from Maan to Mudawwara.",
        ["Aqaba", "Maan", "Mudawwara"],
    ),
    (
        "Recruits were driven to Kidal, and afterwards from Tessalit to Gao.",
        ["Kidal", "Tessalit", "Gao"],
    ),
]


@pytest.mark.parametrize(("text", "path"), LATER_LEGS)
def test_a_start_told_as_a_later_leg_stays_after_the_first_leg(text, path):
    a = run(text, dict.fromkeys(path, TOWN))
    assert [names(a, r) for r in a.routes] == [path]
