"""Where the knowledge base lives and how it is opened: a URL, migrated to the newest schema.

SQLite is the embedded default so that a laptop needs nothing installed; PostgreSQL works
through a URL. Migrations run on every open (``upgrade head`` is a no-op when current).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import SitrepError

T = TypeVar("T")
WRITE = "sitrep_write"  # execution option: this connection's transaction will write
MIGRATION_LOCK = 0x5173_5245  # PostgreSQL advisory lock key: one first-run migration at a time
RETRIES = 8  # attempts at a write transaction that met a lock
BACKOFF_S = 0.05  # the first wait; doubled each attempt, with jitter (about 13 s in all)

DEFAULT_DB = "sitrep.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(db: str | None = None) -> str:
    """``--db``, else ``SITREP_DB``, else ``./sitrep.db``; a value without ``://`` is a SQLite file path."""
    value = db or os.environ.get("SITREP_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().absolute()}"


def _sqlite_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's BEGIN below, so DDL is transactional too
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")  # the web app may read while an ingest writes
    # WAL with NORMAL sync survives a killed process (not a power cut) and spares an fsync per commit.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:
    """A write transaction takes the write lock at once (waiting up to the busy timeout): a read
    transaction that later writes fails at once when another process wrote meanwhile."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


class KBSession(Session):
    """A session whose ``begin()`` (``factory.begin()``) marks its transaction as a write."""

    def begin(self, nested: bool = False):
        transaction = super().begin(nested=nested)
        if not nested:
            self.connection(execution_options={WRITE: True})
        return transaction


class KBUnavailable(SitrepError):
    """The KB cannot be opened (not a database, no server, a bad URL); the message is one line."""


def _shown(url: str) -> str:
    """The URL with any password masked, for error messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else cause.__class__.__name__


def create(db: str | None = None) -> Engine:
    """An engine on the KB, its schema brought up to date; :class:`KBUnavailable` when it cannot be."""
    url = resolve_url(db)
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        _retried(lambda: migrate(engine))
    except (SQLAlchemyError, ImportError) as exc:
        raise KBUnavailable(
            f"{_shown(url)}: cannot open the knowledge base ({_first_line(exc)})"
        ) from exc
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        if (
            engine.dialect.name == "postgresql"
        ):  # two first runs at once would both create the tables
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, class_=KBSession, expire_on_commit=False)


def _contended(exc: DBAPIError) -> bool:
    """A lock or serialisation conflict with another writer, worth retrying."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    text = str(exc.orig).lower()
    return (
        code in ("40001", "40P01", "55P03")
        or "database is locked" in text
        or "database is busy" in text
    )


def write(
    factory: sessionmaker[Session], work: Callable[[Session], T], retries: int = RETRIES
) -> T:
    """``work`` in one write transaction, retried with backoff while another writer holds the KB."""

    def once() -> T:
        with factory.begin() as s:
            return work(s)

    return _retried(once, retries)


def _retried(work: Callable[[], T], retries: int = RETRIES) -> T:
    """``work()``, retried with backoff on a lock conflict. SQLite's switch to WAL on a new
    connection fails at once, without the busy timeout, while another first run migrates."""
    for attempt in range(retries):
        try:
            return work()
        except DBAPIError as exc:
            if attempt == retries - 1 or not _contended(exc):
                raise
            time.sleep(BACKOFF_S * 2**attempt * (0.5 + random.random()))
    raise AssertionError("unreachable")  # the loop returns or raises


@contextmanager
def open_kb(db: str | None = None) -> Iterator[sessionmaker[Session]]:
    """A session factory on the KB; the engine is disposed of on exit."""
    engine = create(db)
    try:
        yield sessions(engine)
    finally:
        engine.dispose()
