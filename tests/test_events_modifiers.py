"""A name that only modifies another noun ('a former Taliban stronghold', 'a Kremlin critic') is no
side of the event; one that names the members, units or arms of a force ('Taliban fighters', 'an
army patrol', 'an ISIS commander') still is."""

import pytest
from handmade import handmade

from sitrep import events

ACTORS = {
    "Taliban": "armed_group",
    "Kremlin": "state",
    "UN": "igo",
    "army": "state",
    "ISIS": "armed_group",
}


def sides(text: str) -> dict[str, str]:
    a, doc = handmade(text, places={"Kelwa": "PPL"}, actors=ACTORS)
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    assert a.events, text
    return {r.role: a.entity(r.entity).name for r in a.events[0].actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen ambushed a convoy near a former Taliban stronghold on Monday.", "Taliban"),
        ("Unknown attackers shot dead a Kremlin critic in Kelwa on Sunday.", "Kremlin"),
        ("Gunmen killed a UN aid worker in Kelwa on Monday.", "UN"),
    ],
)
def test_a_name_modifying_another_noun_is_no_side(text, name):
    assert name not in sides(text).values()


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Taliban fighters attacked a checkpoint in Kelwa on Monday.", "actor1", "Taliban"),
        ("Gunmen ambushed an army patrol near Kelwa on Tuesday.", "actor2", "army"),
        ("Police killed an ISIS commander in a raid in Kelwa on Friday.", "actor2", "ISIS"),
    ],
)
def test_a_name_on_a_force_s_members_or_units_is_a_side(text, role, name):
    assert sides(text).get(role) == name
