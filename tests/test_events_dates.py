"""Date expressions resolved against the publication date."""

import pytest

from sitrep.events.dates import find_dates


def first(text: str, published: str | None = "2024-03-14"):  # a Thursday
    found = find_dates(text, published)
    assert found, text
    return found[0].ref.value, found[0].ref.precision


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("It happened on Tuesday.", "2024-03-12", "day"),
        ("It happened on Thursday.", "2024-03-14", "day"),  # the day of publication itself
        ("It happened late on Sunday night.", "2024-03-10", "day"),
        ("It happened yesterday.", "2024-03-13", "day"),
        ("It happened three days ago.", "2024-03-11", "day"),
        ("It happened last week.", "2024-03", "week"),
        ("It happened earlier this month.", "2024-03", "month"),
        ("It happened last month.", "2024-02", "month"),
        ("It happened in November.", "2023-11", "month"),  # the latest November before publication
        ("It happened on 2 March.", "2024-03-02", "day"),
        ("It happened on October 27, 2019.", "2019-10-27", "day"),
        ("It happened in 2016.", "2016", "year"),
    ],
)
def test_resolution(text, value, precision):
    assert first(text) == (value, precision)


def test_last_week_across_a_month_is_the_month_holding_most_of_it():
    assert first("It happened last week.", published="2021-06-01") == ("2021-05", "week")


def test_money_and_modal_may_are_not_dates():
    assert find_dates("They paid $2000 and may return.", "2024-03-14") == []


def test_the_same_day_repeats_the_date_before():
    found = find_dates("Raids on 4 March; more arrests the same morning.", "2024-03-14")
    assert [d.ref.value for d in found] == ["2024-03-04", "2024-03-04"]


def test_relative_dates_need_a_publication_date():
    assert find_dates("It happened on Tuesday.", None) == []
    assert first("It happened on 5 June 2020.", None) == ("2020-06-05", "day")


@pytest.mark.parametrize(
    "text, published, value",
    [
        (
            "Gunmen raided the village over the weekend, residents said on Monday.",
            "2024-03-11",
            "2024-03",
        ),
        (
            "Two soldiers died in an ambush at the weekend.",
            "2024-03-01",
            "2024-02",
        ),  # Fri: last weekend
        (
            "Protesters marched in the capital during the weekend.",
            "2024-03-03",
            "2024-03",
        ),  # Sun: this one
    ],
)
def test_over_the_weekend_is_the_weekend_before_publication(text, published, value):
    assert first(text, published) == (value, "week")
