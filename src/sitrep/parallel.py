"""Analyse on several local processes or a dask.distributed cluster, results back in input order.

Workers only analyse; the caller stays the single writer, so a knowledge base never sees two
writers. A task whose worker dies is retried by the executor, and storing by content hash
makes the retry harmless: each report lands exactly once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context
from typing import Any

from .ingest import InputError
from .model import Analysis, Document
from .pipeline import analyze

Result = Analysis | InputError
# Reports per task: big enough to amortise the hop to a worker, small enough to spread the load.
TASK_SIZE = 16


def analyze_batch(docs: list[Document]) -> list[Result]:
    """What one worker does with one task: the ordinary pipeline, its model loaded once per process."""
    return list(analyze(docs))


def _tasks(
    items: Iterable[Document | InputError], size: int
) -> Iterator[list[Document | InputError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _ordered(
    submit: Callable[[list[Document]], Any],
    result_of: Callable[[Any], list[Result]],
    items: Iterable[Document | InputError],
    in_flight: int,
    size: int,
) -> Iterator[Result]:
    """Submit tasks with at most ``in_flight`` outstanding; yield results in input order."""
    window: deque[tuple[list[Document | InputError], Any]] = deque()

    def drain_one() -> Iterator[Result]:
        chunk, future = window.popleft()
        analysed = iter(result_of(future) if future is not None else [])
        for item in chunk:
            yield item if isinstance(item, InputError) else next(analysed)

    for chunk in _tasks(items, size):
        docs = [d for d in chunk if isinstance(d, Document)]
        window.append((chunk, submit(docs) if docs else None))
        if len(window) >= in_flight:
            yield from drain_one()
    while window:
        yield from drain_one()


Task = Callable[[list[Document]], list[Result]]


@contextmanager
def _local(
    workers: int, task: Task
) -> Iterator[Callable[[Iterable[Document | InputError]], Iterator[Result]]]:
    # spawn, not fork: a forked copy of a loaded spaCy model is neither smaller nor safe with threads.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:

        def run(items: Iterable[Document | InputError]) -> Iterator[Result]:
            return _ordered(
                lambda docs: pool.submit(task, docs), Future.result, items, workers * 2, TASK_SIZE
            )

        yield run


@contextmanager
def _dask(
    address: str, task: Task
) -> Iterator[Callable[[Iterable[Document | InputError]], Iterator[Result]]]:
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def run(items: Iterable[Document | InputError]) -> Iterator[Result]:
            return _ordered(
                lambda docs: client.submit(task, docs, pure=False, retries=3),
                lambda f: f.result(),
                items,
                workers * 3,
                TASK_SIZE,
            )

        yield run


@contextmanager
def runner(
    workers: int = 1, dask: str | None = None, task: Task = analyze_batch
) -> Iterator[Callable[[Iterable[Document | InputError]], Iterator[Result]]]:
    """A function like ``pipeline.analyze``: serial, on local processes, or on a Dask cluster running ``task``."""
    if dask:
        with _dask(dask, task) as run:
            yield run
    elif workers > 1:
        with _local(workers, task) as run:
            yield run
    else:
        yield analyze
