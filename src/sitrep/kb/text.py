"""Plain-text renderings of KB query results for the terminal."""

from __future__ import annotations

from typing import Any


def _who(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{a['name']} ({'/'.join(a['roles'])})" for a in actors) or "no actors"


def events(items: list[dict[str, Any]]) -> str:
    lines = []
    for ev in items:
        place = ev["place"]["name"] if ev["place"] else "unplaced"
        toll = f", {ev['fatalities']} killed" if ev["fatalities"] is not None else ""
        docs = ", ".join(sorted({r["document"] for r in ev["reports"]}))
        lines.append(
            f"#{ev['id']} {ev['date'] or 'undated'} {ev['sub_type']} at {place}{toll}: {_who(ev['actors'])} "
            f"[{ev['outlets']} outlet{'s' if ev['outlets'] != 1 else ''}: {docs}]"
        )
    return "\n".join(lines) or "no events"


def _grade(src: dict[str, Any]) -> str:
    grade = f"{src['reliability'] or ''}{src['credibility'] or ''}"
    return f"{src['text']} ({src['type']}{', ' + grade if grade else ''})"


def contradictions(items: list[dict[str, Any]]) -> str:
    lines = []
    for c in items:
        where = f"event #{c['event']}" if "event" in c else f"entity #{c['entity']}"
        inc = c.get("incident") or {}
        if inc:
            where += f" ({inc['sub_type']}, {inc['date'] or 'undated'}" + (
                f", {inc['place']['name']})" if inc["place"] else ")"
            )
        lines.append(f"{where} {c['about']}:")
        for side in c.get("sides") or [
            {"document": d, "value": v} for d, v in zip(c["documents"], c["values"], strict=False)
        ]:
            by = "; ".join(_grade(s) for s in side.get("sources", []) if s.get("claim"))
            lines.append(
                f"  {side['document']}{' (' + side['outlet'] + ')' if side.get('outlet') else ''} says {side['value']}"
                + (f" per {by}" if by else "")
            )
            lines.extend(f'    "{s["text"]}"' for s in side.get("sentences", []))
    return "\n".join(lines) or "no contradictions"


def links(items: list[dict[str, Any]]) -> str:
    return (
        "\n".join(
            f"link {x['id']}: {x['document']} {x['event']} -> incident #{x['incident']} score {x['score']:g}"
            f" ({', '.join(x['reasons'])}){' undone, now #' + str(x['split_to']) if x['undone'] else ''}"
            for x in items
        )
        or "no links"
    )


def dossier(d: dict[str, Any]) -> str:
    out = [
        f"{d['name']} (#{d['id']}, {d['kind']}{', ' + d['actor_type'] if d['actor_type'] else ''})"
    ]
    if d["aliases"]:
        out.append("also: " + ", ".join(d["aliases"]))
    sections = [
        ("people", [f"{p['name']} (#{p['id']})" for p in d["people"]]),
        ("events", events(d["events"]).splitlines() if d["events"] else []),
        (
            "routes",
            [
                f"{r['published'] or '?'} {r['document']}: {' -> '.join(w['name'] for w in r['waypoints'])} ({r['what']})"  # noqa: E501 - one literal
                for r in d["routes"]
            ],
        ),
        ("places", [f"{p['name']} x{p['count']}" for p in d["places"]]),
        (
            "sources",
            [
                f"{s['published'] or '?'} {s['document']} {s['outlet'] or ''}: {s['title'] or ''}"
                for s in d["sources"]
            ],
        ),
        (
            "merges",
            [
                f"merge {m['id']} by {m['rule']} ({m['key']}){' undone' if m['undone'] else ''}"
                for m in d["merges"]
            ],
        ),
    ]
    for title, rows in sections:
        if rows:
            out.append(f"{title}:")
            out.extend(f"  {r}" for r in rows)
    return "\n".join(out)


def hits(items: list[dict[str, Any]]) -> str:
    return (
        "\n".join(
            f"{h['document']} ({h['outlet'] or '?'}, {h['published'] or '?'}) {h['title'] or ''}\n  {h['snippet']}"
            for h in items
        )
        or "no matches"
    )


def entity_rows(items: list[dict[str, Any]]) -> str:
    return (
        "\n".join(
            f"#{e['id']} {e['kind']} {e['name']} ({e['reports']} reports)"
            + "".join(
                f"\n  merge {m['id']}: {m['rule']} {m['key']} from {m['document']}{' (undone)' if m['undone'] else ''}"
                for m in e["merges"]
            )
            for e in items
        )
        or "no entities"
    )
