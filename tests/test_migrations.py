"""The schema comes from Alembic migrations, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from monitor.db.models import Base
from monitor.db.session import current_revision, get_engine, head_revision, upgrade
from monitor.store import store_article
from tests.test_store import make_article

PG_URL = os.environ.get("MONITOR_TEST_PG_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    if not PG_URL:
        pytest.skip("MONITOR_TEST_PG_URL is not set")
    name = f"monitor_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    get_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_init_creates_the_schema_at_the_newest_revision(empty_db: str) -> None:
    before, after = upgrade(empty_db)
    assert before is None
    assert after == head_revision() == current_revision(empty_db)


def test_the_migrations_build_exactly_the_models(empty_db: str) -> None:
    upgrade(empty_db)
    with get_engine(empty_db).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrading_again_keeps_the_data(empty_db: str) -> None:
    from monitor.db.session import session_scope

    upgrade(empty_db)
    with session_scope(empty_db) as session:
        store_article(session, make_article())
    assert upgrade(empty_db) == (head_revision(), head_revision())
    with get_engine(empty_db).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1


def test_first_upgrades_started_together_all_succeed(empty_db: str) -> None:
    """Cron and an operator may run the first command on a new database at once."""
    start = threading.Barrier(4)
    results: list[tuple[str | None, str | None] | BaseException] = []

    def first_run() -> None:
        start.wait()
        try:
            results.append(upgrade(empty_db))
        except BaseException as error:
            results.append(error)

    runs = [threading.Thread(target=first_run) for _ in range(4)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=60)
    head = head_revision()
    assert sorted(results, key=str) == sorted([(None, head)] + [(head, head)] * 3, key=str)
