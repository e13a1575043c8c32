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
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from ..errors import SitrepError
from ..model import Document

if TYPE_CHECKING:
    from .upload import Bundle

MAX_QUEUED = 20  # uploads waiting for the worker; more are answered 503
KEPT = 1000  # finished jobs remembered for polling, oldest forgotten first


@dataclass
class Job:
    """One queued upload: ``status`` is queued, running, done or failed."""

    job: str
    status: str = "queued"
    id: int | None = None  # the report's KB id, once done (a bundle's: its first stored report)
    created: bool | None = None
    error: str | None = None
    code: int | None = None  # the HTTP status a synchronous answer would have had, when failed
    ids: list[int] | None = None  # every stored report of an upload that held several
    errors: list[str] | None = None  # one-line errors of a bundle's reports that were not stored

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


class Busy(SitrepError, RuntimeError):
    """The queue is full."""


class Jobs:
    """The worker and its jobs; ``submit`` never blocks."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self._queue: queue.Queue[tuple[Job, Document | Bundle] | None] = queue.Queue(MAX_QUEUED)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, doc: Document | Bundle) -> Job:
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
        from .upload import Bundle

        while (item := self._queue.get()) is not None:
            job, doc = item
            job.status = "running"
            if isinstance(doc, Bundle) and (len(doc.documents) > 1 or doc.errors):
                self._bundle(job, doc)
                continue
            if isinstance(doc, Bundle):  # one report: answered as before, without ids or errors
                doc = doc.documents[0]
            failed = _analysed(self.factory, doc)
            if isinstance(failed, tuple):
                job.id, job.created = failed
                job.status = "done"
            else:
                job.status, job.error, job.code = "failed", *failed.args

    def _bundle(self, job: Job, bundle: Bundle) -> None:
        """Each report of the bundle analysed and stored; the job lists every id and error."""
        ids, errors, created, code = [], list(bundle.errors), False, 422
        for doc in bundle.documents:
            found = _analysed(self.factory, doc)
            if isinstance(found, tuple):
                ids.append(found[0])
                created = created or found[1]
            else:
                errors.append(found.args[0])
                code = found.args[1]
        job.ids, job.errors = ids, errors or None
        if ids:
            job.id, job.created, job.status = ids[0], created, "done"
        else:
            job.status, job.error, job.code = "failed", errors[0], code


class _Failed(Exception):
    """A report that was not stored: args are (one-line error, HTTP status)."""


def _analysed(factory: sessionmaker[Session], doc: Document) -> tuple[int, bool] | _Failed:
    """(KB id, whether new) of the report once analysed and stored, or why it was not."""
    from . import upload

    try:
        return upload.analyse_and_store(factory, doc)
    except upload.Refused as exc:
        return _Failed(str(exc), exc.status)
    except Exception as exc:  # noqa: BLE001 - a worker that died would stall every later upload
        return _Failed(f"analysis failed: {exc.__class__.__name__}", 500)
