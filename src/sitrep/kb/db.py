"""Where the knowledge base lives and how it is opened: a URL, migrated to the newest schema.

SQLite is the embedded default so that a laptop needs nothing installed; PostgreSQL works
through a URL. Migrations run on every open (``upgrade head`` is a no-op when current).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

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
    conn.exec_driver_sql("BEGIN")


def create(db: str | None = None) -> Engine:
    """An engine on the KB, its schema brought up to date."""
    engine = create_engine(resolve_url(db))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def open_kb(db: str | None = None) -> Iterator[sessionmaker[Session]]:
    """A session factory on the KB; the engine is disposed of on exit."""
    engine = create(db)
    try:
        yield sessions(engine)
    finally:
        engine.dispose()
