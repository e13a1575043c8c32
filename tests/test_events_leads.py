"""Wire-story shapes: an undated lead ('An air strike killed nine civilians, residents said') and the
dated detail after it ('A jet bombed the village on Monday') are one incident, dated by the detail."""

import pytest
from handmade import TOWN, with_events


@pytest.mark.parametrize(
    ("text", "places", "day"),
    [
        (
            "An air strike on a village killed nine civilians, residents said.\n"
            "A jet dropped two bombs on Tokala on Monday afternoon, a farmer said.",
            {"Tokala": TOWN},
            "2024-04-15",
        ),
        (
            "Two policemen and four attackers were killed when militants raided a police post.\n"
            "Gunmen stormed the post in Dareen late on Thursday night, the police said.",
            {"Dareen": TOWN},
            "2024-04-18",
        ),
        (
            "Rebels killed eleven villagers in a raid on a farming village, local officials said.\n"
            "The fighters attacked Mbeleko on Wednesday and hacked the victims to death.",
            {"Mbeleko": TOWN},
            "2024-04-17",
        ),
    ],
)
def test_an_undated_lead_and_its_dated_detail_are_one_event(text, places, day):
    a = with_events(text, places=places)
    [ev] = a.events
    assert ev.date.value == day and not ev.date.inferred
    assert a.entity(ev.place).name in places
    assert len(ev.sentences) == 2


def test_a_dated_happening_far_after_an_undated_one_stays_its_own():
    text = (
        "Gunmen killed three traders on the market road, a trader said.\n"
        "The market has been closed for a week.\n"
        "Farmers say they no longer go to their fields.\n"
        "On Sunday, gunmen killed two herders near Tokala."
    )
    evs = with_events(text, places={"Tokala": TOWN}).events
    assert len(evs) == 2
    assert evs[1].date.value == "2024-04-14"
