"""Fatality counts from the event's sentence, vague words included."""

import pytest

from sitrep.events.fatalities import fatalities
from sitrep.nlp import get_nlp


def fat(text: str):
    return fatalities(get_nlp()(text)[:])


@pytest.mark.parametrize(
    "text, best, low",
    [
        ("Jets hit the convoy, killing 9 fighters.", 9, None),
        ("At least 14 people were killed in the blast.", 14, 14),
        ("The death toll rose to 31 on Sunday.", 31, None),
        ("Three guards, one of them a sergeant, were killed at the gate.", 3, None),
        ("A drone hit the car, killing a local commander and a driver.", 2, None),
    ],
)
def test_counts(text, best, low):
    f = fat(text)
    assert (f.best, f.low) == (best, low)


def test_vague_words_take_documented_numbers():
    f = fat("Dozens were killed when the market was shelled.")
    assert (f.best, f.vague) == (12, "dozens")


def test_no_deaths_named_is_zero_and_camps_are_not_a_count():
    assert fat("Militants fled towards the refugee camps near the coast.").best == 0


def test_deaths_without_a_number_are_unknown():
    assert fat("The dead were buried at dusk after the raid.") is None


def test_a_named_person_killed_counts_one():
    assert fat("The group's emir, Abu Tariq, was killed in his hideout.").best == 1
