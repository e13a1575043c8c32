"""The digest's sections as plain rows, shared by the terminal and HTML views."""

from __future__ import annotations

from ..model import MENTION_KINDS, Analysis, Entity


def _name(a: Analysis, entity_id: str | None) -> str:
    e = a.entity(entity_id)
    return e.name if e else ""


def _where(e: Entity) -> str:
    if not e.geo:
        return "unresolved"
    g = e.geo
    return f"{g.lat:.4f}, {g.lon:.4f} {g.country or ''} {g.feature or ''} ({g.confidence:.2f})"


def sections(a: Analysis) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) for every non-empty part of the analysis."""
    by_kind = {k: [e for e in a.entities if e.kind == k] for k in MENTION_KINDS}
    out = [
        ("Places", ["name", "where"], [[e.name, _where(e)] for e in by_kind["place"]]),
        (
            "Actors",
            ["name", "type", "aliases"],
            [[e.name, e.actor_type or "", ", ".join(e.aliases)] for e in by_kind["actor"]],
        ),
        (
            "People",
            ["name", "role / affiliation", "aliases"],
            [
                [e.name, e.role or _name(a, e.affiliation), ", ".join(e.aliases)]
                for e in by_kind["person"]
            ],
        ),
        (
            "Events",
            ["type", "trigger", "who", "where", "when", "dead"],
            [
                [
                    f"{ev.type}: {ev.sub_type}",
                    ev.trigger.text,
                    ", ".join(f"{_name(a, x.entity)} ({x.role})" for x in ev.actors),
                    _name(a, ev.place),
                    f"{ev.date.value} ({ev.date.precision})" if ev.date else "",
                    str(ev.fatalities.best) if ev.fatalities else "",
                ]
                for ev in a.events
            ],
        ),
        (
            "Routes",
            ["who", "what", "waypoints", "cost"],
            [
                [
                    r.who_text or _name(a, r.who),
                    r.what,
                    " -> ".join(_name(a, w.entity) for w in r.waypoints),
                    f"{r.cost.amount:g} {r.cost.currency}"
                    + (f" per {r.cost.per}" if r.cost.per else "")
                    if r.cost
                    else "",
                ]
                for r in a.routes
            ],
        ),
        (
            "Claims",
            ["source", "grade", "claim"],
            [
                [
                    f"{c.source.text} ({c.source.type})",
                    f"{c.reliability or '?'}{c.credibility or '?'}",
                    c.text,
                ]
                for c in a.claims
            ],
        ),
        (
            "Quantities",
            ["text", "value", "unit", "per"],
            [[q.text, f"{q.value:g}", q.unit, q.per or ""] for q in a.quantities],
        ),
        (
            "Repeated passages",
            ["similarity", "passage"],
            [[f"{d.similarity:.2f}", d.span.text[:120]] for d in a.duplicates],
        ),
        ("Warnings", ["warning"], [[w] for w in a.warnings]),
    ]
    return [s for s in out if s[2]]


def heading(a: Analysis) -> tuple[str, str]:
    d = a.document
    facts = [
        f"{label}: {value}"
        for label, value in (
            ("outlet", d.outlet),
            ("by", d.byline),
            ("dateline", d.dateline),
            ("published", d.published),
            ("id", d.id),
        )
        if value
    ]
    return d.title or d.id, " | ".join(facts)
