"""A lead that sums several happenings ('nine people were killed in two attacks') tells no
happening of its own: the attacks told after it are the events."""

import pytest
from handmade import TOWN, with_events


@pytest.mark.parametrize(
    "lead",
    [
        "Nine people have been killed in two attacks in the north, officials said.",
        "Eleven soldiers died in three separate ambushes over the weekend, the army said.",
        "At least 14 civilians were killed in two raids on farming villages, residents said.",
    ],
)
def test_a_lead_summing_attacks_gives_no_event_of_its_own(lead):
    text = (
        f"{lead}\n"
        "Six people were killed by gunmen in Tokala on Saturday.\n"
        "On Sunday, three herders were shot dead outside Mbeleko."
    )
    a = with_events(text, places={"Tokala": TOWN, "Mbeleko": TOWN})
    assert [a.entity(e.place).name for e in a.events] == ["Tokala", "Mbeleko"]


def test_one_attack_counted_is_still_an_event():
    text = (
        "Nine people were killed in one attack on a market, officials said.\n"
        "The market in Tokala was crowded at the time."
    )
    assert len(with_events(text, places={"Tokala": TOWN}).events) == 1
