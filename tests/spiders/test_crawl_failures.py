"""A crawl that fails before or during its run is never silent: the crawler process
exits non-zero, and every outlet asked for ends with a closed run that says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import Settings
from monitor.crawl import PROJECT_ROOT, close_lost_runs, run_crawl
from monitor.db import models as db
from monitor.db.session import session_scope
from monitor.outlets import URL_ENV_PREFIX
from monitor.store import ensure_outlet, store_article
from tests.test_store import make_article

NOWHERE = {"kavkaz_uzel_ru": "http://127.0.0.1:9"}  # tests never reach the real site


def runs(db_url: str) -> list[tuple[str, str, str | None]]:
    with session_scope(db_url) as session:
        query = select(db.CrawlRun).order_by(db.CrawlRun.id)
        return [(run.outlet_slug, run.status, run.message) for run in session.scalars(query)]


def test_an_outlet_whose_spider_never_opened_gets_a_failed_run(db_url: str) -> None:
    close_lost_runs(db_url, 0, ["kavkaz_uzel_ru"], "exit code 1")
    [(slug, status, message)] = runs(db_url)
    assert (slug, status) == ("kavkaz_uzel_ru", "failed")
    assert message is not None and "did not start" in message and "exit code 1" in message


def test_a_run_left_open_by_a_killed_crawler_is_closed_as_failed(db_url: str) -> None:
    with session_scope(db_url) as session:
        ensure_outlet(session, "kavkaz_uzel_ru")
        session.add(db.CrawlRun(outlet_slug="kavkaz_uzel_ru", status="running"))
    close_lost_runs(db_url, 0, ["kavkaz_uzel_ru"], "killed after 60 s")
    [(_, status, message)] = runs(db_url)
    assert status == "failed" and message is not None and "killed after 60 s" in message


def test_a_killed_crawl_counts_the_articles_it_stored_before(db_url: str) -> None:
    with session_scope(db_url) as session:
        ensure_outlet(session, "kavkaz_uzel_ru")
        session.add(db.CrawlRun(outlet_slug="kavkaz_uzel_ru", status="running"))
        session.flush()
        store_article(session, make_article())
    close_lost_runs(db_url, 0, ["kavkaz_uzel_ru"], "killed at its time limit of 60 s")
    with session_scope(db_url) as session:
        run = session.scalars(select(db.CrawlRun)).one()
        assert run.new_articles == 1
        assert run.message is not None and run.message.endswith("1 articles stored")


def test_finished_runs_and_earlier_runs_are_left_alone(db_url: str) -> None:
    with session_scope(db_url) as session:
        ensure_outlet(session, "kavkaz_uzel_ru")
        session.add(db.CrawlRun(outlet_slug="kavkaz_uzel_ru", status="running"))
        session.flush()
        session.add(db.CrawlRun(outlet_slug="kavkaz_uzel_ru", status="finished"))
    close_lost_runs(db_url, 1, ["kavkaz_uzel_ru"], "exit code 0")
    assert [status for _, status, _ in runs(db_url)] == ["running", "finished"]


def test_a_crawler_that_registers_the_outlet_second_is_not_refused(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(db_url) as first, session_scope(db_url) as second:
        ensure_outlet(first, "turan_en", "Turan")
        first.commit()
        # the second crawler looked before the first committed, and saw no row
        monkeypatch.setattr(second, "get", lambda *args, **kwargs: None)
        ensure_outlet(second, "turan_en", "Turan")
    with session_scope(db_url) as session:
        assert [o.slug for o in session.scalars(select(db.Outlet))] == ["turan_en"]


@pytest.mark.slow
def test_a_crawl_that_overruns_its_time_is_recorded_as_failed(settings: Settings) -> None:
    [summary] = run_crawl(settings, ["kavkaz_uzel_ru"], base_url_override=NOWHERE, timeout=0.2)
    assert summary.status == "failed" and summary.pages == 0
    assert runs(settings.database_url)[0][2] == (
        "the spider did not start; the crawler process ended with killed at its time limit of 0.2 s"
    )


@pytest.mark.slow
def test_the_crawler_process_exits_non_zero_when_a_spider_cannot_open(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    env = {
        **os.environ,
        "MONITOR_HOME": str(tmp_path / "var"),
        "MONITOR_DB_URL": f"sqlite:///{tmp_path}/a-file/monitor.db",  # cannot be created
        URL_ENV_PREFIX + "KAVKAZ_UZEL_RU": NOWHERE["kavkaz_uzel_ru"],
        "SCRAPY_SETTINGS_MODULE": "settings",
    }
    ended = subprocess.run(
        [sys.executable, "-m", "monitor.crawl", "kavkaz_uzel_ru", "-s", "LOG_LEVEL=ERROR"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ended.returncode == 1
    assert "spider kavkaz_uzel_ru failed" in ended.stderr
