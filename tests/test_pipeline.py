"""`monitor run`: one pass, never two at once."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from monitor.cli import main
from monitor.config import Settings
from monitor.locks import DatabaseLock
from monitor.pipeline import EXIT_BUSY, run_once
from tests.conftest import BACKEND


def test_a_run_started_while_another_holds_the_lock_does_nothing(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    with DatabaseLock(sessions, "pipeline"):
        result = run_once(settings, crawl=False)
    assert result.busy
    assert result.exit_code == EXIT_BUSY


def test_the_cli_tells_cron_to_retry_later_when_busy(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    with DatabaseLock(sessions, "pipeline"):
        outcome = CliRunner().invoke(main, ["run", "--once", "no_such_outlet"])
    assert outcome.exit_code == EXIT_BUSY
    assert "another run is in progress" in outcome.output


def test_the_lock_is_released_after_a_run(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    run_once(settings, crawl=False)
    assert DatabaseLock(sessions, "pipeline").try_acquire()


@pytest.mark.skipif(BACKEND != "sqlite", reason="SQLite's single writer")
def test_a_run_that_finds_the_database_busy_longer_than_it_waits_exits_75(
    settings: Settings, db_url: str
) -> None:
    writer = sqlite3.connect(make_url(db_url).database or "")
    writer.execute("BEGIN IMMEDIATE")  # another process holds SQLite's write lock
    try:
        impatient = replace(settings, db_url=f"{db_url}?timeout=0.5")
        result = run_once(impatient, crawl=False)
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == EXIT_BUSY


@pytest.mark.slow
def test_an_outlets_alerts_go_out_while_a_slower_outlet_still_crawls(
    settings: Settings, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor import crawl
    from monitor.crawl import CrawlSummary
    from monitor.demo.mailserver import LocalMailServer
    from monitor.subscribers import add_subscriber
    from tests.test_processing import seed

    with sessions() as session:
        add_subscriber(session, "analyst@example.org")
        session.commit()
    seed(sessions)  # the articles the first outlet's crawl brought
    mail_before_the_slow_outlet_ended: list[int] = []

    def two_outlets(settings: Settings, outlets: object, **hooks: Any) -> list[CrawlSummary]:
        quick = CrawlSummary("quick", "finished", 3, 3, 0, 0, 1.0, 1)
        hooks["on_finished"](quick)
        mail_before_the_slow_outlet_ended.append(len(server.received))
        slow = CrawlSummary("slow", "failed", 0, 0, 0, 0, 600.0, 2)
        hooks["on_finished"](slow)
        return [quick, slow]

    monkeypatch.setattr(crawl, "run_crawl", two_outlets)
    with LocalMailServer() as server:
        mailing = replace(settings, smtp_host=server.host, smtp_port=server.port)
        result = run_once(mailing)
    assert mail_before_the_slow_outlet_ended[0] >= 1
    assert result.failures == ["crawl of slow: failed"]
