"""Sums and numbers written the ways reporters write them: case-sensitive currency marks,
South Asian scales, glued scales, ranges and fractions of a million."""

import pytest
from test_events_quantities import quantities

from sitrep.events.numbers import parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The boatman asked every rider for N75,000 before dawn.",
            ("N75,000", 75_000, "NGN", None),
        ),
        ("Kidnappers wanted N3 million for the pastor.", ("N3 million", 3_000_000, "NGN", None)),
        ("Each of them handed over 450 KM at the camp gate.", ("450 KM", 450, "BAM", None)),
        (
            "A lift to the frontier cost 1,200KM per person.",
            ("1,200KM per person", 1200, "BAM", "person"),
        ),
    ],
)
def test_marks_read_only_in_their_case(text, expected):
    assert expected in quantities(text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Residents walked 38 km to the clinic.", "km"),
        ("The camp lies 7 km north of the river.", "km"),
    ],
)
def test_lower_case_km_stays_a_distance(text, unit):
    assert [u for _, _, u, _ in quantities(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "Buses on the N2 road were searched at dawn.",
        "A checkpoint on the N7 near the bridge was moved.",
        "MINIBUS OVERTURNS 40 KM FROM THE CAPITAL",
    ],
)
def test_road_numbers_and_headlines_are_not_money(text):
    assert not [q for q in quantities(text) if q[2] in ("NGN", "BAM")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officers recovered 5 lakh rupees from the car.", ("5 lakh rupees", 500_000, "PKR", None)),
        ("The gang laundered Rs 2 crore through shops.", ("Rs 2 crore", 20_000_000, "PKR", None)),
        ("The cell was paid $1.2m by its backers.", ("$1.2m", 1_200_000, "USD", None)),
        ("Cargo worth 1.5bn dollars was seized.", ("1.5bn dollars", 1_500_000_000, "USD", None)),
        (
            "Riders paid 3,000-4,000 dinars a head.",
            ("3,000-4,000 dinars a head", 3000, "IQD", "person"),
        ),
        ("The network made half a million euros.", ("half a million euros", 500_000, "EUR", None)),
    ],
)
def test_scales_ranges_and_fractions(text, expected):
    assert expected in quantities(text)


def test_a_range_is_one_sum():
    assert len(quantities("Fees ran from 200 to 300 dollars for the crossing.")) == 1


@pytest.mark.parametrize(
    "text, value",
    [
        ("2.1 million", 2_100_000),
        ("1.5bn", 1_500_000_000),
        ("3 lakh", 300_000),
        ("2 crore", 20_000_000),
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("twenty-five", 25),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_a_metre_height_is_not_a_million():
    assert ("40m", 40_000_000) not in [(q[0], q[1]) for q in quantities("A 40m wall rose there.")]


def test_a_currency_code_inside_a_word_is_no_sum():
    assert quantities("The smuggler told Euronews the price had fallen.") == []
