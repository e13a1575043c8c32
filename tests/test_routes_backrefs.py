"""Legs told in sequence: a sentence that points back to the load of the route before ("such
loads", "these consignments") carries that route on, even from a place it did not name as its
end; a start told after "then" is a later leg, not the start of the whole path."""

import pytest
from handmade import TOWN
from handmade import routed as run
from handmade import waypoint_names as names

CASES = [
    (
        "The pills were pressed near Bosra and driven through Jiza at night. "
        "Across the border, couriers take such loads to Irbid and on to Zarqa.",
        ["Bosra", "Jiza", "Irbid", "Zarqa"],
    ),
    (
        "The heroin is trucked from Kandahar through Spin Boldak to Chaman. "
        "From Quetta, these consignments are flown on to Karachi.",
        ["Kandahar", "Spin Boldak", "Chaman", "Quetta", "Karachi"],
    ),
    (
        "Migrants are moved from Gao through Kidal towards the border. "
        "Such groups are later driven through Tamanrasset to Ouargla.",
        ["Gao", "Kidal", "Tamanrasset", "Ouargla"],
    ),
]


@pytest.mark.parametrize(("text", "path"), CASES)
def test_a_load_pointed_back_to_carries_the_route_on(text, path):
    a = run(text, dict.fromkeys(path, TOWN))
    assert [names(a, r) for r in a.routes] == [path]


def test_a_new_load_from_elsewhere_is_another_movement():
    text = (
        "The heroin is trucked from Kandahar through Spin Boldak to Chaman. "
        "From Quetta, a separate network flies cannabis to Karachi."
    )
    a = run(text, dict.fromkeys(["Kandahar", "Spin Boldak", "Chaman", "Quetta", "Karachi"], TOWN))
    assert [names(a, r) for r in a.routes] == [
        ["Kandahar", "Spin Boldak", "Chaman"],
        ["Quetta", "Karachi"],
    ]


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
