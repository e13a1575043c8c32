"""What a route costs, with its unit, in the currencies reporters quote; and the seed's routes."""

import pytest
from handmade import TOWN
from handmade import routed as run
from handmade import waypoint_names as names

COSTS = [
    (
        "Drivers charge 150,000 CFA francs per person for the trip from Agadez to Dirkou.",
        150000,
        "XOF",
        "person",
    ),
    (
        "Couriers carry opium from Lashkar Gah to Zaranj for 30,000 afghanis a kilo.",
        30000,
        "AFN",
        "kg",
    ),
    ("Fuel moves from Hermel to Qusayr at 500,000 Lebanese pounds a load.", 500000, "LBP", "load"),
    (
        "Cigarettes go from Qusayr to Baalbek; drivers earn 200,000 Syrian pounds per vehicle.",
        200000,
        "SYP",
        "vehicle",
    ),
    (
        "Men are driven from Chernivtsi to Uzhhorod for 5,000 hryvnias per person.",
        5000,
        "UAH",
        "person",
    ),
    ("Cocaine leaves Tumaco for Esmeraldas at 6 million pesos a kilo.", 6000000, "MXN", "kg"),
    (
        "Boats take families from Macomia to Pemba for 1,500 meticais per person.",
        1500,
        "MZN",
        "person",
    ),
]


@pytest.mark.parametrize(("text", "amount", "currency", "per"), COSTS)
def test_cost_with_its_unit_in_any_currency(text, amount, currency, per):
    from handmade import handmade

    from sitrep import routes
    from sitrep.events.quantities import annotate_quantities

    places = [
        w
        for w in (
            "Agadez",
            "Dirkou",
            "Lashkar Gah",
            "Zaranj",
            "Hermel",
            "Qusayr",
            "Baalbek",
            "Chernivtsi",
            "Uzhhorod",
            "Tumaco",
            "Esmeraldas",
            "Macomia",
            "Pemba",
        )
        if w in text
    ]
    a, doc = handmade(text, dict.fromkeys(places, TOWN))
    annotate_quantities(a, doc)  # the quantity stage reads the sums and their units
    routes.annotate(a, doc)
    (route,) = a.routes
    assert names(a, route) == places
    assert (route.cost.amount, route.cost.currency, route.cost.per) == (amount, currency, per)


def test_a_range_is_priced_at_its_lower_figure():
    text = (
        "From Sebha they were driven to Zuwara, a trip that cost between 4,000 and 6,000 "
        "dinars per person."
    )
    a = run(
        text,
        {"Sebha": TOWN, "Zuwara": TOWN},
        money={"6,000 dinars per person": (6000, "LYD", "person")},
    )
    assert (a.routes[0].cost.amount, a.routes[0].cost.currency) == (4000, "LYD")


def test_the_seed_gives_its_two_routes_in_order_with_its_price(seed):
    said = [[w["mention"]["text"] for w in r["waypoints"]] for r in seed["routes"]]
    assert len(said) == 2
    first, second = said
    assert (
        first.index("Rankous") < first.index("Maaraboun") < first.index("Tafil") == len(first) - 1
    )
    assert second[0] == "Al-Qusayr" and second[1] == "Hermel" and second[-1] == "Tripoli"
    assert seed["routes"][0]["cost"] == {"amount": 2000, "currency": "USD", "per": "person"}
    assert seed["routes"][1]["cost"] is None


def test_a_fare_told_apart_from_the_route_still_prices_it():
    text = (
        "Pick-ups carried the families from Azaz to Afrin on Tuesday.\n"
        "The camps around the town are full. Aid groups say water is short. "
        "Families told us they paid 400 dollars per person."
    )
    money = {"400 dollars per person": (400, "USD", "person")}
    a = run(text, {"Azaz": TOWN, "Afrin": TOWN}, money=money)
    (route,) = a.routes
    assert (route.cost.amount, route.cost.currency, route.cost.per) == (400, "USD", "person")


def test_a_wage_is_no_fare():
    text = (
        "Pick-ups carried the families from Azaz to Afrin on Tuesday.\n"
        "The camps around the town are full. Aid groups say water is short. "
        "A driver there earns 60 dollars a month."
    )
    money = {"60 dollars a month": (60, "USD", "month")}
    a = run(text, {"Azaz": TOWN, "Afrin": TOWN}, money=money)
    (route,) = a.routes
    assert route.cost is None


@pytest.mark.parametrize(
    ("text", "money", "per"),
    [
        (
            "Each migrant who wants to go from Agadez to Dirkou pays 400 dollars.",
            {"400 dollars": (400, "USD", None)},
            "person",
        ),
        (
            "A kilo bought for 60,000 afghanis is smuggled from Lashkar Gah to Zaranj.",
            {"60,000 afghanis": (60000, "AFN", None)},
            "kg",
        ),
        (
            "Families are driven from Daraa to Suwayda and pay 300 to 400 dollars per person.",
            {"300": (300, "USD", None), "400 dollars per person": (400, "USD", "person")},
            "person",
        ),
    ],
)
def test_the_unit_named_before_the_price_or_with_its_range(text, money, per):
    places = ["Agadez", "Dirkou", "Lashkar Gah", "Zaranj", "Daraa", "Suwayda"]
    a = run(text, {p: TOWN for p in places if p in text}, money=money)
    (route,) = a.routes
    assert route.cost is not None and route.cost.per == per
