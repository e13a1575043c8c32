"""An offset ('two days after troops clashed', 'a day before the assault') counts from the
happening told before it, not from the last date written ('still in hospital on Monday')."""

import pytest
from handmade import handmade

from sitrep import events


def dated_events(text: str, places: dict[str, str]):
    a, doc = handmade(text, places=places)
    a.document.published = "2024-03-14"  # a Thursday
    events.annotate(a, doc)
    return [(e.trigger.text, e.date.value if e.date else None) for e in a.events]


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        (
            "Gunmen attacked a police post in Kelwa on Saturday, killing two officers.\n"
            "Three wounded officers were still in hospital on Monday.\n"
            "The attack came two days after soldiers clashed with rebels near Dorva.",
            "clashed",
            "2024-03-07",
        ),
        (
            "Rebels stormed the town of Marel on Friday and burned the market.\n"
            "On Wednesday, two days before the assault, they had ambushed an army convoy near Dorva.",
            "ambushed",
            "2024-03-06",
        ),
        (
            "A drone struck a truck near Dorva on Sunday, killing three fighters.\n"
            "Villagers were still searching the wreck on Tuesday morning.\n"
            "The strike came a day after militants shelled an army base in Kelwa.",
            "shelled",
            "2024-03-09",
        ),
    ],
)
def test_an_offset_counts_from_the_happening_told_before(text, trigger, day):
    found = dict(dated_events(text, {"Kelwa": "PPL", "Dorva": "PPL", "Marel": "PPL"}))
    assert found.get(trigger) == day, found
