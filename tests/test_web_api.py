"""The JSON API on a small KB of our own reports: lists, pages, filters, dossiers, the token
guard, security headers and the limits on uploaded reports."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web_fixtures import fill, sample

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app
from sitrep.web.security import COOKIE
from sitrep.web.upload import MAX_BYTES


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / "kb.db")
    with open_kb(path) as factory:
        ids = fill(factory, sample())
    return path, ids


@pytest.fixture(scope="module")
def client(kb_path):
    with TestClient(create_app(kb_path[0]), base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.fixture(scope="module")
def ids(kb_path):
    return kb_path[1]


def finished(client, status_url: str, timeout_s: float = 600) -> dict:
    """The job at ``status_url`` once the analysis worker is done with it."""
    import time

    deadline = time.monotonic() + timeout_s
    while (job := items(client, status_url))["status"] in (
        "queued",
        "running",
    ) and time.monotonic() < deadline:
        time.sleep(0.2)
    return job


def items(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_events_are_incidents_across_reports_with_every_telling(client):
    page = items(client, "/api/events")
    assert page["total"] == 2
    clash = next(e for e in page["items"] if e["type"] == "Battles")
    assert clash["place"]["name"] == "Ubari" and clash["fatalities_reported"] == [4, 6]
    assert {r["document"] for r in clash["reports"]} == {"fuel-south", "ubari-clash"}


def test_lists_page_with_limit_and_offset(client):
    first, second = (
        items(client, "/api/documents", limit=2),
        items(client, "/api/documents", limit=2, offset=2),
    )
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert not {d["kb_document"] for d in first["items"]} & {
        d["kb_document"] for d in second["items"]
    }
    for path in (
        "/api/events",
        "/api/routes",
        "/api/claims",
        "/api/entities",
        "/api/contradictions",
        "/api/documents",
    ):
        assert client.get(path, params={"limit": 100_000}).status_code == 422, path
        assert client.get(path, params={"offset": -1}).status_code == 422, path
        assert len(items(client, path, limit=1)["items"]) <= 1


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "Protests"}, {"Peaceful protest"}),
        ({"type": "armed clash"}, {"Armed clash"}),
        ({"actor": "Desert Shield brigade"}, {"Armed clash"}),
        ({"place": "Misrata"}, {"Peaceful protest"}),
        ({"near": "26.6,12.8,30"}, {"Armed clash"}),
        ({"near": "26.6,12.8,1"}, set()),
        ({"since": "2024-03-01"}, {"Armed clash"}),
        ({"until": "2024-02-28"}, {"Peaceful protest"}),
        ({"since": "2024-02-01", "until": "2024-03-31", "type": "Battles"}, {"Armed clash"}),
    ],
)
def test_event_filters_match_the_cli(client, params, expected):
    assert {e["sub_type"] for e in items(client, "/api/events", **params)["items"]} == expected


def test_other_lists_take_the_same_filters(client):
    assert {
        d["document"]
        for d in items(client, "/api/documents", actor="Desert Shield brigade")["items"]
    } == {"fuel-south", "ubari-clash"}
    assert [d["document"] for d in items(client, "/api/documents", type="Protests")["items"]] == [
        "misrata-protest"
    ]
    assert items(client, "/api/claims", type="Protests")["total"] == 0
    assert {
        c["source"]["type"]
        for c in items(client, "/api/claims", actor="Desert Shield brigade")["items"]
    } == {"anonymous", "official_statement"}
    names = {e["name"] for e in items(client, "/api/entities", place="Misrata")["items"]}
    assert names == {"Misrata"}
    assert items(client, "/api/contradictions", type="Protests")["total"] == 0
    assert (
        items(client, "/api/contradictions", near="26.6,12.8,30")["items"][0]["about"]
        == "fatalities"
    )


def test_routes_with_their_waypoints_in_order(client):
    route = items(client, "/api/routes")["items"][0]
    assert [w["name"] for w in route["waypoints"]] == ["Sabha", "Ubari", "Ghat"]
    assert route["what"] == "fuel" and route["who"]["name"] == "Desert Shield brigade"
    assert route["cost"] == {"amount": 300.0, "currency": "USD", "per": "barrel"}
    for params, total in (
        ({"type": "fuel"}, 1),
        ({"type": "people"}, 0),
        ({"place": "Ghat"}, 1),
        ({"place": "Misrata"}, 0),
        ({"near": "24.96,10.17,10"}, 1),
        ({"actor": "Desert Shield brigade"}, 1),
        ({"since": "2024-04-01"}, 0),
    ):
        assert items(client, "/api/routes", **params)["total"] == total, params


def test_reader_gets_the_stored_analysis_with_kb_ids(client, ids):
    a = items(client, f"/api/documents/{ids['fuel-south']}")
    text = a["document"]["text"]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in a["mentions"])
    brigade = next(e for e in a["entities"] if e["name"] == "Desert Shield brigade")
    assert items(client, f"/api/entities/{brigade['kb_id']}")["name"] == "Desert Shield brigade"
    assert client.get("/api/documents/999999").status_code == 404
    assert client.get("/api/documents/0").status_code == 422


def test_dossiers_for_actors_and_places(client):
    brigade = next(
        e
        for e in items(client, "/api/entities", kind="actor")["items"]
        if e["name"] == "Desert Shield brigade"
    )
    d = items(client, f"/api/entities/{brigade['id']}")
    assert [p["name"] for p in d["people"]] == ["Salem Warfalli"]
    assert d["events"][0]["sub_type"] == "Armed clash"
    assert [w["name"] for w in d["routes"][0]["waypoints"]] == ["Sabha", "Ubari", "Ghat"]
    assert {s["document"] for s in d["sources"]} == {"fuel-south", "ubari-clash"}
    ghat = next(
        e for e in items(client, "/api/entities", kind="place")["items"] if e["name"] == "Ghat"
    )
    g = items(client, f"/api/entities/{ghat['id']}")
    assert g["kind"] == "place" and g["routes"][0]["what"] == "fuel" and g["events"] == []
    assert client.get("/api/entities/999999").status_code == 404


def test_graph_links_actors_events_places_and_members(client):
    g = items(client, "/api/graph")
    label = {n["id"]: n["label"] for n in g["nodes"]}
    edges = {(label[e["source"]], e["relation"], label[e["target"]]) for e in g["edges"]}
    assert ("Desert Shield brigade", "actor1", "Armed clash 2024-03-03") in edges
    assert ("Armed clash 2024-03-03", "at", "Ubari") in edges
    assert ("Salem Warfalli", "member of", "Desert Shield brigade") in edges
    assert {n["kind"] for n in items(client, "/api/graph", type="Protests")["nodes"]} == {
        "event",
        "place",
    }


def test_search_finds_reports_by_their_words(client):
    hits = items(client, "/api/search", q="checkpoint Ubari")
    assert {h["document"] for h in hits["items"]} == {"fuel-south", "ubari-clash"}
    assert items(client, "/api/search", q="checkpoint", limit=1, offset=1)["total"] == 2
    assert client.get("/api/search").status_code == 422


@pytest.mark.parametrize(
    "params",
    [
        {"near": "1,2"},
        {"near": "95,0,10"},
        {"near": "nan,0,5"},
        {"since": "2024-13-01"},
        {"actor": "99999999999999999999"},
        {"place": "²"},
        {"actor": "a\x00b"},
    ],
)
def test_bad_filters_are_refused_not_crashed(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_security_headers_on_pages_and_api(client):
    for path in ("/map", "/api/events", "/static/js/map.js"):
        r = client.get(path)
        assert r.status_code == 200
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", follow_redirects=False).headers["location"] == "/map"
    for page in (
        "map",
        "graph",
        "timeline",
        "documents",
        "reader",
        "dossier",
        "add",
        "login",
        "claims",
        "contradictions",
        "source",
    ):
        html = client.get(f"/{page}").text
        assert "<script>" not in html and "onload=" not in html, page


def test_openapi_schema_lists_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/events",
        "/api/documents/{document_id}",
        "/api/entities/{entity_id}",
        "/api/routes",
        "/api/claims",
        "/api/contradictions",
        "/api/search",
        "/api/graph",
        "/api/reports",
        "/api/points",
        "/api/events/{event_id}",
        "/api/sources",
        "/api/source",
    } <= paths.keys()


def test_token_is_required_when_set(kb_path):
    token = "s3cret-token-" + "x" * 32
    with TestClient(create_app(kb_path[0], token=token), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get("/map", follow_redirects=False).headers["location"] == "/login"
        assert c.get("/login").status_code == 200
        assert (
            c.post("/login", data={"token": "nope"}, follow_redirects=False)
            .headers["location"]
            .startswith("/login")
        )
        r = c.post("/login", data={"token": token}, follow_redirects=False)
        cookie = r.headers["set-cookie"]
        assert (
            r.headers["location"] == "/map" and "HttpOnly" in cookie and "SameSite=strict" in cookie
        )
        assert token not in cookie  # a signed session, never the token itself
        assert c.get("/api/events").status_code == 200
        c.cookies.set(COOKIE, token)
        assert c.get("/api/events").status_code == 401


def test_serve_refuses_a_public_bind_without_a_token(monkeypatch):
    from sitrep.cli import app

    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--db", "unused.db"])
    assert result.exit_code != 0 and "SITREP_TOKEN" in str(result.exception or result.output)


def test_points_carry_only_what_the_map_and_timeline_draw(client):
    page = items(client, "/api/points")
    assert page["total"] == 2
    clash = next(p for p in page["items"] if p["type"] == "Battles")
    assert set(clash) == {
        "id",
        "lat",
        "lon",
        "type",
        "sub_type",
        "date",
        "precision",
        "place",
        "actor",
    }
    assert (clash["place"], clash["actor"], clash["date"]) == (
        "Ubari",
        "Desert Shield brigade",
        "2024-03-03",
    )
    assert items(client, "/api/points", type="Protests")["total"] == 1
    assert client.get("/api/points", params={"limit": 50_000}).status_code == 422
    one = items(client, f"/api/events/{clash['id']}")
    assert one["id"] == clash["id"] and len(one["reports"]) == 2
    assert client.get("/api/events/999999").status_code == 404


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"grade": "B"}, {"Armed clash"}),  # the army's claim is graded B
        ({"grade": "A"}, set()),
        ({"q": "drivers protested"}, {"Peaceful protest"}),
        ({"q": "statement", "type": "Protests"}, set()),
    ],
)
def test_grade_and_words_narrow_every_view(client, params, expected):
    assert {e["sub_type"] for e in items(client, "/api/events", **params)["items"]} == expected
    assert {p["sub_type"] for p in items(client, "/api/points", **params)["items"]} == expected
    assert client.get("/api/events", params={"grade": "Z"}).status_code == 422


def test_events_page_in_the_database_newest_first(client):
    first, second = (
        items(client, "/api/events", limit=1),
        items(client, "/api/events", limit=1, offset=1),
    )
    assert first["total"] == second["total"] == 2
    assert first["items"][0]["date"] > second["items"][0]["date"]


def test_claims_filter_by_grade_and_source(client):
    every = items(client, "/api/claims")["items"]
    assert every and all(c["reliability"] for c in every)
    best = items(client, "/api/claims", reliability="B")["items"]
    assert best and all(c["reliability"] <= "B" for c in best) and len(best) < len(every)
    assert {
        c["source"]["text"] for c in items(client, "/api/claims", source_type="anonymous")["items"]
    } == {"a local official"}
    assert (
        items(client, "/api/claims", source="THE ARMY")["items"][0]["source"]["text"] == "the army"
    )
    assert client.get("/api/claims", params={"reliability": "G"}).status_code == 422


def test_contradictions_show_both_sides_with_their_sources_and_grades(client):
    c = items(client, "/api/contradictions")["items"][0]
    assert c["about"] == "fatalities" and c["subject"] == "Armed clash 2024-03-03"
    sides = {s["document"]: s for s in c["sides"]}
    assert {s["value"] for s in sides.values()} == {"4", "6"}
    clash_text = items(client, f"/api/documents/{sides['ubari-clash']['kb_document']}")["document"][
        "text"
    ]
    evidence = sides["ubari-clash"]["evidence"][0]
    assert clash_text[evidence["start"] : evidence["end"]] == evidence["text"] == "stormed"
    assert evidence["claim"]["source"] == "the army" and evidence["claim"]["reliability"] == "B"
    assert sides["fuel-south"]["evidence"][0]["claim"]["source_type"] == "anonymous"


def test_a_sources_record_says_who_corroborates_or_contradicts_it(client):
    names = {s["name"]: s for s in items(client, "/api/sources")["items"]}
    assert set(names) == {"a local official", "the army"} and names["the army"]["claims"] == 1
    record = items(client, "/api/source", name="The Army")
    assert record["name"] == "the army" and record["total"] == 1
    event = record["claims"][0]["events"][0]
    assert event["sub_type"] == "Armed clash" and event["corroborated_by"] == []
    against = event["contradicted_by"][0]
    assert against["document"] == "fuel-south"
    assert {"about": "fatalities", "theirs": "4", "ours": "6"} in against["points"]
    assert items(client, "/api/source", name="nobody")["claims"] == []


@pytest.mark.parametrize(
    "files, data, status",
    [
        (
            {"file": ("report.odt", b"PK\x03\x04", "application/vnd.oasis.opendocument.text")},
            {},
            415,
        ),
        ({"file": ("report.pdf", b"%PDF-1.4", "application/pdf")}, {}, 422),
        ({"file": ("report.txt", b"\xff\xfe bad bytes", "text/plain")}, {}, 415),
        ({"file": ("report.txt", b"a\x00b", "text/plain")}, {}, 415),
        ({"file": ("report.txt", b"Some text", "image/png")}, {}, 415),
        ({"file": ("report.txt", b"x" * (MAX_BYTES + 1), "text/plain")}, {}, 413),
        ({"file": ("report.json", b"{not json", "application/json")}, {}, 422),
        (
            {
                "file": (
                    "report.json",
                    json.dumps({"title": "no text"}).encode(),
                    "application/json",
                )
            },
            {},
            422,
        ),
        (None, {"text": "   "}, 422),
        (None, {"text": "A short report.", "published": "yesterday"}, 422),
    ],
)
def test_uploads_are_checked_before_analysis(client, files, data, status):
    r = client.post("/api/reports", files=files, data=data)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_an_oversized_body_is_refused_before_it_is_read(client):
    r = client.post(
        "/api/reports",
        content=b"x" * (MAX_BYTES + 100_000),
        headers={"Content-Type": "multipart/form-data; boundary=zz"},
    )
    assert r.status_code == 413


def test_a_pasted_report_is_analysed_and_stored_once(client):
    text = (
        "Gunmen attack a market in Sabha\nGunmen attacked a market in Sabha on 2 May 2024, killing two traders, "
        "police said. The Desert Shield brigade denied any part in the attack."
    )
    form = {
        "text": text,
        "title": "Market attack in Sabha",
        "outlet": "Oasis Post",
        "published": "2024-05-03",
    }
    first = client.post("/api/reports", data=form)
    assert first.status_code == 202, first.text
    done = finished(client, first.json()["status_url"])
    assert done["status"] == "done" and done["created"] is True
    again = client.post("/api/reports", data=form).json()
    assert again == {"id": done["id"], "created": False}
    doc = items(client, f"/api/documents/{again['id']}")["document"]
    assert (doc["text"], doc["title"], doc["outlet"], doc["published"]) == (
        text,
        "Market attack in Sabha",
        "Oasis Post",
        "2024-05-03",
    )
    assert "Market attack in Sabha" in {
        d["title"] for d in items(client, "/api/documents")["items"]
    }


def test_date_filters_in_sql_agree_with_the_kb_on_every_precision(tmp_path):
    """A week, a month and a year overlap a date range exactly as the CLI's filter says."""
    from kb_fixtures import event, place, report
    from web_fixtures import GHAT

    from sitrep.kb.query import incident_ids
    from sitrep.web.selection import Filters, newest_first

    text = (
        "Three raids near Ghat\nOne raid hit Ghat in a week, another in a month, a third in a year."
    )
    data = report(
        "dated",
        text,
        [place("pl1", *GHAT)],
        events=[
            event(
                text,
                "ev1",
                "raid hit",
                "Attack",
                "pl1",
                "2024-03-04",
                precision="week",
                type="Violence against civilians",
            ),
            event(
                text,
                "ev2",
                "another",
                "Attack",
                "pl1",
                "2024-05",
                precision="month",
                type="Violence against civilians",
            ),
            event(
                text,
                "ev3",
                "a third",
                "Attack",
                "pl1",
                "2022",
                precision="year",
                type="Violence against civilians",
            ),
        ],
    )
    days = (
        "2022-06-30",
        "2023-01-01",
        "2024-03-03",
        "2024-03-08",
        "2024-03-10",
        "2024-03-11",
        "2024-05-31",
        "2024-06-01",
    )
    with open_kb(str(tmp_path / "kb.db")) as factory:
        fill(factory, [data])
        with factory() as s:
            for since in (None, *days):
                for until in (None, *days):
                    mine = list(
                        s.scalars(newest_first(Filters(since=since, until=until).incidents(s)))
                    )
                    assert mine == incident_ids(s, since=since, until=until), (since, until)
            assert (
                len(incident_ids(s, since="2024-03-08", until="2024-03-10")) == 1
            )  # the week still runs


