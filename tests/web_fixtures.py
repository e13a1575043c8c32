"""Web test helpers: a small KB of hand-built reports (our own texts) stored with the KB's own
``store``, so the API and pages are tested against the contract while extraction changes.

Two reports tell one clash in Ubari with different tolls (a contradiction); one carries a
fuel route Sabha -> Ubari -> Ghat; a third is a protest in Misrata.
"""

from __future__ import annotations

from typing import Any

from kb_fixtures import actor, claim, event, person, place, report, word

from sitrep.serialize import validate

SABHA = ("Sabha", 27.0377, 14.4283, "LY", 2212775)
UBARI = ("Ubari", 26.5921, 12.7805, "LY", 2219235)
GHAT = ("Ghat", 24.9647, 10.1728, "LY", 2217362)
MISRATA = ("Misrata", 32.3754, 15.0925, "LY", 2214846)

ROUTE_TEXT = (
    "Fuel smugglers shift south\n"
    "Smugglers working for the Desert Shield brigade moved fuel from Sabha through Ubari to Ghat, "
    "charging 300 dollars per barrel. On 3 March 2024 the brigade attacked a checkpoint in Ubari, "
    "killing four guards, a local official said. Commander Salem Warfalli denied any part in it."
)
CLASH_TEXT = (
    "Clash at a checkpoint in Ubari\n"
    "Gunmen from the Desert Shield brigade stormed a checkpoint in Ubari on 3 March 2024 and six guards died, "
    "the army said in a statement."
)
PROTEST_TEXT = (
    "Fuel queues bring crowds out in Misrata\n"
    "Hundreds of drivers protested in Misrata on 10 February 2024 against the fuel shortages."
)


def with_route(
    data: dict[str, Any],
    text: str,
    stops: list[tuple[str, str]],
    who: str,
    what: str,
    cost: dict[str, Any] | None,
    evidence: str,
) -> dict[str, Any]:
    """The contract dict with one route through ``stops`` (entity id, words), validated again."""
    waypoints = []
    for eid, words in stops:
        s = word(text, words)
        waypoints.append(
            {"entity": eid, "mention": {"start": s.start, "end": s.end, "text": s.text}}
        )
    ev = word(text, evidence)
    route = {
        "id": "ro1",
        "waypoints": waypoints,
        "who": who,
        "what": what,
        "cost": cost,
        "evidence": [{"start": ev.start, "end": ev.end, "text": ev.text}],
    }
    data["routes"] = [route]
    validate(data)
    return data


def route_report(
    doc_id: str = "fuel-south",
    text: str = ROUTE_TEXT,
    outlet: str = "Desert Wire",
    title: str | None = None,
) -> dict[str, Any]:
    data = report(
        doc_id,
        text,
        [
            place("pl1", *SABHA),
            place("pl2", *UBARI),
            place("pl3", *GHAT),
            actor("ac1", "Desert Shield brigade"),
            person("pe1", "Salem Warfalli", affiliation="ac1"),
        ],
        events=[
            event(
                text,
                "ev1",
                "attacked",
                "Armed clash",
                "pl2",
                "2024-03-03",
                {"ac1": "actor1"},
                killed=4,
                type="Battles",
                claim="cl1",
            )
        ],
        claims=[
            claim(
                text,
                "cl1",
                "the brigade attacked a checkpoint in Ubari",
                "a local official",
                "anonymous",
                "C",
                3,
            )
        ],
        outlet=outlet,
        published="2024-03-05",
    )
    if title is not None:
        data["document"]["title"] = title
    start = text.index("moved fuel")
    return with_route(
        data,
        text,
        [("pl1", "Sabha"), ("pl2", "Ubari"), ("pl3", "Ghat")],
        "ac1",
        "fuel",
        {"amount": 300.0, "currency": "USD", "per": "barrel"},
        text[start : text.index(". ", start)],
    )


