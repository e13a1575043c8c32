"""Different figures for one toll from independent sources, told close together, grade both
claims 4 even when the two claims share no other words."""

import pytest
from handmade import handmade

from sitrep import claims


def grades(text: str) -> list[int | None]:
    a, doc = handmade(text)
    claims.annotate(a, doc)
    return [c.credibility for c in a.claims]


@pytest.mark.parametrize(
    "text",
    [
        "Police said 3 people had died in the blast. Hospital sources later put the toll at 5.",
        "The army said 4 soldiers were killed near the base. Rebel commanders said 11 died there.",
        "The governor said 20 people were injured in the stampede. Doctors said 34 were hurt.",
    ],
)
def test_clashing_tolls_grade_both_four(text):
    assert grades(text) == [4, 4]


def test_a_toll_of_the_dead_and_one_of_the_wounded_do_not_clash():
    text = (
        "The army said 4 soldiers were killed near the base. "
        "Medics said 11 civilians were wounded in the market."
    )
    assert 4 not in grades(text)


def test_tolls_far_apart_do_not_clash():
    text = (
        "The army said 4 soldiers were killed near the base on Monday. "
        "The convoy reached the town in the afternoon. "
        "Traders reopened the market on Tuesday. "
        "Medics said 9 people died in a separate crash on the highway."
    )
    assert 4 not in grades(text)


@pytest.mark.parametrize(
    "text",
    [
        "The army said 7 soldiers were killed at the base. "
        "A rebel spokesman said 3 militants were killed in the fighting.",
        "Medics said 15 civilians were killed in the first strike. "
        "The second strike killed 6 civilians, residents said.",
        "The governor said 3 people were killed. Police said 2 guards were killed at a substation.",
    ],
)
def test_tolls_of_other_people_or_of_another_happening_do_not_clash(text):
    assert 4 not in grades(text)
