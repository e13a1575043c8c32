"""The pages in Debian's chromium through Playwright: the map draws events and a route, the
reader highlights, a report added through the form shows up, and nothing a report carries
ever runs as script."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from kb_fixtures import actor, event, place, report
from web_fixtures import GHAT, fill, route_report, sample

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed")]

# Each payload calls back into the test if it ever runs; window.__pwned is exposed by the test.
PAYLOADS = ('<script>window.__pwned("script")</script>', '<img src=x onerror="window.__pwned(\'img\')">',
            'javascript:window.__pwned("href")')
XSS_TEXT = ("Raid on the depot in Ghat\n"
            f"Gunmen of the {PAYLOADS[1]} band raided a fuel depot in Ghat on 8 March 2024, a witness said. "
            f"Leaflets left behind read {PAYLOADS[0]} and {PAYLOADS[2]} in large letters.")


def xss_report() -> dict:
    band = f"{PAYLOADS[1]} band"
    data = report("xss-depot", XSS_TEXT, [place("pl1", *GHAT), actor("ac1", band)],
                  events=[event(XSS_TEXT, "ev1", "raided", "Looting/property destruction", "pl1", "2024-03-08", {"ac1": "actor1"},
                                type="Violence against civilians")],
                  outlet=PAYLOADS[0], published="2024-03-09")
    data["document"]["title"] = f"{PAYLOADS[0]} {PAYLOADS[2]}"
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a filled KB, served by uvicorn on a free loopback port in a thread."""
    import uvicorn

    path = str(tmp_path_factory.mktemp("web-browser") / "kb.db")
    with open_kb(path) as factory:
        ids = fill(factory, [*sample(), xss_report()])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
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
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
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
    assert page.locator(".route-line").count() == 1
    assert page.locator(".route-arrow").count() == 2
    page.locator(".route-stop").first.hover()
    assert page.locator(".leaflet-tooltip").inner_text() == "Sabha"
    page.locator(".event-marker").first.dispatch_event("click")
    page.wait_for_selector("#detail .event-title")
    assert page.locator("#detail a[href^='/reader?id=']").count() >= 1
    page.locator(".route-line").dispatch_event("click")
    assert "Sabha → Ubari → Ghat" in page.locator("#detail").inner_text()
    assert page.errors == []


def test_map_filters_narrow_the_markers(server, page):
    base, _ = server
    loaded(page, f"{base}/map", "map")
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#filters select[name=type]", "Protests")
    page.click("#filters button")
    page.wait_for_selector("body[data-loaded='map']")
    assert page.locator(".event-marker").count() == 1
    assert page.locator(".route-line").count() == 1  # routes ignore the ACLED type
    page.evaluate("delete document.body.dataset.loaded")
    page.select_option("#filters select[name=type]", "")
    page.fill("#filters input[name=place]", "Misrata")
    page.click("#filters button")
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
    page.fill("textarea[name=text]", "Convoy stopped near Murzuq\nSoldiers stopped a fuel convoy near Murzuq on 4 April 2024 "
                                     "and detained three drivers, the local council said.")
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
    actor_id = next(e["kb_id"] for e in page.evaluate(f"fetch('/api/documents/{ids['xss-depot']}').then(r => r.json())")["entities"]
                    if e["kind"] == "actor")
    loaded(page, f"{base}/dossier?id={actor_id}", "dossier")
    assert page.locator("h1").inner_text().startswith("<img")
    no_injected_markup(page)
    loaded(page, f"{base}/timeline", "timeline")
    for item in page.locator(".vis-item").all():
        item.click()
    no_injected_markup(page)
    for url, name in ((f"{base}/documents", "documents"), (f"{base}/documents?q=leaflets", "documents"), (f"{base}/graph", "graph")):
        loaded(page, url, name)
        no_injected_markup(page)
    page.wait_for_timeout(300)
    assert page.pwned == []
