"""A sentence that points back to the load of the route before ("such loads", "these
consignments") carries that route on, even from a place it did not name as its end."""

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
