"""``sitrep gazetteer build|lookup``: make the local gazetteer and ask it about a name."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

gazetteer_app = typer.Typer(
    no_args_is_help=True, help="Build and query the local gazetteer (GeoNames data, CC BY 4.0)."
)


@gazetteer_app.command()
def build(
    geonames: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--geonames", help="A GeoNames dump to import too (allCountries.txt or a country file)."
        ),
    ] = None,
) -> None:
    """Build the gazetteer into the cache dir ($SITREP_CACHE or the user cache)."""
    from .store import ensure_built

    for path in geonames or []:
        if not path.is_file():
            raise typer.BadParameter(f"{path}: no such file", param_hint="--geonames")
    out = ensure_built(force=True, extra=[p.resolve() for p in geonames or []])
    typer.echo(f"gazetteer written to {out}")


@gazetteer_app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="A place name as a text would write it.")],
    limit: Annotated[int, typer.Option(help="Show at most this many candidates.")] = 10,
) -> None:
    """Show the places a name may refer to, best prior first, with their scores."""
    from rich.console import Console
    from rich.table import Table

    from .fold import fold
    from .resolve import prior
    from .store import get_gazetteer

    gaz = get_gazetteer()
    key = fold(name)
    cands = sorted(gaz.candidates(key), key=prior, reverse=True)[:limit]
    if not cands:
        typer.echo(f"no place called {name!r} (key {key!r})", err=True)
        raise typer.Exit(1)
    table = Table(
        "score",
        "name",
        "country",
        "feature",
        "population",
        "lat",
        "lon",
        "geonameid",
        title=f"{name} (key {key!r})",
    )
    for c in cands:
        table.add_row(
            f"{prior(c):.2f}",
            c.name + (" (demonym)" if c.demonym else ""),
            c.country or "",
            c.feature,
            f"{c.population:,}",
            f"{c.lat:.4f}",
            f"{c.lon:.4f}",
            str(c.id) if c.id > 0 else "curated",
        )
    Console().print(table)
