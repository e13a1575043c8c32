"""A sentence whose movement starts where the route so far ends carries that route on."""

import pytest
from handmade import COUNTRY, TOWN
from handmade import routed as run
from handmade import waypoint_names as names

HANDED_ON = [
    (
        "Traffickers drove the group from Gao to Kidal. Pickups leaving Kidal usually head for "
        "Tessalit.",
        ["Gao", "Kidal", "Tessalit"],
    ),
    (
        "The cigarettes are trucked from Arlit through Assamaka to Tamanrasset. Couriers who "
        "depart Tamanrasset at night take them on to Ouargla.",
        ["Arlit", "Assamaka", "Tamanrasset", "Ouargla"],
    ),
    (
        "Families walked from Yei to Kaya over two weeks. Buses departing Kaya carry them to Arua.",
        ["Yei", "Kaya", "Arua"],
    ),
]


@pytest.mark.parametrize(("text", "path"), HANDED_ON)
def test_a_leg_leaving_the_last_stop_extends_the_route(text: str, path: list[str]) -> None:
    a = run(text, {name: TOWN for name in path})
    assert [names(a, r) for r in a.routes] == [path]


def test_a_leg_leaving_elsewhere_is_another_route() -> None:
    text = "Traffickers drove the group from Gao to Kidal. Pickups leaving Menaka head for Anderamboukane."
    path = ["Gao", "Kidal", "Menaka", "Anderamboukane"]
    a = run(text, {name: TOWN for name in path})
    assert [names(a, r) for r in a.routes] == [["Gao", "Kidal"], ["Menaka", "Anderamboukane"]]


def test_leaving_a_country_the_route_ended_in_is_not_a_handover() -> None:
    text = "The mission withdrew its troops from Mali. Residents leaving Gao fled towards Niamey."
    a = run(text, {"Mali": COUNTRY, "Gao": TOWN, "Niamey": TOWN})
    assert [names(a, r) for r in a.routes] == [["Gao", "Niamey"]]
