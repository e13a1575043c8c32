"""The ``sitrep`` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Turn conflict and security reporting into a sourced, mapped, checkable picture.",
)
err = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = None,
) -> None:
    """sitrep: places, actors, events, routes and claims from reports, with every fact pointing back to its words."""


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt .html .json .jsonl .pdf .png .jpg .tif .docx .eml, Telegram result.json), folders, or - for stdin.",  # noqa: E501 - one literal
            metavar="INPUT...",
        ),
    ],
    published: Annotated[
        Optional[str],
        typer.Option(help="Publication date (YYYY-MM-DD) for reports that carry none."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, text or html.")] = "json",
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of the input files.")] = "utf-8",
) -> None:
    """Analyse reports and write the analysis (the contract: sitrep.analysis/1)."""
    from .analyze_cmd import run_analyze

    if fmt not in ("json", "jsonl", "text", "html"):
        raise typer.BadParameter(
            f"unknown format {fmt!r}: use json, jsonl, text or html", param_hint="--format"
        )
    if published is not None:
        _check_iso_date(published)
    raise typer.Exit(run_analyze(inputs, fmt, output, published, encoding, err))


def _check_iso_date(value: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--published"
        ) from None


def _register(target: typer.Typer) -> None:
    """Every command and group of sitrep.plugins, in registration order (see DEVELOPERS.md)."""
    from .plugins import of_kind

    for name, plugin in of_kind("group").items():
        target.add_typer(plugin.load(), name=name)
    for name, plugin in of_kind("command").items():
        target.command(name)(plugin.load())


_register(app)


def main() -> None:
    """The entry point: a KB that cannot be opened is one line on stderr, not a traceback."""
    from .kb.db import KBUnavailable

    try:
        app()
    except KBUnavailable as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
