"""Every export format, validated by its own ecosystem's library rather than by string comparison."""

from __future__ import annotations

import csv
import io
import json

import geojson as geojson_lib
import networkx as nx
import pytest
import stix2
from followthemoney import model as ftm_model

from sitrep.export import export
from sitrep.export.acled import ACLED_COLUMNS
from sitrep.export.filters import EventFilter, filter_analyses
from sitrep.model import (
    Analysis,
    Claim,
    Cost,
    DateRef,
    Document,
    Entity,
    Event,
    EventActor,
    Fatalities,
    Geo,
    Mention,
    Route,
    Source,
    Waypoint,
)
from sitrep.serialize import to_dict, validate

TEXT_A = (
    "Gunmen of the Northern Front attacked a checkpoint in Zarqa Springs on Monday, killing three soldiers, "
    "local sources said.\nSmugglers move people from Hill Town through Zarqa Springs to Port Amal for $900 a head."
)
TEXT_B = "Fighters of the Northern Front shelled Port Amal on 2 May 2024, officials said."


def _span(text: str, word: str, after: int = 0) -> tuple[int, int]:
    start = text.index(word, after)
    return start, start + len(word)


def _analysis_a() -> dict:
    a = Analysis(
        Document(
            id="doc-a",
            text=TEXT_A,
            outlet="Hill Courier",
            published="2024-05-08",
            url="https://example.org/a",
        )
    )
    places = {
        "Zarqa Springs": (32.07, 36.09, "JO", 101),
        "Hill Town": (31.95, 35.93, "JO", 102),
        "Port Amal": (29.53, 35.00, "JO", 103),
    }
    for i, (name, (lat, lon, cc, gid)) in enumerate(places.items(), 1):
        a.entities.append(Entity(f"pl{i}", "place", name, geo=Geo(lat, lon, cc, "PPL", gid, 0.9)))
    a.entities.append(
        Entity(
            "ac1",
            "actor",
            "Northern Front",
            aliases=["NF"],
            actor_type="armed_group",
            ids={"registry": "northern-front"},
        )
    )
    a.entities.append(
        Entity(
            "ac2",
            "actor",
            "Jordanian Armed Forces",
            actor_type="state_force",
            ids={"registry": "jaf"},
        )
    )
    a.entities.append(Entity("pe1", "person", "Abu Karim", affiliation="ac1"))
    for word, kind, eid in (
        ("Northern Front", "actor", "ac1"),
        ("Zarqa Springs", "place", "pl1"),
        ("soldiers", "actor", "ac2"),
        ("Hill Town", "place", "pl2"),
        ("Port Amal", "place", "pl3"),
    ):
        s, e = _span(TEXT_A, word)
        a.mentions.append(Mention(s, e, word, kind, eid))
    claim_s, claim_e = 0, TEXT_A.index(", local sources")
    src_s, src_e = _span(TEXT_A, "local sources")
    a.claims.append(
        Claim(
            "cl1",
            claim_s,
            claim_e,
            TEXT_A[claim_s:claim_e],
            Source("local sources", "anonymous", None, src_s, src_e),
            reliability="C",
            credibility=3,
        )
    )
    s, e = _span(TEXT_A, "attacked")
    a.events.append(
        Event(
            "ev1",
            "Battles",
            "Armed clash",
            a.span(s, e),
            plover="ASSAULT",
            actors=[EventActor("ac1", "actor1"), EventActor("ac2", "actor2")],
            place="pl1",
            date=DateRef("2024-05-06", "day"),
            fatalities=Fatalities(3),
            claim="cl1",
            confidence=0.8,
        )
    )
    route_s = TEXT_A.index("Smugglers")
    a.routes.append(
        Route(
            "ro1",
            [
                Waypoint("pl2", a.span(*_span(TEXT_A, "Hill Town"))),
                Waypoint("pl1", a.span(*_span(TEXT_A, "Zarqa Springs", route_s))),
                Waypoint("pl3", a.span(*_span(TEXT_A, "Port Amal"))),
            ],
            who_text="Smugglers",
            what="people",
            cost=Cost(900, "USD", "person"),
            evidence=[a.span(route_s, len(TEXT_A))],
        )
    )
    data = to_dict(a)
    validate(data)
    return data


