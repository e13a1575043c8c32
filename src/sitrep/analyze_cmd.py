"""``sitrep analyze``: read, analyse and write, reporting bad input without stopping the batch."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .ingest import InputError, read_inputs
from .model import Analysis, Document
from .outfile import atomic_output, clashing_input
from .pipeline import analyze
from .render import render_html, render_text
from .serialize import to_dict


def _with_default_date(
    items: Iterator[Document | InputError], published: str | None
) -> Iterator[Document | InputError]:
    for item in items:
        if published and isinstance(item, Document) and not item.published:
            item.published = published
        yield item


def run_analyze(
    inputs: list[str],
    fmt: str,
    output: Path | None,
    published: str | None,
    encoding: str,
    err: Console,
) -> int:
    """Analyse every input; returns the exit status (0 all good, 2 some failed)."""
    ok = failed = 0
    results: list[Analysis] = []
    if output is not None:
        refused = _check_output(output, inputs)
        if refused:
            err.print(f"error: {refused}", markup=False, soft_wrap=True)
            return 2
    out_cm = atomic_output(output) if output else nullcontext(sys.stdout)
    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with out_cm as out, progress:
        task = progress.add_task("analyse", total=None)
        for result in analyze(
            _with_default_date(
                read_inputs(inputs, encoding, skip=[output] if output else []), published
            )
        ):
            progress.advance(task)
            if not isinstance(result, Analysis):
                failed += 1
                err.print(f"error: {result}", markup=False, soft_wrap=True)
                continue
            ok += 1
            if fmt == "jsonl":
                _write_line(out, result)
            else:
                results.append(result)
        if fmt == "json":
            data = [to_dict(a) for a in results]
            json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif fmt == "text":
            render_text(
                results,
                Console(
                    file=out,
                    width=110,
                    force_terminal=out.isatty() if hasattr(out, "isatty") else False,
                ),
            )
        elif fmt == "html":
            out.write(render_html(results))
    if failed or ok != 1:
        err.print(f"analysed {ok} document{'s' * (ok != 1)}, {failed} failed", markup=False)
    return 2 if failed else 0


def _check_output(output: Path, inputs: list[str]) -> str | None:
    """Why ``output`` cannot be written, checked before anything is opened for writing."""
    clash = clashing_input(output, inputs)
    if clash is not None:
        return f"{output}: is the input {clash}; writing it would destroy the input (choose another -o)"
    if output.is_dir():
        return f"{output}: is a folder, not a file"
    if not output.parent.is_dir():
        return f"{output}: folder {output.parent} does not exist"
    return None


def _write_line(out: IO[str], a: Analysis) -> None:
    out.write(json.dumps(to_dict(a), ensure_ascii=False))
    out.write("\n")
    out.flush()
