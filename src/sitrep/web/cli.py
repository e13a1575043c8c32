"""``sitrep serve``: the web app on the KB, on loopback unless a token guards it."""
from __future__ import annotations

import os
from typing import Annotated, Optional

import typer


def serve(
    db: Annotated[Optional[str], typer.Option("--db", help="The KB: a SQLAlchemy URL or a SQLite file path (default $SITREP_DB, else ./sitrep.db).")] = None,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs SITREP_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the map, graph, timeline, reader and JSON API (OpenAPI at /api/openapi.json)."""
    from .security import check_bind

    token = os.environ.get("SITREP_TOKEN") or None
    check_bind(host, token)

    import uvicorn

    from .app import create_app

    typer.echo(f"sitrep: http://{host}:{port}/map" + (" (bearer token required)" if token else ""), err=True)
    uvicorn.run(create_app(db, token), host=host, port=port, log_level="warning", server_header=False)