def _analysis_b() -> dict:
    a = Analysis(Document(id="doc-b", text=TEXT_B, outlet="Desert Daily", published="2024-05-03"))
    a.entities.append(
        Entity(
            "ac1",
            "actor",
            "Northern Front",
            actor_type="armed_group",
            ids={"registry": "northern-front"},
        )
    )
    a.entities.append(
        Entity("pl1", "place", "Port Amal", geo=Geo(29.53, 35.00, "JO", "PPL", 103, 0.9))
    )
    for word, kind, eid in (("Northern Front", "actor", "ac1"), ("Port Amal", "place", "pl1")):
        s, e = _span(TEXT_B, word)
        a.mentions.append(Mention(s, e, word, kind, eid))
    s, e = _span(TEXT_B, "shelled")
    a.events.append(
        Event(
            "ev1",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            a.span(s, e),
            actors=[EventActor("ac1", "actor1")],
            place="pl1",
            date=DateRef("2024-05-02", "day"),
            confidence=0.7,
        )
    )
    data = to_dict(a)
    validate(data)
    return data


@pytest.fixture
def corpus() -> list[dict]:
    return [_analysis_a(), _analysis_b()]


def _run(corpus: list[dict], fmt: str) -> str:
    out = io.StringIO()
    export(corpus, fmt, out)
    return out.getvalue()


def test_stix_bundle_parses_and_counts(corpus):
    text = _run(corpus, "stix")
    bundle = stix2.parse(text, allow_custom=True)
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj["type"], []).append(obj)
    assert len(by_type["threat-actor"]) == 1  # the Northern Front of both reports is one actor
    assert by_type["threat-actor"][0]["aliases"] == ["NF"]
    assert len(by_type["location"]) == 3
    assert len(by_type["note"]) == 1
    assert by_type["note"][0]["confidence"] == 50  # credibility 3
    assert by_type["note"][0]["x_sitrep_reliability"] == 'admiralty-scale:source-reliability="c"'
    assert len(by_type["report"]) == 2
    assert len(by_type["x-sitrep-event"]) == 2
    assert by_type["extension-definition"][0]["extension_types"] == ["new-sdo"]
    assert {r["relationship_type"] for r in by_type["relationship"]} >= {
        "located-at",
        "targets",
        "related-to",
    }
    assert len(by_type["sighting"]) == 2
    ids = {o["id"] for o in bundle.objects}
    for report in by_type["report"]:
        assert set(report["object_refs"]) <= ids


def test_stix_export_is_byte_identical(corpus):
    assert _run(corpus, "stix") == _run([_analysis_a(), _analysis_b()], "stix")


def test_geojson_events_and_routes(corpus):
    data = json.loads(_run(corpus, "geojson"))
    fc = geojson_lib.loads(json.dumps(data))
    assert fc.is_valid, fc.errors()
    routes = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    assert len(points) == 2
    assert len(routes) == 1
    route = corpus[0]["routes"][0]
    assert len(routes[0]["geometry"]["coordinates"]) == len(route["waypoints"])
    assert routes[0]["geometry"]["coordinates"][0] == [
        35.93,
        31.95,
    ]  # longitude first, origin first
    assert routes[0]["properties"]["cost"] == "900 USD per person"
    assert points[0]["properties"]["claim"].startswith("Gunmen")


def test_acled_csv_columns_and_values(corpus):
    rows = list(csv.DictReader(io.StringIO(_run(corpus, "acled-csv"))))
    header = next(csv.reader(io.StringIO(_run(corpus, "acled-csv"))))
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    first = rows[0]
    assert first["sub_event_type"] == "Armed clash"
    assert first["actor1"] == "Northern Front" and first["inter1"] == "2" and first["inter2"] == "1"
    assert first["interaction"] == "12"
    assert first["fatalities"] == "3" and first["time_precision"] == "1"
    assert first["notes"].startswith("Gunmen")
    assert rows[1]["fatalities"] == "0"


def test_ftm_entities_are_valid(corpus):
    lines = [json.loads(line) for line in _run(corpus, "ftm").splitlines()]
    schemata = {}
    for data in lines:
        proxy = ftm_model.get_proxy(data)
        assert proxy.schema.validate(data) is None
        schemata.setdefault(proxy.schema.name, []).append(proxy)
    assert {"Article", "Organization", "Person", "Address", "Event", "Membership"} <= set(schemata)
    event = next(p for p in schemata["Event"] if "Armed clash" in p.first("name"))
    assert event.get("date") == ["2024-05-06"]
    article_ids = {p.id for p in schemata["Article"]}
    assert set(event.get("proof")) <= article_ids
    assert event.get("sourceUrl") == ["https://example.org/a"]


