"""A month's name in a date is no cue: "March" in "on 12 March" is not a protest march, so an
attack told with such a date is not typed as force against protesters; and "in late March" is
that month, not the publication day."""

import pytest
from handmade import sub_types

PROTESTS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March, gunmen attacked an army checkpoint outside the town, killing two soldiers.",
        "Rebels attacked a police station on the ridge in late March 2024 and wounded three officers.",
        "Fighters attacked the militia post on March 3 and shot dead four of its guards.",
    ],
)
def test_an_attack_dated_in_march_is_no_protest(text):
    found = sub_types(text)
    assert found, text
    assert not PROTESTS & set(found), found


def test_a_march_broken_up_with_deaths_is_still_excessive_force():
    found = sub_types(
        "Police opened fire on a march by students on Tuesday, killing two demonstrators."
    )
    assert found == ["Excessive force against protesters"]


@pytest.mark.parametrize(
    "text, published, month",
    [
        ("in late August 2023", "2023-10-02", "2023-08"),
        ("in early April", "2024-04-20", "2024-04"),
        ("in mid-March", "2024-04-20", "2024-03"),
    ],
)
def test_a_part_of_a_month_dates_to_that_month(text, published, month):
    """ "in late August" is the month, not a verb "late" nor the publication day."""
    from sitrep.events.dates import find_dates

    found = find_dates(f"The raid took place {text}, officials said.", published)
    assert [(d.ref.value, d.ref.precision) for d in found] == [(month, "month")]
