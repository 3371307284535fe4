"""Shared fixtures: every test gets its own MONITOR_HOME and database under tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings, load_settings
from monitor.db.session import session_factory, upgrade


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in list(os.environ):
        if key.startswith("MONITOR_") and key != "MONITOR_TEST_PG_URL":
            monkeypatch.delenv(key)
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path / "var"))
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
