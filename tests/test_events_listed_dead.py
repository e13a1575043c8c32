"""The dead listed by kind add up: 'one policeman and three attackers were killed' is four."""

import pytest

from sitrep.events.fatalities import fatalities
from sitrep.nlp import get_nlp


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("One policeman and three attackers were killed when gunmen stormed the post.", 4),
        ("Two soldiers and five insurgents died in a gunfight outside the town on Monday.", 7),
        ("Militants killed a soldier and two civilians in an attack on a market on Friday.", 3),
        ("At least 12 soldiers and a policeman were killed in the ambush.", 13),
    ],
)
def test_kinds_of_dead_add_up(text, best):
    assert fatalities(get_nlp()(text)[:]).best == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Gunmen killed five soldiers and wounded three others near the border.", 5),
        ("Four soldiers were killed and six wounded when the convoy was ambushed.", 4),
        ("The blast killed three men, a police officer said.", 3),
    ],
)
def test_the_wounded_and_a_single_kind_are_not_summed(text, best):
    assert fatalities(get_nlp()(text)[:]).best == best
