"""``sitrep ingest``, ``entities``, ``incidents``, ``contradictions``, ``events``, ``actor`` and ``search``: the KB commands."""  # noqa: E501 - one literal

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

Db = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        help="The KB: a SQLAlchemy URL or a SQLite file path (default $SITREP_DB, else ./sitrep.db).",
    ),
]
Format = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
entities_app = typer.Typer(
    no_args_is_help=True, help="KB entities and the merge decisions behind them."
)
incidents_app = typer.Typer(
    no_args_is_help=True, help="KB incidents and the link decisions behind them."
)


def _emit(data: Any, fmt: str, render) -> None:
    if fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "text":
        out.print(render(data), markup=False)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: use text or json", param_hint="--format")


def ingest(
    inputs: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Files (.txt .html .json .jsonl .rss .atom .xml .pdf .png .jpg .tif .docx .eml, Telegram result.json) or folders.",  # noqa: E501 - one literal
            metavar="PATH...",
        ),
    ] = None,
    db: Db = None,
    encoding: Annotated[str, typer.Option(help="Encoding of the input files.")] = "utf-8",
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Analyse on this many local processes; this one stays the only writer."
        ),
    ] = 1,
    dask: Annotated[
        Optional[str],
        typer.Option(help="Analyse on a dask.distributed cluster, e.g. tcp://scheduler:8786."),
    ] = None,
    watch: Annotated[
        Optional[Path],
        typer.Option(
            help="Keep running and ingest each file that arrives in this folder; Ctrl-C stops."
        ),
    ] = None,
) -> None:
    """Analyse reports and store them in the KB; reports already there are skipped. Exit 2 if any failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..parallel import runner
    from .db import open_kb
    from .ingest import ingest as run
    from .query import counts

    if watch is not None:
        _watch(watch, db, encoding, workers, dask)
        return
    if not inputs:
        raise typer.BadParameter(
            "give files or folders to ingest, or --watch FOLDER", param_hint="PATH..."
        )

    with (
        open_kb(db) as factory,
        runner(workers, dask) as analyzer,
        Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("ingest", total=None)
        result = run(
            factory,
            inputs,
            encoding,
            on_total=lambda n: progress.update(task, total=n),
            on_done=lambda: progress.advance(task),
            analyzer=analyzer,
        )
        with factory() as s:
            totals = counts(s)
    for line in result.failed:
        err.print(f"failed: {line}", markup=False)
    err.print(
        f"added {result.added}, already stored {result.known}, failed {len(result.failed)}; KB holds "
        + ", ".join(f"{n} {k}" for k, n in totals.items()),
        markup=False,
    )
    raise typer.Exit(2 if result.failed else 0)


def _watch(folder: Path, db: str | None, encoding: str, workers: int, dask: str | None) -> None:
    """Ingest what arrives in the folder until Ctrl-C, then print what was done."""
    from ..ingest.watch import watch_folder
    from ..parallel import runner
    from .db import open_kb
    from .ingest import IngestResult
    from .ingest import ingest as run

    total = IngestResult()

    def handle(paths: list[Path]) -> None:
        result = run(factory, [str(p) for p in paths], encoding, analyzer=analyzer)
        total.added, total.known = total.added + result.added, total.known + result.known
        total.failed.extend(result.failed)
        for line in result.failed:
            err.print(f"failed: {line}", markup=False)
        err.print(
            f"{len(paths)} file(s): added {result.added}, already stored {result.known}",
            markup=False,
        )

    err.print(f"watching {folder} (Ctrl-C stops)", markup=False)
    with open_kb(db) as factory, runner(workers, dask) as analyzer:
        try:
            watch_folder(folder, handle)
        except KeyboardInterrupt:
            pass
        except NotADirectoryError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    err.print(
        f"stopped watching {folder}: added {total.added}, already stored {total.known}, "
        f"failed {len(total.failed)}",
        markup=False,
    )


@entities_app.command("list")
def list_entities(
    name: Annotated[
        Optional[str], typer.Argument(help="A name, alias or id; all entities when left out.")
    ] = None,
    kind: Annotated[Optional[str], typer.Option(help="actor, person or place.")] = None,
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """KB entities with the merges that joined reports' entities to them."""
    from . import text
    from .db import open_kb
    from .query import entities

    with open_kb(db) as factory, factory() as s:
        _emit(entities(s, name, kind), fmt, text.entity_rows)