def test_clusters_gather_events_in_the_database_by_zoom_and_view(client):
    """At a low zoom Ubari and Misrata (about 650 km apart) fall in one cell, at a high zoom in
    two; filters and the map's view narrow the cells; the sums always match the points. (Other
    tests may add a report to this KB: counts are compared with the points, not fixed.)"""
    located = [p for p in items(client, "/api/points")["items"] if p["lat"] is not None]
    low, high = (items(client, "/api/clusters", zoom=z) for z in (2, 8))
    assert low["total"] == high["total"] == sum(c["count"] for c in low["items"]) == len(located)
    assert len(low["items"]) < len(high["items"])
    libya = [c for c in low["items"] if 26 < c["lat"] < 33 and 12 < c["lon"] < 16]
    assert libya and {"Battles", "Protests"} <= set(libya[0]["types"])
    assert libya[0]["bounds"][0] <= 26.6 and libya[0]["bounds"][2] >= 32.3  # both towns inside
    protests = items(client, "/api/clusters", zoom=8, type="Protests")["items"]
    assert {c["type"] for c in protests} == {"Protests"}
    misrata = {"bbox": "31,14,33,16"}
    inside = items(client, "/api/points", **misrata)
    assert inside["total"] == len(inside["items"]) >= 1
    assert {p["place"] for p in inside["items"]} == {"Misrata"}
    assert items(client, "/api/clusters", zoom=2, **misrata)["total"] == inside["total"]
    across_180 = {"bbox": "-10,170,10,-170"}  # a view across the antimeridian holds neither
    assert items(client, "/api/clusters", zoom=4, **across_180)["total"] == 0
    whole = {"bbox": "-80,0,80,-1"}  # west > east: the view wraps round, all but one degree
    assert items(client, "/api/points", **whole)["total"] == len(located)


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "10,0,5,1"},  # south above north
        {"bbox": "0,0,1,nan"},
        {"bbox": "0,-200,1,1"},
        {"zoom": "19"},
        {"zoom": "-1"},
    ],
)
def test_bad_map_views_are_refused(client, params):
    assert client.get("/api/clusters", params=params).status_code == 422


