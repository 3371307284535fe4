"""Every SQLite connection puts the file in WAL mode, waiting for others opening it too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.db.session import _switch_to_wal, get_engine


class LockedCursor:
    """A cursor whose journal-mode switch finds the file locked ``locked_times`` times."""

    def __init__(self, locked_times: int, message: str = "database is locked") -> None:
        self.locked_times = locked_times
        self.message = message
        self.calls = 0

    def execute(self, sql: str) -> None:
        assert sql == "PRAGMA journal_mode=WAL"
        self.calls += 1
        if self.calls <= self.locked_times:
            raise sqlite3.OperationalError(self.message)


def test_the_switch_is_tried_again_while_another_connection_holds_the_new_file() -> None:
    cursor = LockedCursor(locked_times=3)
    _switch_to_wal(cursor, busy_timeout_s=5.0)
    assert cursor.calls == 4


def test_a_file_locked_past_the_busy_timeout_is_reported() -> None:
    cursor = LockedCursor(locked_times=10**6)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _switch_to_wal(cursor, busy_timeout_s=0.05)
    assert cursor.calls > 1


def test_other_errors_are_reported_at_once() -> None:
    cursor = LockedCursor(locked_times=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _switch_to_wal(cursor, busy_timeout_s=5.0)
    assert cursor.calls == 1


def test_a_new_database_is_in_wal_mode(tmp_path: Path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    assert mode == "wal"