@entities_app.command("split")
def split(
    merge_id: Annotated[
        int, typer.Argument(help="The merge decision to undo (see `sitrep entities list`).")
    ],
    db: Db = None,
) -> None:
    """Undo a merge: the report's entity gets a KB entity of its own again."""
    from .db import open_kb
    from .entities import split as undo
    from .grading import regrade

    with open_kb(db) as factory, factory.begin() as s:
        try:
            entity = undo(s, merge_id)
        except (LookupError, ValueError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
        regrade(s)
        typer.echo(f"merge {merge_id} undone: {entity.name} is now entity #{entity.id}")


def contradictions(
    field: Annotated[
        Optional[str],
        typer.Option(
            help="Only this field: fatalities, date, perpetrator, place, type or allegiance."
        ),
    ] = None,
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """Where reports disagree about one incident (fatalities, date, perpetrator, place, type) or an actor's allegiance."""  # noqa: E501 - one literal
    from . import text
    from .db import open_kb
    from .query import contradictions as query

    with open_kb(db) as factory, factory() as s:
        _emit(query(s, field=field), fmt, text.contradictions)


@incidents_app.command("links")
def links(
    incident: Annotated[
        Optional[int], typer.Argument(help="An incident id; every link when left out.")
    ] = None,
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """The decisions that joined reports' events into incidents, with score and reasons."""
    from . import text
    from .db import open_kb
    from .query import incident_links

    with open_kb(db) as factory, factory() as s:
        _emit(incident_links(s, incident), fmt, text.links)


@incidents_app.command("split")
def split_incident(
    link_id: Annotated[
        int, typer.Argument(help="The link to undo (see `sitrep incidents links`).")
    ],
    db: Db = None,
) -> None:
    """Undo a link: the report's event becomes an incident of its own again."""
    from .db import open_kb
    from .grading import regrade
    from .incidents import split as undo

    with open_kb(db) as factory, factory.begin() as s:
        try:
            incident = undo(s, link_id)
        except (LookupError, ValueError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
        regrade(s)
        typer.echo(f"link {link_id} undone: the event is now incident #{incident.id}")


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, radius = (float(v) for v in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not LAT,LON,KM", param_hint="--near") from None
    return lat, lon, radius


def _date(value: str | None, hint: str) -> str | None:
    from datetime import date

    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(
                f"{value!r} is not a date in YYYY-MM-DD form", param_hint=hint
            ) from None
    return value


def events(
    actor: Annotated[
        Optional[str], typer.Option(help="An actor or person: name, alias or KB id.")
    ] = None,
    place: Annotated[Optional[str], typer.Option(help="A place: name or KB id.")] = None,
    near: Annotated[Optional[str], typer.Option(help="LAT,LON,KM: within KM of a point.")] = None,
    since: Annotated[
        Optional[str], typer.Option(help="On or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        Optional[str], typer.Option(help="On or before this date (YYYY-MM-DD).")
    ] = None,
    type: Annotated[
        Optional[str], typer.Option("--type", help="ACLED event type or sub-type.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """Events across reports (one per real-world event), newest first."""
    from . import text
    from .db import open_kb
    from .query import events as query

    found_near, lo, hi = _near(near), _date(since, "--since"), _date(until, "--until")
    with open_kb(db) as factory, factory() as s:
        _emit(query(s, actor, place, found_near, lo, hi, type, limit), fmt, text.events)


def actor(
    name: Annotated[str, typer.Argument(help="Name, alias or KB id.")],
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """Dossier on an actor or person: aliases, people, events, routes, places, sources."""
    from . import text
    from .db import open_kb
    from .query import actor as dossier

    with open_kb(db) as factory, factory() as s:
        found = dossier(s, name)
        if found is None:
            err.print(f"no actor or person called {name!r} in the KB", markup=False)
            raise typer.Exit(1)
        _emit(found, fmt, text.dossier)


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).", metavar="TEXT")],
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
    db: Db = None,
    fmt: Format = "text",
) -> None:
    """Full-text search over the stored reports."""
    from . import text
    from .db import open_kb
    from .query import search as run

    with open_kb(db) as factory, factory() as s:
        _emit(run(s, query, limit), fmt, text.hits)
