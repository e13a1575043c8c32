"""Fares in kyat, the way Myanmar reporting writes them: the name before or after the sum."""

import pytest
from handmade import TOWN, handmade
from handmade import waypoint_names as names

from sitrep import routes
from sitrep.events.quantities import annotate_quantities

FARES = [
    (
        "A broker took Kyat 30,000 per head for the boat from Sittwe to Teknaf.",
        ["Sittwe", "Teknaf"],
        30000,
    ),
    (
        "Agents asked 450,000 kyat a person for the truck from Lashio to Muse.",
        ["Lashio", "Muse"],
        450000,
    ),
    (
        "Families paid Ks 80,000 per person for the ride from Hpa-an to Myawaddy.",
        ["Hpa-an", "Myawaddy"],
        80000,
    ),
]


@pytest.mark.parametrize(("text", "path", "amount"), FARES)
def test_a_fare_in_kyat_prices_the_route(text: str, path: list[str], amount: int) -> None:
    a, doc = handmade(text, dict.fromkeys(path, TOWN))
    annotate_quantities(a, doc)
    routes.annotate(a, doc)
    (route,) = a.routes
    assert names(a, route) == path
    assert route.cost is not None
    assert (route.cost.amount, route.cost.currency, route.cost.per) == (amount, "MMK", "person")
