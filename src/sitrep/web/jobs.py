"""Report analysis off the request path: one worker thread, a bounded queue, pollable jobs.

The pipeline takes seconds to minutes on a long report; run inside a request it held a lock
that made every other upload wait, and a client's timeout lost the result. Here a request only
checks the upload and queues it; ``GET /api/jobs/{id}`` says how it went. One worker keeps the
app's memory to one analysis at a time, and reads never wait for it.
"""

from __future__ import annotations

import queue
import secrets
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from ..errors import SitrepError
from ..model import Document

MAX_QUEUED = 20  # uploads waiting for the worker; more are answered 503
KEPT = 1000  # finished jobs remembered for polling, oldest forgotten first


@dataclass
class Job:
    """One queued upload: ``status`` is queued, running, done or failed."""

    job: str
    status: str = "queued"
    id: int | None = None  # the report's KB id, once done
    created: bool | None = None
    error: str | None = None
    code: int | None = None  # the HTTP status a synchronous answer would have had, when failed

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


class Busy(SitrepError, RuntimeError):
    """The queue is full."""


class Jobs:
    """The worker and its jobs; ``submit`` never blocks."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self._queue: queue.Queue[tuple[Job, Document] | None] = queue.Queue(MAX_QUEUED)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, doc: Document) -> Job:
        job = Job(secrets.token_hex(8))
        with self._lock:
            if self._worker is None:
                self._worker = threading.Thread(
                    target=self._work, name="sitrep-analysis", daemon=True
                )
                self._worker.start()
            try:
                self._queue.put_nowait((job, doc))
            except queue.Full:
                raise Busy(
                    f"{MAX_QUEUED} reports are waiting for analysis; try again later"
                ) from None
            self._jobs[job.job] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Stop the worker after the job in hand; queued jobs are dropped with the process."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            while True:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
            self._queue.put(None)
            worker.join(timeout=5)

    def _work(self) -> None:
        from .upload import Refused, analyse_and_store

        while (item := self._queue.get()) is not None:
            job, doc = item
            job.status = "running"
            try:
                job.id, job.created = analyse_and_store(self.factory, doc)
                job.status = "done"
            except Refused as exc:
                job.status, job.error, job.code = "failed", str(exc), exc.status
            except Exception as exc:  # noqa: BLE001 - a worker that died would stall every later upload
                job.status, job.error, job.code = (
                    "failed",
                    f"analysis failed: {exc.__class__.__name__}",
                    500,
                )
