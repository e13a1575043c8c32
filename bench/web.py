"""The web app on a 10,000-event knowledge base: API latency (p50/p95) and page load times.

The KB is filled with generated contract analyses through the KB's own ``store`` (the analysis
pipeline is not what is measured here): reports of four events each, in a few hundred made-up
towns across the Sahel and Libya, by sixty made-up groups, over five years, each event backed by
an attributed, graded claim; some reports retell an event another told, with another toll, so
there are contradictions to list. Then the app is served by uvicorn on a loopback port, every
API call is timed ``--runs`` times, and each page is opened in Debian's chromium and timed until
its script says it has drawn (``body[data-loaded]``).

    python bench/web.py [--events 10000] [--runs 20] [--db /tmp/web-bench.db] [--keep] [--shots DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from sitrep.kb.db import open_kb
from sitrep.kb.store import store
from sitrep.model import (
    Analysis,
    Claim,
    DateRef,
    Document,
    Entity,
    Event,
    EventActor,
    Fatalities,
    Geo,
    Mention,
    Source,
    Span,
)
from sitrep.serialize import to_dict

CHROMIUM = Path("/usr/bin/chromium")
EVENTS_PER_REPORT = 4
KINDS = (
    ("clashed", "Armed clash", "Battles"),
    ("shelled", "Shelling/artillery/missile attack", "Explosions/Remote violence"),
    ("attacked", "Attack", "Violence against civilians"),
    ("marched", "Peaceful protest", "Protests"),
    ("rioted", "Violent demonstration", "Riots"),
)
SOURCES = (
    ("a local official", "anonymous"),
    ("the army", "official_statement"),
    ("a witness", "named_person"),
    ("the regional governor", "official_statement"),
    ("a hospital nurse", "named_person"),
)


def _towns(rng: random.Random, n: int = 400) -> list[tuple[str, float, float, int]]:
    return [
        (f"Town {i}", round(rng.uniform(5, 33), 4), round(rng.uniform(-15, 38), 4), 9_000_000 + i)
        for i in range(n)
    ]


def _report(
    i: int, rng: random.Random, towns, groups: list[str], retell: dict | None
) -> dict[str, Any]:
    """One generated report: a title line, then one sentence per event, each quoted from a source."""
    chosen = [retell] if retell else []
    while len(chosen) < EVENTS_PER_REPORT:
        day = f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        chosen.append(
            {
                "town": rng.choice(towns),
                "kind": rng.choice(KINDS),
                "group": rng.choice(groups),
                "day": day,
                "killed": rng.randint(0, 30),
            }
        )
    lines, ents, evs, claims, mentions = [f"Bulletin {i}"], {}, [], [], []
    offset = len(lines[0]) + 1
    for k, c in enumerate(chosen):
        (town, lat, lon, gid), (verb, sub_type, kind) = c["town"], c["kind"]
        source, source_type = SOURCES[(i + k) % len(SOURCES)]
        killed = c["killed"] + (2 if retell and k == 0 else 0)
        sentence = f"Fighters of {c['group']} {verb} in {town} on {c['day']}, killing {killed}, {source} said."
        base = offset
        place_id = ents.setdefault(("pl", town), f"pl{len(ents) + 1}")
        group_id = ents.setdefault(("ac", c["group"]), f"ac{len(ents) + 1}")
        for name, eid, kind_ in ((town, place_id, "place"), (c["group"], group_id, "actor")):
            at = base + sentence.index(name)
            mentions.append(Mention(at, at + len(name), name, kind_, eid))
        trigger = base + sentence.index(verb)
        quoted_end = base + sentence.index(f", {source}")
        src = base + sentence.index(source)
        claims.append(
            Claim(
                f"cl{k + 1}",
                base,
                quoted_end,
                sentence[: quoted_end - base],
                Source(source, source_type, start=src, end=src + len(source)),
                reliability="ABCDE"[(i + k) % 5],
                credibility=1 + (i + k) % 5,
            )
        )
        evs.append(
            Event(
                f"ev{k + 1}",
                kind,
                sub_type,
                Span(trigger, trigger + len(verb), verb),
                actors=[EventActor(group_id, "actor1")],
                place=place_id,
                date=DateRef(c["day"], "day"),
                fatalities=Fatalities(killed),
                claim=f"cl{k + 1}",
            )
        )
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines)
    a = Analysis(
        Document(
            f"bulletin-{i}",
            text,
            title=lines[0],
            outlet=f"Wire {i % 7}",
            published=chosen[-1]["day"],
            language="en",
        )
    )
    geo = {town: (lat, lon, gid) for (town, lat, lon, gid) in (c["town"] for c in chosen)}
    for (kind_, name), eid in ents.items():
        if kind_ == "pl":
            lat, lon, gid = geo[name]
            a.entities.append(
                Entity(
                    eid,
                    "place",
                    name,
                    geo=Geo(lat, lon, "ML", "PPL", gid, 0.9),
                    ids={"geonames": gid},
                )
            )
        else:
            a.entities.append(Entity(eid, "actor", name))
    a.mentions = sorted(mentions, key=lambda m: m.start)
    a.events, a.claims = evs, claims
    return to_dict(a), chosen


def build(db: str, events: int, seed: int = 7) -> float:
    """Fills the KB; one report in twenty retells an earlier event with another toll."""
    rng = random.Random(seed)
    towns, groups = _towns(rng), [f"Group {g} front" for g in range(60)]
    t0 = time.perf_counter()
    told: list[dict] = []
    with open_kb(db) as factory:
        for i in range(events // EVENTS_PER_REPORT + events // (EVENTS_PER_REPORT * 20)):
            retell = rng.choice(told) if told and i % 20 == 19 else None
            data, chosen = _report(i, rng, towns, groups, retell)
            told.extend(chosen[1:] if retell else chosen)
            with factory.begin() as s:
                store(s, data, origin=f"bench-{i}")
    return time.perf_counter() - t0


def _serve(db: str):
    import uvicorn

    from sitrep.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _get(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        size = len(r.read())
    return time.perf_counter() - t0, size


def api_calls(base: str) -> dict[str, str]:
    first = json.loads(urllib.request.urlopen(f"{base}/api/events?limit=1").read())["items"][0]
    actor = first["actors"][0]["id"]
    return {
        "events": "/api/events",
        "events type": "/api/events?type=Battles",
        "events actor": f"/api/events?actor={actor}",
        "events dates": "/api/events?since=2023-01-01&until=2023-03-31",
        "events near": "/api/events?near=20,10,300",
        "events grade": "/api/events?grade=B",
        "events words": "/api/events?q=killing%20Town%2012",
        "events page 50": "/api/events?offset=5000",
        "one event": f"/api/events/{first['id']}",
        "points (all, GeoJSON download)": "/api/points?limit=20000",
        "points (timeline)": "/api/points?limit=1000",
        "points (strip, even)": "/api/points?limit=1000&even=true",
        "clusters (map, world)": "/api/clusters?zoom=2",
        "clusters (map, view)": "/api/clusters?zoom=5&bbox=5,-15,33,38",
        "clusters (type, view)": "/api/clusters?zoom=5&bbox=5,-15,33,38&type=Battles",
        "points (map, zoomed in)": "/api/points?limit=3000&bbox=18,8,20,11",
        "graph": "/api/graph?limit=60",
        "claims": "/api/claims",
        "claims grade": "/api/claims?reliability=B",
        "contradictions": "/api/contradictions?limit=50",
        "sources": "/api/sources",
        "source record": "/api/source?name=the%20army&limit=100",
        "documents": "/api/documents",
        "entities": "/api/entities",
        f"dossier {actor}": f"/api/entities/{actor}",
        "search": "/api/search?q=killing",
        "routes": "/api/routes",
    }


def time_api(base: str, runs: int) -> dict[str, dict[str, float]]:
    out = {}
    for name, path in api_calls(base).items():
        _get(base + path)  # warm
        times, size = [], 0
        for _ in range(runs):
            seconds, size = _get(base + path)
            times.append(seconds * 1000)
        times.sort()
        out[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "kb": round(size / 1024, 1),
        }
    return out


def time_pages(base: str, runs: int, shots: Path | None = None) -> dict[str, float]:
    """Seconds from navigation to the page's script saying it has drawn, the median of
    ``runs // 5``; with ``shots``, a screenshot of each page as last drawn goes there."""
    from playwright.sync_api import sync_playwright

    pages = (
        "map",
        "map?type=Battles&since=2023-01-01&until=2023-06-30",
        "map?sel=1",
        "timeline",
        "graph",
        "claims",
        "contradictions",
        "source",
        "source?name=the%20army",
        "documents",
        "reader?id=1",
        "dossier?id=1",
    )
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name in pages:
            best = []
            for _ in range(max(1, runs // 5)):
                t0 = time.perf_counter()
                page.goto(f"{base}/{name}")
                page.wait_for_selector("body[data-loaded]", timeout=120_000)
                best.append(time.perf_counter() - t0)
            out[name] = round(statistics.median(best), 2)
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                slug = "".join(c if c.isalnum() else "-" for c in name)
                page.screenshot(path=str(shots / f"bench-{slug}.png"))
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--db", default="/tmp/web-bench.db")
    ap.add_argument("--keep", action="store_true", help="reuse the KB at --db if it is there")
    ap.add_argument("--shots", type=Path, help="a screenshot of each page goes to this folder")
    args = ap.parse_args()
    result: dict[str, Any] = {}
    if not (args.keep and Path(args.db).exists()):
        Path(args.db).unlink(missing_ok=True)
        result["build_s"] = round(build(args.db, args.events), 1)
    server, base = _serve(args.db)
    try:
        result["events"] = json.loads(urllib.request.urlopen(f"{base}/api/points?limit=1").read())[
            "total"
        ]
        result["api"] = time_api(base, args.runs)
        for name, t in result["api"].items():
            print(
                f"{name:28s} p50 {t['p50_ms']:8.1f} ms  p95 {t['p95_ms']:8.1f} ms  "
                f"{t['kb']:9.1f} KiB",
                flush=True,
            )
        if CHROMIUM.exists():
            result["pages_s"] = time_pages(base, args.runs, args.shots)
            for name, seconds in result["pages_s"].items():
                print(f"page {name:23s} {seconds:6.2f} s")
    finally:
        server.should_exit = True
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