def test_a_time_strip_takes_events_evenly_across_the_dates(client):
    """``even`` picks across the dates, so one dot of two spans from the first date, not the
    newest; newest first picks the latest."""
    window = {"since": "2024-02-01", "until": "2024-03-31"}  # the sample's clash and protest
    newest = items(client, "/api/points", limit=1, **window)
    even = items(client, "/api/points", limit=1, even="true", **window)
    assert newest["total"] == even["total"] == 2
    assert newest["items"][0]["date"] == "2024-03-03"
    assert even["items"][0]["date"] == "2024-02-10"
    assert len(items(client, "/api/points", limit=5, even="true", **window)["items"]) == 2


def test_a_capped_graph_says_how_many_events_match(client):
    """The graph lays out only the newest ``limit`` events and counts the rest, so the page can
    say what it leaves out; a node's neighbourhood is one filter away."""
    total = items(client, "/api/points")["total"]
    whole = items(client, "/api/graph")
    assert whole["events"] == total == sum(n["kind"] == "event" for n in whole["nodes"])
    capped = items(client, "/api/graph", limit=1)
    assert capped["events"] == total > 1
    assert sum(n["kind"] == "event" for n in capped["nodes"]) == 1
    ubari = next(n for n in whole["nodes"] if n["label"] == "Ubari")
    around = items(client, "/api/graph", place=str(ubari["entity"]))
    assert around["events"] == 1 and "Armed clash 2024-03-03" in {
        n["label"] for n in around["nodes"]
    }


