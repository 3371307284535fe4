"""Engines, sessions and schema upgrades, for SQLite (the default) and PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    create_engine,
    event,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


# How long an SQLite connection waits for another writer before it gives up; every write
# transaction of the monitor is short, so waiting is always the right answer. A
# ``?timeout=<seconds>`` on the database URL sets another value.
SQLITE_BUSY_TIMEOUT_S = 30.0


def _switch_to_wal(cursor: Any, busy_timeout_s: float) -> None:
    """``PRAGMA journal_mode=WAL``, tried again while another connection holds the file.

    The switch needs the file to itself once (the mode then persists in the file), and
    SQLite reports "database is locked" for it at once, without the busy handler, when
    several processes open a brand-new database together: so wait here as the busy timeout
    would, and give up only after it.
    """
    deadline = time.monotonic() + busy_timeout_s
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _sqlite_pragmas(busy_timeout_s: float) -> Callable[[Any, Any], None]:
    def configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        _switch_to_wal(cursor, busy_timeout_s)
        # with WAL, NORMAL never corrupts the database; a power cut may lose the last commits
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cursor.close()

    return configure


@cache
def get_engine(url: str) -> Engine:
    """One engine per database URL and process; SQLite folders are created on demand."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"future": True}
    sqlite = parsed.get_backend_name() == "sqlite"
    busy = float(str(parsed.query.get("timeout", SQLITE_BUSY_TIMEOUT_S)))
    if sqlite:
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": busy}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas(busy))
    return engine


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back on an exception."""
    session = session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def count_rows(
    session: Session, column: InstrumentedAttribute[Any], *where: ColumnElement[bool]
) -> int:
    """How many rows have ``column`` set and meet every condition in ``where``."""
    return int(session.scalar(select(func.count(column)).where(*where)) or 0)


def insert_missing(session: Session, model: type[Any], rows: Sequence[Mapping[str, Any]]) -> int:
    """INSERT the rows whose unique keys are not taken yet (``ON CONFLICT DO NOTHING``):
    two processes adding the same row at once both succeed, and it exists once.
    Returns how many rows this call added."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        statement: Any = sqlite_insert(model).on_conflict_do_nothing()
    elif dialect == "postgresql":
        statement = postgresql_insert(model).on_conflict_do_nothing()
    else:
        raise NotImplementedError(f"insert_missing: no upsert for {dialect}")
    added = 0
    for row in rows:
        result: Any = session.execute(statement.values(**row))
        added += int(result.rowcount or 0)
    return added


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def current_revision(url: str) -> str | None:
    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@cache
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


# Any constant names the advisory lock that serialises migrations on PostgreSQL.
MIGRATION_LOCK_KEY = 0x6D6F6E69746F72  # "monitor"


def _migration_lock(connection: Connection) -> None:
    """Make ``connection``'s transaction the only one migrating: processes that start
    together on a fresh database wait here, then find the schema already done."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        # the write lock first (busy_timeout waits for it); the migration and its
        # version row are then one transaction, which SQLite's DDL allows
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade(url: str) -> tuple[str | None, str | None]:
    """Create or upgrade the schema to the newest migration; returns (before, after).

    Migrations only add or transform: an upgrade never drops data. Concurrent upgrades
    (two first-ever runs started by cron and by hand) are serialised by a lock in the
    database, and the revision is read again once it is held.
    """
    before = current_revision(url)
    if before is not None and before == head_revision():
        return before, before  # the common case of every command: nothing to run
    config = alembic_config(url)
    with get_engine(url).begin() as connection:
        _migration_lock(connection)
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before, current_revision(url)
