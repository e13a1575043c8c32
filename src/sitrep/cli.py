"""The ``sitrep`` command line."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

from . import __version__

if TYPE_CHECKING:  # typer's own copy of click
    from typer._click import Command, Context


class _PluginGroup(TyperGroup):
    """The top-level group: a command of sitrep.plugins is imported only when it is called (or
    listed by ``--help``), so ``sitrep analyze`` starts without SQLAlchemy, FastAPI or stix2."""

    def list_commands(self, ctx: Context) -> list[str]:
        from .plugins import of_kind

        names = super().list_commands(ctx)
        plugged = [*of_kind("group"), *of_kind("command")]
        return [*names, *(n for n in plugged if n not in names)]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None:
            cmd = _plugin_command(cmd_name)
            if cmd is not None:
                self.commands[cmd_name] = cmd
        return cmd


def _plugin_command(name: str) -> Command | None:
    """The click command or group a plugin registers under ``name``, imported now; else None."""
    from .plugins import of_kind

    groups, commands = of_kind("group"), of_kind("command")
    if name in groups:
        group = typer.main.get_group(groups[name].load())
        group.name = name
        return group
    if name in commands:
        single = typer.Typer(add_completion=False)
        single.command(name)(commands[name].load())
        return typer.main.get_command(single)
    return None


app = typer.Typer(
    cls=_PluginGroup,
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


class Format(str, Enum):
    """What ``sitrep analyze`` writes: the contract as JSON or JSON lines, or a page to read."""

    json = "json"
    jsonl = "jsonl"
    text = "text"
    html = "html"


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

    if fmt not in Format.__members__:
        raise typer.BadParameter(
            f"unknown format {fmt!r}: use {', '.join(Format.__members__)}", param_hint="--format"
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


def main() -> None:
    """The entry point: a KB that cannot be opened is one line on stderr, not a traceback."""
    try:
        app()
    except Exception as exc:
        db = sys.modules.get(
            "sitrep.kb.db"
        )  # a command that never imported the KB cannot fail on it
        if db is None or not isinstance(exc, db.KBUnavailable):
            raise
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