def test_the_contradictions_list_follows_the_kb_as_reports_arrive(tmp_path):
    """The list is kept between requests until the KB changes: a report that retells the clash
    with another toll shows up on the next request, with both sides told."""
    from web_fixtures import clash_report, route_report

    path = str(tmp_path / "kb.db")
    with open_kb(path) as factory:
        fill(factory, [clash_report()])
        with TestClient(create_app(path), base_url="http://127.0.0.1:8000") as c:
            assert items(c, "/api/contradictions")["total"] == 0
            assert items(c, "/api/contradictions")["total"] == 0  # asked again: the kept list
            fill(factory, [route_report()])
            found = items(c, "/api/contradictions")
            assert found["total"] == 1
            sides = found["items"][0]["sides"]
            assert sorted(s["value"] for s in sides) == ["4", "6"]
            assert all(s["evidence"] for s in sides)


def test_the_contradictions_list_is_built_at_start_before_any_request(tmp_path):
    from web_fixtures import clash_report, route_report

    from sitrep.web import records

    path = str(tmp_path / "kb.db")
    with open_kb(path) as factory:
        fill(factory, [clash_report(), route_report()])
    records._INDEX.clear()
    app = create_app(path)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        app.state.warming.join(timeout=60)
        assert [k[0] for kept in records._INDEX.values() for k in kept] == ["fatalities"]
        assert items(c, "/api/contradictions")["total"] == 1
