"""Money with ISO 4217 codes and what it is paid per; measures; counts of people and things."""

import pytest
from handmade import handmade

from sitrep.events.quantities import annotate_quantities


def quantities(text: str):
    a, doc = handmade(text)
    annotate_quantities(a, doc)
    return [(q.text, q.value, q.unit, q.per) for q in a.quantities]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Each migrant pays $1800 per person.", ("$1800 per person", 1800, "USD", "person")),
        ("The fee was 3,000 dollars.", ("3,000 dollars", 3000, "USD", None)),
        (
            "A pass costs 4 million Syrian pounds.",
            ("4 million Syrian pounds", 4_000_000, "SYP", None),
        ),
        (
            "Drivers pay 250,000 Lebanese pounds a head.",
            ("250,000 Lebanese pounds a head", 250_000, "LBP", "person"),
        ),
        ("Boatmen took 900 euros each.", ("900 euros each", 900, "EUR", "person")),
        ("The guard asked for 50,000 Iraqi dinars.", ("50,000 Iraqi dinars", 50_000, "IQD", None)),
        (
            "Resin sells for 80,000 afghanis a kilo.",
            ("80,000 afghanis a kilo", 80_000, "AFN", "kg"),
        ),
    ],
)
def test_money(text, expected):
    assert expected in quantities(text)


def test_bracketed_equivalent_shares_the_per():
    found = quantities("Cocaine sells for 5 million Colombian pesos ($1,200) a kilo on the coast.")
    assert ("5 million Colombian pesos", 5_000_000, "COP", "kg") in found
    assert ("$1,200", 1200, "USD", "kg") in found


def test_measures_keep_the_writers_unit():
    found = quantities(
        "Customs found 3.4 tonnes of hashish, 12,000 litres of fuel and a 25-kilogramme bag."
    )
    assert ("3.4 tonnes", 3.4, "tonnes", None) in found
    assert ("12,000 litres", 12000, "litres", None) in found
    assert ("25-kilogramme", 25, "kg", None) in found


def test_counts_of_people_and_vehicles():
    found = quantities("Police stopped three buses and detained 41 migrants, two of them minors.")
    values = {(v, u) for _, v, u, _ in found}
    assert {(3, "vehicles"), (41, "people"), (2, "people")} <= values


def test_years_ages_and_dates_are_not_counts():
    found = quantities("In 2019 a 34-year-old man was held on 12 May.")
    assert found == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Each seat cost Rs 20,000 per trip.", ("Rs 20,000 per trip", 20_000, "PKR", "trip")),
        ("The broker wanted KSh 15,000 a head.", ("KSh 15,000 a head", 15_000, "KES", "person")),
        ("Farmers were paid CFA 500,000 each.", ("CFA 500,000 each", 500_000, "XOF", "person")),
        ("Guards took Tk 3,000 per person.", ("Tk 3,000 per person", 3000, "BDT", "person")),
        ("A tonne went for GH₵ 8,000.", ("GH₵ 8,000", 8000, "GHS", None)),
        ("Each crossing cost 12,000 UAH.", ("12,000 UAH", 12_000, "UAH", None)),
        ("The ride was Af 10,000 a kilo.", ("Af 10,000 a kilo", 10_000, "AFN", "kg")),
        ("Fuel sold at 9,000 SYP per litre.", ("9,000 SYP per litre", 9000, "SYP", "litre")),
    ],
)
def test_money_with_codes_and_letter_signs(text, expected):
    assert expected in quantities(text)


@pytest.mark.parametrize(
    "text",
    ["They walked for hours 5 days in a row.", "Cars 40 were seized.", "The Saf 300 unit moved."],
)
def test_letter_signs_need_no_letter_before_them(text):
    assert not [q for q in quantities(text) if q[2] in ("PKR", "AFN", "XOF")]
