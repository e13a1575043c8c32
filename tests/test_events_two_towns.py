"""Two towns, two incidents: a follow-up word put in another town than the incident told just
before it ('three more were shot dead in the village of Y') starts an incident of its own; the
incident's place is the town any of its sentences puts it in, before the dateline's city."""

import pytest
from handmade import TOWN, with_events


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        (
            "Six people were killed by gunmen at Tokala. Three others were shot dead in the "
            "village of Mbeleko, an official said.",
            ["Tokala", "Mbeleko"],
        ),
        (
            "Militants attacked a checkpoint near Dareen, killing two policemen. Hours earlier, "
            "a soldier was killed in an attack in Kelwa.",
            ["Dareen", "Kelwa"],
        ),
        (
            "Gunmen killed four farmers in Tokala. Two herders were also killed outside Dareen.",
            ["Tokala", "Dareen"],
        ),
    ],
)
def test_a_follow_up_in_another_town_is_another_incident(text, towns):
    places = dict.fromkeys(towns, TOWN)
    a = with_events(text, places=places)
    assert [a.entity(e.place).name for e in a.events] == towns


def test_a_follow_up_in_the_same_town_stays_one_incident():
    text = (
        "Gunmen attacked a checkpoint in Tokala on Monday. "
        "Two soldiers were killed in Tokala during the assault."
    )
    [ev] = with_events(text, places={"Tokala": TOWN}).events
    assert ev.fatalities.best == 2


def test_the_town_a_later_sentence_names_beats_the_dateline_city():
    text = (
        "KELWA: Rebels killed at least 12 civilians on Monday, officials said. "
        "The rebels carried out the attack in the village of Mbeleko, north of Dareen."
    )
    a = with_events(text, places={"KELWA": TOWN, "Mbeleko": TOWN, "Dareen": TOWN})
    [ev] = a.events
    assert a.entity(ev.place).name == "Mbeleko"


@pytest.mark.parametrize(
    "scene",
    [
        "It took place in the town of Mbeleko, near the border, the army said.",
        "The attack happened on the outskirts of Mbeleko, residents said.",
        "The ambush occurred near Mbeleko as the convoy returned to base.",
    ],
)
def test_a_sentence_that_only_says_where_it_happened_places_the_incident(scene):
    text = (
        f"KELWA: Two soldiers were killed in an attack on a military base, the army said.\n{scene}"
    )
    a = with_events(text, places={"KELWA": TOWN, "Mbeleko": TOWN})
    [ev] = a.events
    assert a.entity(ev.place).name == "Mbeleko"
