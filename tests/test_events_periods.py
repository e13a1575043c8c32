"""A toll told over a span of time ("since 2012", "so far this year", "Violence ... last year") is a
tally of many happenings: no event of its own, and never added to the toll of the incident the
report is about. One killing "last year" by a named doer stays an event. Texts are our own."""

import pytest
from handmade import handmade

from sitrep import events

LEAD = "Gunmen attacked a police post in Kelwa on Saturday, wounding two officers.\n"


def told(text: str) -> list[tuple[str, int | None]]:
    a, doc = handmade(text, places={"Kelwa": "PPL", "Dorva": "ADM1"})
    a.document.published = "2024-03-14"
    events.annotate(a, doc)
    return [(e.trigger.text, e.fatalities.best if e.fatalities else None) for e in a.events]


@pytest.mark.parametrize(
    "tally",
    [
        "The insurgency has killed more than 9,000 people in Dorva since 2013, the UN says.",
        "Armed groups have abducted about 1,200 people in the province so far this year.",
        "Violence blamed on jihadist groups killed nearly 2,500 civilians in Dorva last year.",
        "The rebels stepped up their raids after the offensive, killing over 700 people last year.",
        "Bandits have killed and displaced thousands over the past decade, aid groups say.",
    ],
)
def test_toll_over_a_span_of_time_is_no_event_and_no_part_of_the_toll(tally):
    assert told(LEAD + tally) == [("attacked", 0)]


@pytest.mark.parametrize(
    "tally",
    [
        "The conflict has killed more than 9,000 people in Dorva since 2013, the UN says.",
        "Gangs have kidnapped 300 people in Dorva since January, police say.",
    ],
)
def test_a_tally_alone_makes_no_event(tally):
    assert told(tally) == []


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "Gunmen killed 14 villagers in Kelwa last year, and the army later built a post there.",
            14,
        ),
        (
            "Gunmen killed six soldiers in Kelwa on Tuesday, the deadliest attack there since 2016.",
            6,
        ),
        (
            "Mines have been found near Kelwa since January, and three boys died in a blast there on "
            "Monday.",
            3,
        ),
    ],
)
def test_one_happening_with_a_year_or_a_since_of_another_clause_stays_an_event(text, toll):
    found = told(text)
    assert len(found) == 1 and found[0][1] == toll
