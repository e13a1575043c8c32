"""The pages in Debian's chromium through Playwright: the map draws events and a route, the
reader highlights, a report added through the form shows up, the views share one filter state,
and nothing a report carries ever runs as script. Screenshots of each page go to the test's
output folder and to /tmp/web-shots/."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from kb_fixtures import actor, claim, event, place, report
from web_fixtures import GHAT, SABHA, fill, route_report, sample, with_route, workspace

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed"
    ),
]

# Each payload calls back into the test if it ever runs; window.__pwned is exposed by the test.
PAYLOADS = (
    '<script>window.__pwned("script")</script>',
    "<img src=x onerror=\"window.__pwned('img')\">",
    'javascript:window.__pwned("href")',
)
SHOTS = Path("/tmp/web-shots")
XSS_TEXT = (
    "Raid on the depot in Ghat\n"
    f"Gunmen of the {PAYLOADS[1]} band raided a fuel depot in Ghat on 8 March 2024, {PAYLOADS[0]} said. "
    f"Leaflets left behind read {PAYLOADS[0]} and {PAYLOADS[2]} in large letters. "
    "The band carried the fuel from Ghat to Sabha."
)


def xss_report() -> dict:
    """Payloads in every string a page shows: title, outlet, actor (a route's who, a graph label,
    a timeline group), the claim's source (claims, contradictions and source pages)."""
    band = f"{PAYLOADS[1]} band"
    data = report(
        "xss-depot",
        XSS_TEXT,
        [place("pl1", *GHAT), place("pl2", *SABHA), actor("ac1", band)],
        events=[
            event(
                XSS_TEXT,
                "ev1",
                "raided",
                "Looting/property destruction",
                "pl1",
                "2024-03-08",
                {"ac1": "actor1"},
                type="Violence against civilians",
                claim="cl1",
            )
        ],
        claims=[
            claim(
                XSS_TEXT, "cl1", "raided a fuel depot in Ghat", PAYLOADS[0], "named_person", "C", 3
            )
        ],
        outlet=PAYLOADS[0],
        published="2024-03-09",
    )
    data["document"]["title"] = f"{PAYLOADS[0]} {PAYLOADS[2]}"
    return with_route(
        data,
        XSS_TEXT,
        [("pl1", "Ghat"), ("pl2", "Sabha")],
        "ac1",
        "fuel",
        None,
        "carried the fuel from Ghat to Sabha",
    )


def serve(tmp_path_factory, reports: list[dict]):
    """The app on a KB of ``reports``, served by uvicorn on a free loopback port in a thread."""
    import uvicorn

    path = str(tmp_path_factory.mktemp("web-browser") / "kb.db")
    with open_kb(path) as factory:
        ids = fill(factory, reports)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve(tmp_path_factory, [*sample(), xss_report()])


