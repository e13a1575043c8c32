"""One self-contained HTML page per batch: no scripts, no external assets, every value escaped."""

from __future__ import annotations

from html import escape

from ..model import Analysis
from .rows import heading, sections

_STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border-top:3px solid #2a6f97;margin-top:2rem}mark.place{background:#cde8f6}mark.actor{background:#fde2c8}
mark.person{background:#e4d7f5}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}.text{white-space:pre-wrap;background:#fafafa;padding:1rem}.facts{color:#555}"""


def _highlighted(a: Analysis) -> str:
    text, parts, pos = a.document.text, [], 0
    for m in sorted(a.mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue
        parts.append(escape(text[pos : m.start]))
        parts.append(
            f'<mark class="{m.kind}" title="{escape(m.kind)}">{escape(text[m.start : m.end])}</mark>'
        )
        pos = m.end
    parts.append(escape(text[pos:]))
    return "".join(parts)


def render_html(analyses: list[Analysis]) -> str:
    body = []
    for a in analyses:
        title, facts = heading(a)
        body.append(f"<article><h1>{escape(title)}</h1><p class=facts>{escape(facts)}</p>")
        body.append(f"<div class=text>{_highlighted(a)}</div>")
        for name, headers, rows in sections(a):
            head = "".join(f"<th>{escape(h)}</th>" for h in headers)
            cells = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            body.append(f"<h2>{escape(name)}</h2><table><tr>{head}</tr>{cells}</table>")
        body.append("</article>")
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>sitrep analysis</title><style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )
