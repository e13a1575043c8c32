"""``sitrep actors lookup NAME``: which registry groups or people a name may stand for."""

from __future__ import annotations

from typing import Annotated

import typer

actors_app = typer.Typer(no_args_is_help=True, help="Query the actor alias registry.")


@actors_app.command()
def lookup(
    name: Annotated[
        str, typer.Argument(help='A group or person as a report might write it ("HTS", "Daesh").')
    ],
    limit: Annotated[
        int, typer.Option(help="Near misses to show when nothing matches exactly.")
    ] = 5,
) -> None:
    """Show the registry entries a name matches: exact (after folding), inside it, or close spellings."""
    from rapidfuzz import fuzz, process

    from .registry import key_of_name, registry

    reg = registry()
    found = reg.lookup(name) or list({h.entry.key: h.entry for h in reg.find(name)}.values())
    how = "match"
    if not found:
        names = {
            key_of_name(n): e
            for e in reg.entries.values()
            for n in [e.name, *(a.name for a in e.aliases)]
        }
        close = process.extract(
            key_of_name(name), list(names), scorer=fuzz.ratio, limit=limit, score_cutoff=70
        )
        found, how = list({names[k].key: names[k] for k, _, _ in close}.values()), "close"
    if not found:
        typer.echo(f"no registry entry matches {name!r}", err=True)
        raise typer.Exit(1)
    for e in found:
        aliases = ", ".join(a.name + ("*" if a.needs_context else "") for a in e.aliases)
        kind = e.actor_type or e.kind
        typer.echo(f"{how}\t{e.key}\t{e.name}\t{kind}\t{e.country or '-'}\t{aliases}")
