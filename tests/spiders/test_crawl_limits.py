"""Crawls that cannot hang: an outlet whose pages hang ends at its time limit while
another outlet's articles are stored and usable, without holding the database; a host
that does not resolve ends its crawl at once; a killed `monitor run` takes its crawler
with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from monitor.config import Settings
from monitor.crawl import CrawlSummary, run_crawl
from monitor.db import models as db
from monitor.db.session import session_scope
from monitor.locks import group_alive
from tests.spiders.conftest import FAST
from tests.spiders.slow_site import OUTLET_FILE, Site

pytestmark = pytest.mark.slow

LIMIT = 10.0


@pytest.fixture
def outlets(tmp_path: Path) -> Path:
    folder = tmp_path / "outlets"
    folder.mkdir()
    for slug, extra in (("quick", ""), ("slow", f"time_limit: {LIMIT:g}s\n"), ("gone", "")):
        text_ = OUTLET_FILE.format(slug=slug, extra=extra)
        (folder / f"{slug}.yaml").write_text(text_, encoding="utf-8")
    return folder


@pytest.fixture
def crawl_settings(settings: Settings, outlets: Path) -> Settings:
    from dataclasses import replace

    return replace(settings, outlets_dir=outlets)


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    with Site() as quick, Site(hanging=frozenset({2, 3})) as slow:
        yield quick, slow


def articles_of(db_url: str, slug: str) -> int:
    with session_scope(db_url) as session:
        return int(
            session.scalar(select(func.count(db.Article.id)).where(db.Article.outlet_slug == slug))
            or 0
        )


def write_with_short_patience(db_url: str) -> None:
    """A write by another process that waits at most a second for the database."""
    url = make_url(db_url)
    args = {"timeout": 1} if url.get_backend_name() == "sqlite" else {}
    engine = create_engine(url, connect_args=args)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE outlets SET name = name"))
    finally:
        engine.dispose()


def test_a_hanging_outlet_ends_at_its_limit_while_the_other_is_stored_and_used(
    crawl_settings: Settings, sites: tuple[Site, Site]
) -> None:
    quick, slow = sites
    db_url = crawl_settings.database_url
    finished: dict[str, float] = {}
    results: list[list[CrawlSummary]] = []
    start = time.monotonic()

    def note(summary: CrawlSummary) -> None:
        finished[summary.outlet] = time.monotonic() - start

    crawl = threading.Thread(
        target=lambda: results.append(
            run_crawl(
                crawl_settings,
                ["quick", "slow"],
                base_url_override={"quick": quick.url, "slow": slow.url},
                scrapy_settings={**FAST, "DOWNLOAD_TIMEOUT": "60"},
                on_finished=note,
            )
        )
    )
    crawl.start()
    assert slow.hung.wait(30), "the slow outlet's crawl never reached a hanging page"
    time.sleep(3)  # longer than MONITOR_STORE_SECONDS: the first article is written
    assert articles_of(db_url, "slow") == 1
    write_with_short_patience(db_url)  # nothing holds the database while pages hang
    crawl.join(timeout=60)
    assert not crawl.is_alive()
    by_outlet = {s.outlet: s for s in results[0]}
    assert by_outlet["quick"].status == "finished" and by_outlet["quick"].new_articles == 3
    assert by_outlet["slow"].status == "failed"
    assert finished["quick"] < finished["slow"]  # the caller had quick's articles first
    with session_scope(db_url) as session:
        run = session.scalars(select(db.CrawlRun).where(db.CrawlRun.outlet_slug == "slow")).one()
        # the spider stopped itself before the limit and closed its run with its figures
        assert run.message is not None and run.message.startswith(
            "time_limit (its time limit of 10 s was reached)"
        )
        assert run.new_articles == 1
        assert run.finished_at is not None and run.started_at is not None
        assert (run.finished_at - run.started_at).total_seconds() <= LIMIT


def test_a_host_that_does_not_resolve_ends_its_crawl_at_once(crawl_settings: Settings) -> None:
    start = time.monotonic()
    [summary] = run_crawl(
        crawl_settings,
        ["gone"],
        base_url_override={"gone": "http://gone.invalid"},
        scrapy_settings={"DNS_RESOLVER": "tests.spiders.slow_site.OfflineResolver"},
    )
    assert time.monotonic() - start < 60
    assert summary.status == "failed"
    with session_scope(crawl_settings.database_url) as session:
        message = session.scalars(select(db.CrawlRun.message)).one()
    assert message is not None and "gone.invalid does not resolve" in message


def test_kill_9_of_monitor_run_leaves_no_crawler(
    crawl_settings: Settings, sites: tuple[Site, Site]
) -> None:
    _, slow = sites
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_HOME=str(crawl_settings.home),
        MONITOR_DB_URL=crawl_settings.database_url,
        MONITOR_OUTLETS_DIR=str(crawl_settings.outlets_dir),
        MONITOR_OUTLET_URL_SLOW=slow.url,
        MONITOR_DOWNLOAD_DELAY="0",
    )
    run = subprocess.Popen(
        [sys.executable, "-m", "monitor", "run", "--once", "slow"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert slow.hung.wait(60), "the crawl never reached a hanging page"
        with session_scope(crawl_settings.database_url) as session:
            lock = session.get(db.RunLock, "pipeline")
            assert lock is not None and lock.children
            crawler = int(lock.children)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        deadline = time.monotonic() + 15
        while group_alive(crawler) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not group_alive(crawler)
    finally:
        if run.poll() is None:
            run.kill()
        if group_alive(crawler := locals().get("crawler", 0)) and crawler:
            os.killpg(crawler, signal.SIGKILL)
