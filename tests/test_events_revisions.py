"""Tolls as reporters word them: "shot dead four villagers", no toll from "100 killed and injured",
and a revised toll however it is worded, even when the revision is dated later than the incident
("the toll later rose to 23, officials said on Saturday")."""

import pytest
from handmade import with_events


def tolls(text: str) -> list[int | None]:
    a = with_events(text, "2024-04-20")
    return [e.fatalities.best if e.fatalities else None for e in a.events]


@pytest.mark.parametrize(
    "text, toll",
    [
        (
            "A bomb exploded inside a mosque during Friday prayers, killing at least 17 worshippers.\n"
            "The death toll later rose to 23, a hospital official said on Saturday.",
            23,
        ),
        (
            "Gunmen attacked a village on Monday, killing 12 people. "
            "On Tuesday, officials said the toll had risen to 20.",
            20,
        ),
        (
            "A blast hit a bus depot on Sunday, killing nine passengers.\n"
            "By Monday evening the toll had climbed to 14, the health ministry said.",
            14,
        ),
    ],
)
def test_the_latest_toll_of_one_incident_wins(text, toll):
    assert tolls(text) == [toll]


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Militants shot dead four villagers near the wells on Sunday, local officials said.", 4),
        ("Gunmen shot dead two traders at the market on Monday.", 2),
        ("Soldiers gunned down three suspected rebels at a roadblock on Sunday.", 3),
        ("Villagers buried 43 farmers slaughtered by the raiders in their fields on Saturday.", 43),
        ("The raiders slaughtered 11 herders near the wells on Saturday, elders said.", 11),
        ("Nine traders were massacred at the cattle market on Saturday.", 9),
    ],
)
def test_each_way_of_killing_counts_its_victims(text, toll):
    assert tolls(text) == [toll]


@pytest.mark.parametrize(
    "text",
    [
        "More than 100 people were killed and injured in a suicide blast inside the mosque on Friday.",
        "The blast on Monday left 60 people dead or wounded.",
        "Officials said the shelling on Monday killed and wounded over 40 civilians.",
    ],
)
def test_a_count_of_the_dead_and_the_hurt_together_is_no_toll(text):
    """One figure for the killed and the wounded together says nothing of the dead alone."""
    assert tolls(text) == [None]


def test_separate_counts_of_the_dead_and_the_wounded_keep_the_toll():
    assert tolls("At least 12 people were killed and 30 wounded in the blast on Monday.") == [12]


@pytest.mark.parametrize(
    "text, toll",
    [
        (
            "Civilians were killed when shells hit the market in the town on Tuesday.\n"
            "At least 15 civilians were killed and 16 wounded, the governor said.\n"
            '"Fifteen people are dead," he wrote, adding that six of them died in the market itself.',
            15,
        ),
        (
            "Troops clashed with rebels near the river on Monday.\n"
            "Four rebels were killed, the army said.\n"
            "Four rebels were killed, residents confirmed.",
            4,
        ),
        (
            "Troops clashed with rebels near the river on Monday.\n"
            "Eleven rebels were killed, the army said.\n"
            "Two soldiers also died in the fighting.",
            13,
        ),
    ],
)
def test_a_toll_told_again_counts_once_and_different_dead_add_up(text, toll):
    assert tolls(text) == [toll]
