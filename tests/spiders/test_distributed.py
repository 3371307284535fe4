"""A distributed crawl (scrapy-redis): two crawler processes share one queue and seen
set in Redis; together they fetch every article page once, and none twice."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from monitor.config import Settings
from monitor.crawl import PROJECT_ROOT, expire_shared_state
from monitor.db import models as db
from monitor.db.session import session_scope, upgrade
from monitor.demo.replay import ReplaySite
from monitor.demo.synthetic import SLUG, build_site, outlet_override
from monitor.outlets import URL_ENV_PREFIX

pytestmark = pytest.mark.slow
REDIS_URL = os.environ.get("MONITOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ARTICLES = 120


def redis_or_skip() -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")


def test_two_crawler_processes_fetch_each_page_once_and_miss_none(
    settings: Settings, tmp_path: Path
) -> None:
    redis_or_skip()
    upgrade(settings.database_url)
    numbers = build_site(tmp_path / "site", ARTICLES)
    crawl_id = f"test-{uuid.uuid4().hex[:8]}"
    with ReplaySite(tmp_path / "site") as site:
        env = {
            **os.environ,
            "MONITOR_HOME": str(settings.home),
            "MONITOR_DB_URL": settings.database_url,
            "MONITOR_OUTLETS_DIR": str(outlet_override(tmp_path, ARTICLES)),
            "MONITOR_REDIS_URL": REDIS_URL,
            "MONITOR_CRAWL_ID": crawl_id,
            URL_ENV_PREFIX + SLUG.upper(): site.base_url(SLUG),
            "SCRAPY_SETTINGS_MODULE": "settings",
        }
        command = [
            sys.executable,
            "-m",
            "monitor.crawl",
            SLUG,
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "LOG_LEVEL=WARNING",
            "-s",
            "MONITOR_SHARED_IDLE_SECONDS=3",
        ]
        crawlers = [
            subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        errors = [crawler.communicate(timeout=300)[1] for crawler in crawlers]
        hits = site.hits(SLUG)
    assert [c.returncode for c in crawlers] == [0, 0], errors
    article_hits = {path: n for path, n in hits.items() if path.startswith("/articles/")}
    assert set(article_hits) == {f"/articles/{n}" for n in numbers}  # none missed
    assert set(article_hits.values()) == {1}  # none twice
    listing_hits = {path: n for path, n in hits.items() if path.startswith("/rubric/")}
    assert set(listing_hits.values()) == {1}
    with session_scope(settings.database_url) as session:
        stored = session.scalar(select(func.count(db.Article.id)))
        runs = session.scalars(select(db.CrawlRun)).all()
    assert stored == ARTICLES
    assert len(runs) == 2 and sum(run.new_articles for run in runs) == ARTICLES
    cleanup = Settings(redis_url=REDIS_URL, crawl_id=crawl_id)
    assert expire_shared_state(cleanup) >= 1