@pytest.fixture(scope="module")
def wide(tmp_path_factory):
    """Fifteen of our own reports across Libya, for the linked views."""
    yield from serve(tmp_path_factory, workspace())


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors, dialogs and calls to window.__pwned."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.pwned, pg.errors = [], []
    pg.expose_function("__pwned", lambda what: pg.pwned.append(what))
    pg.on("dialog", lambda d: (pg.pwned.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def loaded(page, url: str, name: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"body[data-loaded='{name}']", timeout=20_000)


def test_map_draws_events_and_a_route_and_opens_an_event(server, page):
    base, _ = server
    loaded(page, f"{base}/map", "map")
    assert page.locator(".event-marker").count() >= 3
    assert page.locator(".route-line").count() == 2
    assert page.locator(".route-arrow").count() == 3
    assert page.locator(".route-label").count() == 2
    page.locator(".route-stop").nth(
        2
    ).hover()  # the fuel route's Sabha, drawn over the other route's
    assert page.locator(".leaflet-tooltip:not(.route-label)").inner_text() == "Sabha"
    page.locator(".event-marker").first.dispatch_event("click")
    page.wait_for_selector("#detail .event-title")
    assert page.locator("#detail a[href^='/reader?id=']").count() >= 1
    page.locator(".route-line").last.dispatch_event("click")
    assert "Sabha → Ubari → Ghat" in page.locator("#detail").inner_text()
    assert page.errors == []


def test_map_filters_narrow_the_markers(server, page):
    base, _ = server
    loaded(page, f"{base}/map", "map")
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#filters select[name=type]", "Protests")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-loaded='map']")
    assert page.locator(".event-marker").count() == 1
    assert page.locator(".route-line").count() == 2  # routes ignore the ACLED type
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#filters select[name=type]", "")
    page.fill("#filters input[name=place]", "Misrata")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-loaded='map']")
    assert (page.locator(".event-marker").count(), page.locator(".route-line").count()) == (1, 0)


def test_reader_highlights_places_actors_and_people(server, page):
    base, ids = server
    loaded(page, f"{base}/reader?id={ids['fuel-south']}", "reader")
    assert page.locator("#doc-text mark.place").count() >= 4
    assert page.locator("#doc-text mark.actor").count() >= 1
    assert page.locator("#doc-text mark.person").count() == 1
    assert page.locator("#doc-text mark.event").count() == 1
    assert page.locator("#doc-text").inner_text() == route_report()["document"]["text"]
    page.locator("#doc-text mark.person").hover()
    page.wait_for_selector("#detail a[href^='/dossier?id=']")
    page.click("#detail a[href^='/dossier?id=']")
    page.wait_for_selector("body[data-loaded='dossier']")
    assert page.locator("h1").inner_text() == "Salem Warfalli"


def test_dossier_graph_timeline_and_documents_load(server, page):
    base, _ = server
    loaded(page, f"{base}/graph", "graph")
    assert page.evaluate("window.sitrepGraph.nodes().length") >= 5
    loaded(page, f"{base}/timeline", "timeline")
    assert page.locator(".tl-event").count() >= 3
    loaded(page, f"{base}/documents", "documents")
    assert page.locator("#documents li").count() == 4
    loaded(page, f"{base}/documents?q=Ubari", "documents")
    assert page.locator("#documents li").count() == 2
    assert page.errors == []


def test_a_report_added_through_the_form_appears(server, page):
    base, _ = server
    page.goto(f"{base}/add")
    page.fill("input[name=title]", "Convoy stopped near Murzuq")
    page.fill("input[name=outlet]", "Sand Sea Times")
    page.fill(
        "textarea[name=text]",
        "Convoy stopped near Murzuq\nSoldiers stopped a fuel convoy near Murzuq on 4 April 2024 "
        "and detained three drivers, the local council said.",
    )
    page.click("#add-form button[type=submit]")
    page.wait_for_selector("body[data-loaded='added']", timeout=300_000)
    assert page.locator("#add-status").inner_text().startswith("Added.")
    page.click("#added-link")
    page.wait_for_selector("body[data-loaded='reader']")
    assert page.locator("#doc-head h1").inner_text() == "Convoy stopped near Murzuq"
    assert page.locator("#doc-text mark.place").count() >= 1
    loaded(page, f"{base}/documents", "documents")
    assert "Convoy stopped near Murzuq" in page.locator("#documents").inner_text()


def no_injected_markup(page) -> None:
    """Payloads are text: no element they describe exists, and no link leads to javascript:."""
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0


def test_report_payloads_never_run(server, page):
    base, ids = server
    loaded(page, f"{base}/reader?id={ids['xss-depot']}", "reader")
    assert "<script>" in page.locator("#doc-head h1").inner_text()
    assert PAYLOADS[1] in page.locator("#doc-text").inner_text()
    for mark in page.locator("#doc-text mark.actor").all():
        mark.hover()
    no_injected_markup(page)
    loaded(page, f"{base}/map", "map")
    for marker in page.locator(".event-marker").all():
        marker.dispatch_event("click")
        no_injected_markup(page)
    actor_id = next(
        e["kb_id"]
        for e in page.evaluate(f"fetch('/api/documents/{ids['xss-depot']}').then(r => r.json())")[
            "entities"
        ]
        if e["kind"] == "actor"
    )
    loaded(page, f"{base}/dossier?id={actor_id}", "dossier")
    assert page.locator("h1").inner_text().startswith("<img")
    no_injected_markup(page)
    loaded(page, f"{base}/timeline", "timeline")
    for item in page.locator(".vis-item").all():
        item.click()
    no_injected_markup(page)
    for url, name in (
        (f"{base}/documents", "documents"),
        (f"{base}/documents?q=leaflets", "documents"),
        (f"{base}/graph", "graph"),
    ):
        loaded(page, url, name)
        no_injected_markup(page)
    page.wait_for_timeout(300)
    assert page.pwned == []


def shot(page, folder: Path, name: str) -> None:
    """A full-page screenshot in the test's folder, copied to /tmp/web-shots/ for people to look at."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    SHOTS.mkdir(exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def reload_done(page, name: str) -> None:
    page.wait_for_selector(f"body[data-loaded='{name}']", timeout=20_000)


def until(page, expression: str, seconds: float = 20) -> None:
    """Waits for a page expression to hold (wait_for_function would need eval, which the CSP forbids)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, expression
        page.wait_for_timeout(100)


def shown_points(page) -> list[dict]:
    """The events the map draws, as the page holds them."""
    return page.evaluate("[...window.sitrepMap.markers.keys()]")


def test_a_filter_set_on_the_map_narrows_the_timeline_and_graph(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/map", "map")
    everything = len(shown_points(page))
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#filters select[name=type]", "Protests")
    page.fill("#filters input[name=actor]", "Southern Tebu militia")
    page.click("#filters button[type=submit]")
    reload_done(page, "map")
    protests = len(shown_points(page))
    assert 0 < protests < everything
    assert "type=Protests" in page.url and "actor=Southern+Tebu+militia" in page.url
    shot(page, tmp_path, "map-filtered")
    page.click("nav a.keep[href^='/timeline']")
    reload_done(page, "timeline")
    assert page.locator("#filters select[name=type]").input_value() == "Protests"
    assert page.locator(".vis-item .tl-label").count() == protests
    assert (
        page.locator(".vis-item.vis-box.t-3 .tl-label").count() == protests
    )  # Protests' colour class
    page.click("nav a.keep[href^='/graph']")
    reload_done(page, "graph")
    events = page.evaluate(
        "window.sitrepGraph.nodes('[kind = \"event\"]').map(n => n.data('label'))"
    )
    assert len(events) == protests and all(label.startswith("Peaceful protest") for label in events)
    actors = page.evaluate(
        "window.sitrepGraph.nodes('[kind = \"actor\"]').map(n => n.data('label'))"
    )
    assert "Southern Tebu militia" in actors
    assert page.errors == []


def test_a_time_brush_narrows_the_map_and_the_url_reproduces_it(wide, page, browser, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/map", "map")
    everything = len(shown_points(page))
    strip = page.locator("#brush .vis-center").bounding_box()
    page.evaluate("delete document.body.dataset.loaded")
    y = strip["y"] + strip["height"] / 2
    page.mouse.move(strip["x"] + strip["width"] * 0.2, y)
    page.mouse.down()
    page.mouse.move(
        strip["x"] + strip["width"] * 0.7, y, steps=12
    )  # drag right: the window moves to earlier dates
    page.mouse.up()
    reload_done(page, "map")
    since = page.locator("#filters input[name=since]").input_value()
    until = page.locator("#filters input[name=until]").input_value()
    assert since and until and f"since={since}" in page.url and f"until={until}" in page.url
    shown = shown_points(page)
    assert 0 < len(shown) < everything
    dates = page.evaluate(
        f"Promise.all({shown}.map(id => fetch('/api/events/' + id).then(r => r.json()).then(e => e.date)))"
    )
    assert all(since <= d <= until for d in dates)
    shot(page, tmp_path, "map-brushed")
    again = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    loaded(again, page.url, "map")
    assert sorted(shown_points(again)) == sorted(shown)
    assert again.locator("#filters input[name=since]").input_value() == since
    again.context.close()
    assert page.errors == []


def test_selecting_a_marker_marks_it_in_the_strip_and_opens_its_sources(wide, page):
    base, _ = wide
    loaded(page, f"{base}/map?place=Ubari", "map")
    page.locator(".event-marker").first.dispatch_event("click")
    page.wait_for_selector("#detail .event-title")
    chosen = page.evaluate("document.body.dataset.selected")
    assert page.evaluate("window.sitrepMap.brush.getSelection()") == [int(chosen)]
    assert page.locator("#detail a.sentence[href*='&at=']").count() == 2  # both reports' triggers


def test_a_contradiction_is_shown_with_both_sources(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/contradictions", "contradictions")
    card = page.locator(".contradiction").first
    assert card.locator("h2").inner_text() == "fatalities: Armed clash 2024-03-03"
    sides = card.locator(".side")
    assert sides.count() == 2
    assert {sides.nth(i).locator(".value").inner_text() for i in range(2)} == {"4", "6"}
    assert {sides.nth(i).locator(".source-name").inner_text() for i in range(2)} == {
        "a local official",
        "the army",
    }
    assert all(sides.nth(i).locator(".grade").inner_text()[0] in "ABCDEF" for i in range(2))
    shot(page, tmp_path, "contradictions")
    sides.filter(has_text="the army").locator("a.sentence").first.click()
    reload_done(page, "reader")
    assert page.locator("#doc-text .focus").inner_text() == "stormed"
    shot(page, tmp_path, "reader-at-sentence")
    page.go_back()
    reload_done(page, "contradictions")
    page.locator(".source-name", has_text="the army").first.click()
    reload_done(page, "source")
    assert (
        "disagrees" in page.locator(".record").inner_text()
        and "fatalities: 4 (this source: 6)" in page.locator(".record").inner_text()
    )
    shot(page, tmp_path, "source")


def test_graph_labels_do_not_overlap_and_kinds_filter(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/graph", "graph")
    boxes = page.evaluate("""window.sitrepGraph.nodes(':visible').filter(n => !n.hasClass('quiet')).map(n => {
        const b = n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
        return [b.x1, b.y1, b.x2, b.y2]; })""")
    assert len(boxes) >= 15  # most labels are kept
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    shot(page, tmp_path, "graph")
    page.uncheck("input[name=kind][value=event]")
    assert page.evaluate("window.sitrepGraph.nodes('[kind = \"event\"]:visible').length") == 0
    assert page.evaluate("window.sitrepGraph.nodes('[kind = \"actor\"]:visible').length") == 4
    page.check("input[name=kind][value=event]")


def test_a_graph_node_expands_to_its_neighbourhood(wide, page):
    base, _ = wide
    loaded(page, f"{base}/graph?place=Tripoli", "graph")
    before = page.evaluate("window.sitrepGraph.nodes().length")
    node = page.evaluate("""(() => { const n = window.sitrepGraph.nodes('[label = "Tenth Coast battalion"]')[0];
        n.emit('tap'); return n.id(); })()""")
    page.click("#expand")
    until(page, f"window.sitrepGraph.nodes().length > {before}")
    assert page.evaluate(f"window.sitrepGraph.getElementById('{node}').connectedEdges().length") > 2
    assert page.errors == []


def test_no_horizontal_artefact_crosses_the_map(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/map", "map")
    for center, zoom in (([60, 100], 2), ([-17, 178], 3), ([65, 170], 3)):
        page.evaluate(f"window.sitrepMap.map.setView({center}, {zoom}, {{animate: false}})")
        page.wait_for_timeout(200)
        world = 256 * 2**zoom
        widths = page.evaluate(
            "[...document.querySelectorAll('path.country')].map(p => p.getBBox().width)"
        )
        assert len(widths) > 150
        assert max(widths) < world / 2, (center, zoom, max(widths), world)
    shot(page, tmp_path, "map-antimeridian")


def test_timeline_groups_grow_to_fit_and_claims_filter_by_grade(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/timeline?group=actor", "timeline")
    assert page.locator(".vis-label .tl-group").count() == 5  # four groups and "no actor named"
    items = page.locator(".vis-item:has(.tl-label)").all()
    assert len(items) == 14  # every event of the workspace KB
    frame = page.locator("#timeline .vis-panel.vis-center").bounding_box()
    assert all(
        frame["y"] <= i.bounding_box()["y"]
        and i.bounding_box()["y"] + i.bounding_box()["height"] <= frame["y"] + frame["height"] + 1
        for i in items
    )  # no item is cut off above or below
    shot(page, tmp_path, "timeline-by-actor")
    loaded(page, f"{base}/claims", "claims")
    every = page.locator(".claim-row").count()
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#claim-filters select[name=reliability]", "B")
    page.click("#claim-filters button")
    reload_done(page, "claims")
    grades = [g.inner_text() for g in page.locator(".claim-row .grade").all()]
    assert 0 < len(grades) < every and all(g[0] in "AB" for g in grades)
    assert "reliability=B" in page.url
    shot(page, tmp_path, "claims")


def test_new_pages_keep_report_payloads_as_text(server, page, tmp_path):
    base, _ = server
    pages = (
        ("/contradictions", "contradictions"),
        ("/claims", "claims"),
        ("/source", "source"),
        (f"/source?name={PAYLOADS[0]}", "source"),
        ("/timeline?group=actor", "timeline"),
        ("/graph", "graph"),
        ("/map", "map"),
    )
    for url, name in pages:
        loaded(page, f"{base}{url}", name)
        no_injected_markup(page)
    assert PAYLOADS[1] in page.evaluate(
        "window.sitrepMap && [...document.querySelectorAll('.route-label')].map(x => x.textContent).join(' ')"
    )
    for line in page.locator(".route-line").all():
        line.dispatch_event("mouseover")
        no_injected_markup(page)
    assert PAYLOADS[1] in " ".join(t.inner_text() for t in page.locator(".route-tip").all())
    loaded(page, f"{base}/timeline?group=actor", "timeline")
    assert any(PAYLOADS[1] in g.inner_text() for g in page.locator(".tl-group").all())
    loaded(page, f"{base}/graph", "graph")
    labels = page.evaluate("window.sitrepGraph.nodes().map(n => n.data('label'))")
    assert f"{PAYLOADS[1]} band" in labels
    loaded(page, f"{base}/claims", "claims")
    assert PAYLOADS[0] in page.locator(".claims-table").inner_text()
    shot(page, tmp_path, "claims-with-payloads")
    page.wait_for_timeout(300)
    assert page.pwned == [] and page.errors == []


def test_the_selection_downloads_as_geojson_and_shows_as_density(wide, page):
    base, _ = wide
    loaded(page, f"{base}/map?type=Battles", "map")
    with page.expect_download() as info:
        page.click("#download")
    collection = json.loads(Path(info.value.path()).read_text("utf-8"))
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert len(points) == len(shown_points(page)) > 0
    assert {f["properties"]["type"] for f in points} == {"Battles"}
    assert [f["geometry"]["type"] for f in collection["features"]].count("LineString") == 1
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
    page.check("#heat")
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1


def test_the_graph_can_be_walked_by_keyboard(wide, page):
    base, _ = wide
    loaded(page, f"{base}/graph", "graph")
    page.evaluate("window.sitrepGraph.nodes('[label = \"Ubari\"]')[0].emit('tap')")
    page.wait_for_selector("#detail button.tie:focus")
    first = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail .node-title, #detail .event-title")
    assert page.evaluate("window.sitrepGraph.nodes(':selected').map(n => n.data('label'))") == [
        first
    ]


def test_a_big_selection_is_grouped_by_the_database_until_zoomed_in(wide, page, tmp_path):
    """With more events than the browser is sent whole (lowered here to one), the map draws the
    database's grid cells, whose counts add up to the selection; a click on a cell zooms in
    until the events themselves come, only those in the view; the GeoJSON still holds them all."""
    base, _ = wide
    page.add_init_script("window.sitrepClientMax = 1")
    loaded(page, f"{base}/map", "map")
    assert page.evaluate("document.body.dataset.view") == "cells"
    total = page.evaluate("fetch('/api/points').then(r => r.json()).then(p => p.total)")
    counts = [int(c.inner_text()) for c in page.locator(".server-cell span").all()]
    assert counts and sum(counts) == total and page.locator(".event-marker").count() == 0
    shot(page, tmp_path, "map-cells")
    for _ in range(6):
        if page.evaluate("document.body.dataset.view") == "points":
            break
        biggest = max(
            page.locator(".server-cell").all(), key=lambda c: int(c.locator("span").inner_text())
        )
        before = page.evaluate("window.sitrepMap.map.getZoom()")
        biggest.dispatch_event("click")
        until(page, f"window.sitrepMap.map.getZoom() > {before}")
        page.wait_for_timeout(600)  # the view's request follows the move
    assert page.evaluate("document.body.dataset.view") == "points"
    shown = shown_points(page)
    assert 0 < len(shown) <= total
    inside = page.evaluate(
        "[...window.sitrepMap.markers.values()].every(m => "
        "window.sitrepMap.map.getBounds().pad(0.3).contains(m.getLatLng()))"
    )
    assert inside
    # The URL holds the view: opened again, the map shows the same place and the same events.
    assert "view=" in page.url
    again = page.context.new_page()
    again.add_init_script("window.sitrepClientMax = 1")
    loaded(again, page.url, "map")
    until(again, "document.body.dataset.view === 'points'")
    same = "[window.sitrepMap.map.getZoom(), window.sitrepMap.map.getCenter().lat.toFixed(2)]"
    assert again.evaluate(same) == page.evaluate(same)
    assert sorted(shown_points(again)) == sorted(shown)
    again.close()
    with page.expect_download() as info:
        page.click("#download")
    collection = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert sum(f["geometry"]["type"] == "Point" for f in collection["features"]) == total
    assert page.errors == []


def test_a_selected_event_opens_selected_on_the_timeline_and_graph(wide, page, tmp_path):
    base, _ = wide
    loaded(page, f"{base}/map?type=Battles", "map")
    page.locator(".event-marker").first.dispatch_event("click")
    page.wait_for_selector("#detail .event-title")
    chosen = int(page.evaluate("document.body.dataset.selected"))
    assert f"sel={chosen}" in page.url and "type=Battles" in page.url
    page.click("nav a.keep[href^='/timeline']")
    reload_done(page, "timeline")
    assert page.evaluate("window.sitrepTimeline.getSelection()") == [chosen]
    assert page.locator(".vis-item.vis-selected .tl-label").count() == 1
    assert page.locator("#detail .event-title").count() == 1
    page.click("nav a.keep[href^='/graph']")
    reload_done(page, "graph")
    assert page.evaluate("window.sitrepGraph.nodes(':selected').map(n => n.id())") == [f"i{chosen}"]
    assert page.evaluate("window.sitrepGraph.nodes('.faded').length") > 0  # the rest dimmed
    shot(page, tmp_path, "graph-selected")
    page.click("nav a.keep[href^='/map']")
    reload_done(page, "map")
    until(page, "document.querySelectorAll('.event-marker.selected').length === 1")
    assert page.evaluate("window.sitrepMap.brush.getSelection()") == [chosen]
    assert page.errors == []


def test_the_timeline_is_walked_by_keyboard_in_date_order(wide, page):
    base, _ = wide
    loaded(page, f"{base}/timeline", "timeline")
    page.focus("#timeline")
    page.keyboard.press("Home")
    page.wait_for_selector("#detail .event-title")
    first = page.evaluate("window.sitrepTimeline.getSelection()[0]")
    start_of = "id => new Date(window.sitrepTimeline.itemsData.get(id).start).getTime()"
    walked, times = [first], [page.evaluate(f"({start_of})({first})")]
    for _ in range(4):
        page.keyboard.press("ArrowRight")
        chosen = page.evaluate("window.sitrepTimeline.getSelection()[0]")
        until(page, f"document.body.dataset.selected === '{chosen}'")
        walked.append(chosen)
        times.append(page.evaluate(f"({start_of})({chosen})"))
    assert times == sorted(times) and len(set(walked)) == 5  # five events, in date order
    assert f"sel={chosen}" in page.url
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("window.sitrepTimeline.getSelection()[0]") != chosen
    page.keyboard.press("End")
    last = page.evaluate("window.sitrepTimeline.getSelection()[0]")
    assert last != first
    start = page.evaluate("window.sitrepTimeline.getWindow().start.getTime()")
    end = page.evaluate("window.sitrepTimeline.getWindow().end.getTime()")
    page.keyboard.press("+")
    width = page.evaluate(
        "window.sitrepTimeline.getWindow().end.getTime() - window.sitrepTimeline.getWindow().start.getTime()"
    )
    assert width < end - start
    assert page.errors == []


def test_payloads_stay_text_in_cells_the_selection_and_keyboard_views(server, page, tmp_path):
    """The views added for scale and linking show report strings as text too: the database's
    cells and the events they open into, the selected event carried to the timeline and the
    graph (its detail and its ties), and the timeline walked by keyboard."""
    base, ids = server
    page.add_init_script("window.sitrepClientMax = 1")
    loaded(page, f"{base}/map", "map")
    assert page.evaluate("document.body.dataset.view") == "cells"
    for cell in page.locator(".server-cell").all():
        cell.dispatch_event("click")
        no_injected_markup(page)
    raid = page.evaluate("fetch('/api/points?q=leaflets').then(r => r.json())")["items"][0]["id"]
    loaded(page, f"{base}/map?sel={raid}", "map")
    page.wait_for_selector("#detail .event-title")
    until(page, "document.body.dataset.view === 'points'")
    assert PAYLOADS[1] in page.locator("#detail").inner_text()
    no_injected_markup(page)
    page.click("nav a.keep[href^='/timeline']")
    reload_done(page, "timeline")
    assert page.evaluate("window.sitrepTimeline.getSelection()") == [raid]
    assert PAYLOADS[0] in page.locator("#detail").inner_text()  # the claim's source
    page.focus("#timeline")
    for key in ("Home", "ArrowRight", "ArrowRight", "End", "Enter"):
        page.keyboard.press(key)
        no_injected_markup(page)
    page.goto(f"{base}/graph?sel={raid}")
    reload_done(page, "graph")
    assert page.evaluate("window.sitrepGraph.nodes(':selected').map(n => n.id())") == [f"i{raid}"]
    no_injected_markup(page)
    page.evaluate(
        "(label) => window.sitrepGraph.nodes().filter(n => n.data('label') === label)[0].emit('tap')",
        f"{PAYLOADS[1]} band",
    )
    page.wait_for_selector("#detail button.tie")
    assert PAYLOADS[1] in page.locator("#detail .node-title").inner_text()
    no_injected_markup(page)
    shot(page, tmp_path, "graph-payload-selected")
    page.wait_for_timeout(300)
    assert page.pwned == [] and page.errors == []


def test_print_keeps_the_reader_and_dossier_and_the_legends_name_every_colour(server, page):
    base, ids = server
    loaded(page, f"{base}/timeline", "timeline")
    kinds = [s.inner_text() for s in page.locator("#legend > span").all()]
    assert len(kinds) == 7 and "Battles" in kinds and "other" in kinds
    swatches = page.evaluate(
        "[...document.querySelectorAll('#legend .swatch')].map(s => getComputedStyle(s).backgroundColor)"
    )
    assert len(set(swatches)) == 7  # one colour per type, none shared
    page.emulate_media(media="print")
    for url, name, body in (
        (f"/reader?id={ids['fuel-south']}", "reader", "#doc-text"),
        (f"/dossier?id={actor_id(page, base, ids['fuel-south'])}", "dossier", "#dossier"),
    ):
        loaded(page, f"{base}{url}", name)
        hidden = page.evaluate(
            "['nav.top', 'footer', '.skip'].map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none"] * 3
        assert page.locator(body).is_visible() and page.locator(body).inner_text().strip()
    page.emulate_media(media="screen")


def actor_id(page, base: str, document: int) -> int:
    entities = page.evaluate(f"fetch('{base}/api/documents/{document}').then(r => r.json())")
    return next(e["kb_id"] for e in entities["entities"] if e["kind"] == "actor")


def test_the_strip_under_the_map_is_walked_by_keyboard_without_moving_the_dates(wide, page):
    base, _ = wide
    loaded(page, f"{base}/map", "map")
    window = page.evaluate("window.sitrepMap.brush.getWindow().start.getTime()")
    page.focus("#brush")
    page.keyboard.press("Home")
    until(page, "document.body.dataset.selected !== undefined")
    first = page.evaluate("document.body.dataset.selected")
    page.keyboard.press("ArrowRight")
    until(page, f"document.body.dataset.selected !== '{first}'")
    chosen = page.evaluate("document.body.dataset.selected")
    assert page.evaluate("window.sitrepMap.brush.getSelection()") == [int(chosen)]
    until(page, "document.querySelectorAll('.event-marker.selected').length === 1")
    assert f"sel={chosen}" in page.url and "since=" not in page.url
    assert page.evaluate("window.sitrepMap.brush.getWindow().start.getTime()") == window
    assert page.errors == []


def test_a_contradictions_event_opens_selected_on_the_map_and_marks_its_claims(wide, page):
    base, _ = wide
    loaded(page, f"{base}/contradictions", "contradictions")
    card = page.locator(".contradiction").first
    card.locator("a.event-link").click()
    reload_done(page, "map")
    until(page, "document.querySelectorAll('.event-marker.selected').length === 1")
    until(page, "document.body.dataset.selected !== undefined")
    chosen = int(page.evaluate("document.body.dataset.selected"))
    assert f"sel={chosen}" in page.url
    assert page.locator("#detail .event-title").inner_text() == "Armed clash"
    page.click("nav a.keep[href^='/claims']")
    reload_done(page, "claims")
    marked = page.locator(".claim-row.selected")
    assert marked.count() == 2  # the two reports' claims about the clash
    assert {marked.nth(i).locator(".source-name").inner_text() for i in range(2)} == {
        "a local official",
        "the army",
    }
    page.click("nav a.keep[href^='/contradictions']")
    reload_done(page, "contradictions")
    assert page.locator(".contradiction.selected").count() == 1
    assert page.errors == []


def test_a_timeline_taller_than_its_box_opens_on_its_first_row_whole(wide, page):
    base, _ = wide
    page.set_viewport_size({"width": 420, "height": 300})  # narrow: the items stack past the box
    loaded(page, f"{base}/timeline", "timeline")
    frame = page.locator("#timeline .vis-panel.vis-center").bounding_box()
    boxes = [i.bounding_box() for i in page.locator(".vis-item:has(.tl-label)").all()]
    shown = [b for b in boxes if b and b["height"] > 0]
    top = min(b["y"] for b in shown)
    assert max(b["y"] + b["height"] for b in shown) - top > frame["height"]  # more than fits
    assert frame["y"] <= top <= frame["y"] + 40  # the first row sits whole at the top, not cut
    assert page.errors == []