def clash_report() -> dict[str, Any]:
    return report(
        "ubari-clash",
        CLASH_TEXT,
        [place("pl1", *UBARI), actor("ac1", "Desert Shield brigade")],
        events=[
            event(
                CLASH_TEXT,
                "ev1",
                "stormed",
                "Armed clash",
                "pl1",
                "2024-03-03",
                {"ac1": "actor1"},
                killed=6,
                type="Battles",
                claim="cl1",
            )
        ],
        claims=[
            claim(CLASH_TEXT, "cl1", "six guards died", "the army", "official_statement", "B", 2)
        ],
        outlet="Coast Radio",
        published="2024-03-04",
    )


def protest_report() -> dict[str, Any]:
    return report(
        "misrata-protest",
        PROTEST_TEXT,
        [place("pl1", *MISRATA)],
        events=[
            event(
                PROTEST_TEXT,
                "ev1",
                "protested",
                "Peaceful protest",
                "pl1",
                "2024-02-10",
                type="Protests",
            )
        ],
        outlet="Coast Radio",
        published="2024-02-11",
    )


def fill(factory, reports: list[dict[str, Any]]) -> dict[str, int]:
    """Store the reports as the KB's ingest would; their KB ids by the reports' own ids."""
    from sitrep.kb.grading import regrade
    from sitrep.kb.store import store

    ids = {}
    for data in reports:
        with factory.begin() as s:
            ids[data["document"]["id"]] = store(s, data, origin=data["document"]["id"]).id
    with factory.begin() as s:
        regrade(s)
    return ids


def sample() -> list[dict[str, Any]]:
    return [protest_report(), route_report(), clash_report()]


# A wider KB for the linked views: towns across Libya, three armed groups, a few dates.
TOWNS = {
    "Tripoli": (32.8872, 13.1913, 2210247),
    "Benghazi": (32.1167, 20.0667, 88319),
    "Kufra": (24.1833, 23.2833, 86049),
    "Murzuq": (25.9155, 13.9184, 2214433),
    "Zawiya": (32.7571, 12.7278, 2208425),
    "Sirte": (31.2089, 16.5887, 2210554),
}
GROUPS = ("Tenth Coast battalion", "Fezzan Protection Force", "Southern Tebu militia")
KINDS = (
    ("clashed with", "Armed clash", "Battles"),
    ("shelled", "Shelling/artillery/missile attack", "Explosions/Remote violence"),
    ("rallied in", "Peaceful protest", "Protests"),
)


def town_report(n: int) -> dict[str, Any]:
    """The n-th of our own short reports: one event by one or two groups in one town, one attributed claim."""
    town = list(TOWNS)[n % len(TOWNS)]
    lat, lon, gid = TOWNS[town]
    verb, sub_type, kind = KINDS[n % len(KINDS)]
    first, second = GROUPS[n % len(GROUPS)], GROUPS[(n + 1) % len(GROUPS)]
    day = f"2024-0{1 + n % 4}-{10 + n:02d}"
    text = (
        f"Unrest report {n} from {town}\n"
        f"Fighters of the {first} {verb} the {second} in {town} on that day, a hospital doctor told reporters. "
        f"Residents of {town} stayed indoors."
    )
    claim_words = f"Fighters of the {first} {verb} the {second} in {town}"
    data = report(
        f"town-{n}",
        text,
        [place("pl1", town, lat, lon, "LY", gid), actor("ac1", first), actor("ac2", second)],
        events=[
            event(
                text,
                "ev1",
                verb,
                sub_type,
                "pl1",
                day,
                {"ac1": "actor1", "ac2": "actor2"},
                type=kind,
                claim="cl1",
            )
        ],
        claims=[
            claim(
                text,
                "cl1",
                claim_words,
                "a hospital doctor",
                "named_person",
                "BCD"[n % 3],
                2 + n % 3,
            )
        ],
        outlet=("Desert Wire", "Coast Radio", "Sand Sea Times")[n % 3],
        published=f"2024-0{1 + n % 4}-{11 + n:02d}",
    )
    return data


def workspace() -> list[dict[str, Any]]:
    """The sample reports and twelve town reports: enough for clusters, groups and a readable graph."""
    return [*sample(), *(town_report(n) for n in range(12))]
