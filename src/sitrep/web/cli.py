"""``sitrep serve``: the web app on the KB, on loopback unless a token guards it."""

from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

WILDCARDS = ("0.0.0.0", "::", "[::]")


def serve(
    db: Annotated[
        Optional[str],
        typer.Option(
            "--db",
            help="The KB: a SQLAlchemy URL or a SQLite file path (default $SITREP_DB, else ./sitrep.db).",
        ),
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but loopback needs SITREP_TOKEN.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allowed_host: Annotated[
        Optional[list[str]],
        typer.Option(
            "--allowed-host",
            help="A name clients reach the app by (e.g. behind a TLS proxy); repeatable; "
            "default $SITREP_ALLOWED_HOSTS (comma-separated).",
        ),
    ] = None,
) -> None:
    """Serve the map, graph, timeline, reader and JSON API (OpenAPI at /api/openapi.json)."""
    from .security import LOOPBACK_HOSTS, check_bind

    token = os.environ.get("SITREP_TOKEN")
    token = None if token == "" else token
    check_bind(host, token)
    names = allowed_host or [
        h.strip() for h in os.environ.get("SITREP_ALLOWED_HOSTS", "").split(",") if h.strip()
    ]
    if host in WILDCARDS and not names:
        raise SystemExit(
            f"binding {host} answers any name: list the names clients use with --allowed-host "
            "or SITREP_ALLOWED_HOSTS (a DNS rebinding name must not reach the API)"
        )
    hosts = [*LOOPBACK_HOSTS, *([host] if host not in WILDCARDS else []), *names]

    import uvicorn

    from .app import create_app

    typer.echo(
        f"sitrep: http://{host}:{port}/map" + (" (bearer token required)" if token else ""),
        err=True,
    )
    uvicorn.run(
        create_app(db, token, hosts), host=host, port=port, log_level="warning", server_header=False
    )
