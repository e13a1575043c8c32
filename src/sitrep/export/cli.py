"""``sitrep export``: the knowledge base, or analyses from a file, in an analyst tool's format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

FORMATS = "stix, geojson, acled-csv, ftm, graphml or jsonl"


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMATS)],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    source: Annotated[
        Optional[Path],
        typer.Option(
            "--from",
            help="Analyses from `sitrep analyze --format jsonl` instead of the knowledge base.",
        ),
    ] = None,
    db: Annotated[
        Optional[str],
        typer.Option(
            help="Knowledge base: SQLAlchemy URL or SQLite file (default $SITREP_DB or ./sitrep.db)."
        ),
    ] = None,
    actor: Annotated[
        Optional[str], typer.Option(help="Only events involving this actor or person.")
    ] = None,
    place: Annotated[Optional[str], typer.Option(help="Only events at this place.")] = None,
    near: Annotated[
        Optional[str], typer.Option(help="Only events within KM of LAT,LON: 'LAT,LON,KM'.")
    ] = None,
    since: Annotated[
        Optional[str], typer.Option(help="Only events on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        Optional[str], typer.Option(help="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
    type: Annotated[
        Optional[str], typer.Option("--type", help="Only events of this ACLED type or sub-type.")
    ] = None,
) -> None:
    """Export events, entities, routes and claims as STIX 2.1, GeoJSON, ACLED CSV, FollowTheMoney, GraphML or JSONL."""
    from . import export, formats
    from .filters import EventFilter, filter_analyses, parse_near

    if fmt not in formats():
        raise typer.BadParameter(f"unknown format {fmt!r}: use {FORMATS}", param_hint="--format")
    try:
        f = EventFilter(
            actor=actor, place=place, near=parse_near(near), since=since, until=until, type=type
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--near") from None
    if source is not None:
        analyses = list(filter_analyses(_read_analyses(source), f))
    else:
        from ..kb.db import open_kb
        from ..kb.query import analyses as stored

        with open_kb(db) as factory, factory() as session:
            found = stored(
                session, actor=actor, place=place, near=f.near, since=since, until=until, type=type
            )
            analyses = list(filter_analyses(found, f))
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        export(analyses, fmt, out)
    finally:
        if output:
            out.close()


def _read_analyses(path: Path) -> list[dict]:
    import json

    if not path.exists():
        raise typer.BadParameter(f"{path}: no such file", param_hint="--from")
    analyses = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            analyses.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(
                f"{path}:{n}: malformed JSON ({exc.msg})", param_hint="--from"
            ) from None
    return analyses
