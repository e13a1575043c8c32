"""Routes told over several sentences: continuation, alternatives, costs, who and what."""

from handmade import COUNTRY, TOWN
from handmade import routed as run
from handmade import waypoint_names as names


def test_continuation_across_sentences():
    text = (
        "The migrants were driven from Agadez to Dirkou. From there, they continued north to Sebha."
    )
    a = run(text, {"Agadez": TOWN, "Dirkou": TOWN, "Sebha": TOWN})
    assert [names(a, r) for r in a.routes] == [["Agadez", "Dirkou", "Sebha"]]
    assert len(a.routes[0].evidence) == 2


def test_a_starting_point_joins_the_next_sentence():
    text = "A convoy left Tal Abyad on Monday. Trucks then carried the families through Ain Issa to Raqqa."
    a = run(text, {"Tal Abyad": TOWN, "Ain Issa": TOWN, "Raqqa": TOWN})
    assert [names(a, r) for r in a.routes] == [["Tal Abyad", "Ain Issa", "Raqqa"]]


def test_second_road_is_a_separate_route():
    text = (
        "The smuggling routes run through Yabroud and Flita, then into Arsal. "
        "The second road passes through Qusayr into Hermel and then they move to Baalbek."
    )
    places = {
        "Yabroud": TOWN,
        "Flita": TOWN,
        "Arsal": TOWN,
        "Qusayr": TOWN,
        "Hermel": TOWN,
        "Baalbek": TOWN,
    }
    a = run(text, places)
    assert [names(a, r) for r in a.routes] == [
        ["Yabroud", "Flita", "Arsal"],
        ["Qusayr", "Hermel", "Baalbek"],
    ]


def test_alternatives_share_the_branch_point():
    text = (
        "The network moved people from Kakuma to Moyale. From there it offered two routes. "
        "The cheaper one ran through Marsabit to Isiolo. The second went from Moyale to Wajir."
    )
    places = {"Kakuma": TOWN, "Moyale": TOWN, "Marsabit": TOWN, "Isiolo": TOWN, "Wajir": TOWN}
    a = run(text, places)
    assert [names(a, r) for r in a.routes] == [
        ["Kakuma", "Moyale", "Marsabit", "Isiolo"],
        ["Kakuma", "Moyale", "Wajir"],
    ]


def test_countries_inside_a_path_give_way_to_towns():
    text = "Drivers took them past Kumanovo into Serbia near Presevo and on to Belgrade."
    a = run(text, {"Kumanovo": TOWN, "Serbia": COUNTRY, "Presevo": TOWN, "Belgrade": TOWN})
    assert names(a, a.routes[0]) == ["Kumanovo", "Presevo", "Belgrade"]


def test_cost_stated_before_the_route_applies_to_it():
    text = (
        "Each passenger pays $1,500 per person to the drivers. "
        "The route runs from Agadez through Dirkou to Sebha."
    )
    a = run(
        text,
        {"Agadez": TOWN, "Dirkou": TOWN, "Sebha": TOWN},
        money={"$1,500 per person": (1500, "USD", "person")},
    )
    cost = a.routes[0].cost
    assert (cost.amount, cost.currency, cost.per) == (1500, "USD", "person")


def test_each_alternative_gets_the_price_said_with_its_places():
    text = (
        "The first route goes from Bihac to Velika Kladusa. The second goes from Bihac to Cazin. "
        "Migrants pay 2,000 euros for Velika Kladusa, while the trip via Cazin costs 3,000 euros."
    )
    money = {"2,000 euros": (2000, "EUR", None), "3,000 euros": (3000, "EUR", None)}
    a = run(text, {"Bihac": TOWN, "Velika Kladusa": TOWN, "Cazin": TOWN}, money=money)
    assert [(names(a, r)[-1], r.cost.amount) for r in a.routes] == [
        ("Velika Kladusa", 2000),
        ("Cazin", 3000),
    ]


def test_who_and_what():
    text = "Hezbollah fighters smuggled rifles and ammunition from Qusayr to Hermel."
    a = run(text, {"Qusayr": TOWN, "Hermel": TOWN}, actors={"Hezbollah": "armed_group"})
    (route,) = a.routes
    assert route.what == "weapons"
    assert a.entity(route.who).name == "Hezbollah"


def test_unknown_load_and_unnamed_mover():
    a = run("The convoy drove from Tobruk to Kufra.", {"Tobruk": TOWN, "Kufra": TOWN})
    (route,) = a.routes
    assert route.what == "unknown"
    assert route.who is None and route.who_text == "The convoy"


def test_repeated_paragraph_adds_no_route():
    para = "The smugglers drive the fuel from Tobruk through Jalu to Kufra every week at night."
    text = f"{para}\nOfficials in the east said the trade had grown this year.\n{para}"
    a = run(text, {"Tobruk": TOWN, "Jalu": TOWN, "Kufra": TOWN})
    assert a.duplicates, "the text layer should see the repeat"
    assert [names(a, r) for r in a.routes] == [["Tobruk", "Jalu", "Kufra"]]


def test_full_pipeline_routes_validate(analyze):
    data = analyze("Trucks carried diesel from Tripoli through Homs to Damascus, a driver said.")
    places = {e["id"] for e in data["entities"] if e["kind"] == "place"}
    for route in data["routes"]:
        assert all(w["entity"] in places for w in route["waypoints"])
        assert len({w["entity"] for w in route["waypoints"]}) >= 2


def _route_names(data) -> list[list[str]]:
    names = {e["id"]: e["name"] for e in data["entities"]}
    return [[names[w["entity"]] for w in r["waypoints"]] for r in data["routes"]]


def test_a_headline_route_gives_way_to_the_detailed_one(analyze):
    data = analyze(
        "Rifles are being smuggled from Hatay province into Syria, officials said. "
        "Couriers carry them from Antakya through Reyhanli to Sarmada, then on to Idlib."
    )
    routes = _route_names(data)
    assert len(routes) == 1
    assert len(routes[0]) == 4 and "Syria" not in routes[0]


def test_a_short_route_elsewhere_is_not_a_headline(analyze):
    data = analyze(
        "Diesel moves from Hermel into Syria every night. Separately, cigarettes travel "
        "from Tripoli through Halba to Wadi Khaled, traders said."
    )
    routes = _route_names(data)
    assert len(routes) == 2
    assert any(len(r) == 2 and r[-1] == "Syria" for r in routes)
