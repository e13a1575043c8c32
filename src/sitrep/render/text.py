"""A readable digest of analyses for the terminal (Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import Analysis
from .rows import heading, sections


def render_text(analyses: list[Analysis], console: Console) -> None:
    for a in analyses:
        title, facts = heading(a)
        console.rule(f"[bold]{title}", style="cyan")
        if facts:
            console.print(facts, markup=False)
        for name, headers, rows in sections(a):
            table = Table(title=name, title_justify="left", show_lines=False, expand=False)
            for h in headers:
                table.add_column(h, overflow="fold")
            for row in rows:
                table.add_row(*row)
            console.print(table)
