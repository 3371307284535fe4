"""Shared fixtures: every test gets its own MONITOR_HOME and its own database.

The database is SQLite under tmp_path, or, with ``MONITOR_TEST_DB=postgres``, a fresh
PostgreSQL database (cloned from a migrated template) on the server named by
``MONITOR_TEST_PG_URL``: `.ci/run` runs the suite on both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings, load_settings
from monitor.db.session import get_engine, session_factory, upgrade

BACKEND = os.environ.get("MONITOR_TEST_DB", "sqlite")
PG_URL = os.environ.get("MONITOR_TEST_PG_URL", "")


def _pg_url(database: str) -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database that each test's database is copied from."""
    if not PG_URL:
        pytest.skip("MONITOR_TEST_DB=postgres needs MONITOR_TEST_PG_URL")
    name = f"monitor_tmpl_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    upgrade(_pg_url(name))
    get_engine(_pg_url(name)).dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fresh_pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database, or a migrated one (a copy of the template) for tests that ask
    for ``db_url``: copying is much faster than migrating."""
    if not PG_URL:
        pytest.skip("MONITOR_TEST_DB=postgres needs MONITOR_TEST_PG_URL")
    migrated = "db_url" in request.fixturenames
    template = f' TEMPLATE "{request.getfixturevalue("pg_template")}"' if migrated else ""
    name = f"monitor_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
    url = _pg_url(name)
    yield url
    get_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database for this test, on the backend under test."""
    if BACKEND == "postgres":
        yield from _fresh_pg_database(request)
    else:
        yield f"sqlite:///{tmp_path / 'var' / 'monitor.db'}"


@pytest.fixture
def settings(database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in list(os.environ):
        if key.startswith("MONITOR_") and not key.startswith("MONITOR_TEST_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path / "var"))
    if BACKEND == "postgres":
        monkeypatch.setenv("MONITOR_DB_URL", database)
    return load_settings()


@pytest.fixture
def db_url(settings: Settings) -> str:
    upgrade(settings.database_url)
    return settings.database_url


@pytest.fixture
def sessions(db_url: str) -> sessionmaker[Session]:
    return session_factory(db_url)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as s:
        yield s