def test_graphml_round_trips(corpus, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(_run(corpus, "graphml"), "utf-8")
    g = nx.read_graphml(path)
    kinds = nx.get_node_attributes(g, "kind")
    assert sum(k == "document" for k in kinds.values()) == 2
    assert sum(k == "event" for k in kinds.values()) == 2
    actor_nodes = [
        n for n, k in kinds.items() if k == "actor" and g.nodes[n]["label"] == "Northern Front"
    ]
    assert len(actor_nodes) == 1
    route_edges = [d for _, _, d in g.edges(data=True) if d.get("relation") == "route"]
    assert len(route_edges) == 2


def test_filters_keep_matching_events(corpus):
    kept = list(filter_analyses(corpus, EventFilter(near=(29.5, 35.0, 10))))
    assert [a["document"]["id"] for a in kept] == ["doc-b"]
    kept = list(filter_analyses(corpus, EventFilter(since="2024-05-05", type="Battles")))
    assert [a["document"]["id"] for a in kept] == ["doc-a"]
    assert list(filter_analyses(corpus, EventFilter(actor="nobody"))) == []


def test_export_cli_from_file(corpus, tmp_path, cli):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in corpus), "utf-8")
    out = tmp_path / "out.geojson"
    proc = cli(
        "export", "--format", "geojson", "--from", str(src), "-o", str(out), "--place", "Port Amal"
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(out.read_text("utf-8"))["features"]) == 1
    bad = cli("export", "--format", "kml", "--from", str(src))
    assert bad.returncode != 0 and "unknown format" in bad.stderr


DEV = __import__("conftest").SHARED / "eval" / "reports" / "dev.jsonl"


@pytest.fixture(scope="module")
def dev_kb(tmp_path_factory):
    """A knowledge base of the annotated dev reports (read from ../shared, never copied)."""
    if not DEV.is_file():
        pytest.skip("../shared/eval/reports/dev.jsonl is not here")
    from sitrep.kb.db import open_kb
    from sitrep.kb.ingest import ingest

    db = tmp_path_factory.mktemp("kb") / "dev.db"
    with open_kb(str(db)) as factory:
        result = ingest(factory, [str(DEV)])
    assert result.added == sum(1 for line in DEV.read_text("utf-8").splitlines() if line.strip())
    return db


def _export_kb(cli, db, fmt, tmp_path, *extra):
    out = tmp_path / f"out.{fmt}"
    proc = cli("export", "--format", fmt, "--db", str(db), "-o", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    return out.read_text("utf-8")


def test_every_format_from_a_kb_of_the_dev_reports(dev_kb, cli, tmp_path):
    from sitrep.kb.db import open_kb
    from sitrep.kb.query import analyses

    with open_kb(str(dev_kb)) as factory, factory() as s:
        stored = list(analyses(s))
    actors = {
        e["kb_id"]
        for a in stored
        for e in a["entities"]
        if e["kind"] == "actor"
        and e.get("actor_type") in ("armed_group", "militia", "criminal_network")
    }
    located = {
        e["kb_id"] for a in stored for e in a["entities"] if e["kind"] == "place" and e.get("geo")
    }
    claims = sum(len(a["claims"]) for a in stored)

    bundle = stix2.parse(_export_kb(cli, dev_kb, "stix", tmp_path), allow_custom=True)
    types = [o["type"] for o in bundle.objects]
    assert types.count("threat-actor") == len(actors) > 0
    assert types.count("location") >= len(located) > 0
    disputes = [
        o for o in bundle.objects if o["type"] == "note" and "contradiction" in o.get("labels", [])
    ]
    assert types.count("note") == claims + len(disputes) and claims > 0
    assert types.count("opinion") == len(disputes)  # each disputed field: a note and an opinion
    assert types.count("report") == len(stored)

    data = json.loads(_export_kb(cli, dev_kb, "geojson", tmp_path))
    assert geojson_lib.loads(json.dumps(data)).is_valid
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert lines, "the dev reports describe routes"
    for line in lines:
        assert len(line["geometry"]["coordinates"]) == len(line["properties"]["waypoints"])

    for record in map(json.loads, _export_kb(cli, dev_kb, "ftm", tmp_path).splitlines()):
        assert ftm_model.get_proxy(record).schema.validate(record) is None

    rows = list(csv.DictReader(io.StringIO(_export_kb(cli, dev_kb, "acled-csv", tmp_path))))
    assert len(rows) == sum(len(a["events"]) for a in stored)
    graph_path = tmp_path / "g.graphml"
    graph_path.write_text(_export_kb(cli, dev_kb, "graphml", tmp_path), "utf-8")
    assert nx.read_graphml(graph_path).number_of_nodes() > len(stored)
    assert len(_export_kb(cli, dev_kb, "jsonl", tmp_path).splitlines()) == len(stored)


@pytest.mark.parametrize(
    "feature, precision",
    [
        ("PPLA2", 1),  # a town by its GeoNames code
        ("village", 1),  # an unlisted place the places stage typed by its word
        ("ADM2", 2),
        ("ADM1", 3),
        ("province", 3),
        ("PCLI", 3),
    ],
)
def test_acled_geo_precision_reads_codes_and_type_words(feature, precision):
    from sitrep.export.acled import _geo_precision

    assert _geo_precision({"feature": feature}) == precision
