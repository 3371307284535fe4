"""Running crawls from Python: ``monitor crawl`` calls :func:`run_crawl`.

Twisted's reactor starts once per process, so :func:`run_crawl` starts a child process
(``python -m monitor.crawl``) that runs every requested spider in one reactor with the
project's Scrapy settings (``settings.py``), and then reads the figures the store
pipeline wrote as ``crawl_runs`` rows. :func:`known_pages` is what spiders load once at
start to crawl incrementally.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, or_, select

from monitor.config import Settings
from monitor.db import models as db
from monitor.db.session import get_engine, session_scope, upgrade
from monitor.outlets import URL_ENV_PREFIX, Outlet, load_outlets
from monitor.store import ensure_outlet

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class KnownPage:
    """An article already stored, with the validators its server sent."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class CrawlSummary:
    outlet: str
    status: str
    pages: int
    new_articles: int
    bodiless_articles: int
    errors: int
    duration_s: float | None
    run_id: int


def known_pages(db_url: str, outlet: Outlet) -> dict[str, KnownPage]:
    """Every stored article of ``outlet`` by its identity (see :meth:`Outlet.identity`)."""
    engine = get_engine(db_url)
    if not inspect(engine).has_table("articles"):
        return {}
    wanted = db.Article.outlet_slug == outlet.slug
    if outlet.edition:
        wanted = or_(wanted, db.Article.edition == outlet.edition)
    query = select(
        db.Article.key,
        db.Article.url,
        db.Article.canonical_url,
        db.Article.etag,
        db.Article.last_modified,
    ).where(wanted)
    known: dict[str, KnownPage] = {}
    with engine.connect() as connection:
        for key, url, canonical, etag, last_modified in connection.execute(query):
            page = KnownPage(etag, last_modified)
            if outlet.edition and key.startswith(outlet.edition + ":"):
                known[key] = page
            for address in (canonical, url):
                if address and "://" in address:
                    known[outlet.identity(address)] = page
    return known


def page_validators(db_url: str, outlet: Outlet) -> dict[str, KnownPage]:
    """The validators of ``outlet``'s feeds and first listing pages, by URL."""
    engine = get_engine(db_url)
    if not inspect(engine).has_table("page_validators"):
        return {}
    query = select(
        db.PageValidator.url, db.PageValidator.etag, db.PageValidator.last_modified
    ).where(db.PageValidator.outlet_slug == outlet.slug)
    with engine.connect() as connection:
        return {url: KnownPage(etag, modified) for url, etag, modified in connection.execute(query)}


def settings_environment(settings: Settings) -> dict[str, str]:
    """The ``MONITOR_*`` variables that recreate ``settings`` in a child process."""
    env: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        env["MONITOR_" + f.name.upper()] = str(value)
    env["MONITOR_DB_URL"] = settings.database_url
    return env


def run_crawl(
    settings: Settings,
    outlets: list[str] | None = None,
    refetch: bool = False,
    base_url_override: dict[str, str] | None = None,
    scrapy_settings: dict[str, str] | None = None,
    timeout: float | None = None,
) -> list[CrawlSummary]:
    """Crawl ``outlets`` (default: all) in a child process; the runs' figures."""
    known = load_outlets(settings.outlets_dir)
    slugs = outlets or sorted(known)
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise ValueError(f"unknown outlets: {', '.join(unknown)}; known: {', '.join(known)}")
    upgrade(settings.database_url)
    before = _last_run_id(settings.database_url)
    env = {**os.environ, **settings_environment(settings), "SCRAPY_SETTINGS_MODULE": "settings"}
    for slug, url in (base_url_override or {}).items():
        env[URL_ENV_PREFIX + slug.upper()] = url
    command = [sys.executable, "-m", "monitor.crawl", *slugs]
    if refetch:
        command.append("--refetch")
    for name, value in (scrapy_settings or {}).items():
        command += ["-s", f"{name}={value}"]
    try:
        ended = subprocess.run(command, env=env, cwd=PROJECT_ROOT, check=False, timeout=timeout)
        outcome = f"exit code {ended.returncode}"
    except subprocess.TimeoutExpired:
        outcome = f"killed after {timeout:g} s"
    if settings.redis_url:
        expire_shared_state(settings)
    close_lost_runs(settings.database_url, before, slugs, outcome)
    summaries = crawl_summaries(settings.database_url, after_id=before, outlets=slugs)
    from monitor.crawl_health import check_and_record

    for alert in check_and_record(settings.database_url):
        log.warning("crawl health: %s", alert.subject)
    return summaries


SHARED_STATE_TTL_S = 24 * 3600


def expire_shared_state(settings: Settings) -> int:
    """Let a distributed crawl's queue and seen set in Redis expire after a day (peers
    on other machines may still be working now); returns the number of keys."""
    import redis

    client = redis.Redis.from_url(settings.redis_url)
    try:
        keys = list(client.scan_iter(match=f"monitor:{settings.crawl_id}:*"))
        for key in keys:
            client.expire(key, SHARED_STATE_TTL_S)
        return len(keys)
    finally:
        client.close()


def _last_run_id(db_url: str) -> int:
    with session_scope(db_url) as session:
        return int(session.scalar(select(func.max(db.CrawlRun.id))) or 0)


def close_lost_runs(db_url: str, after_id: int, slugs: Sequence[str], outcome: str) -> None:
    """After the crawler process ended, no outlet is left without a finished run: a
    spider that never opened (its store could not start) gets a failed run, and a run
    the process left open (it was killed) is closed as failed, so that crawl health
    and the exit status see the failure."""
    now = dt.datetime.now(dt.UTC)
    with session_scope(db_url) as session:
        runs = session.scalars(
            select(db.CrawlRun).where(
                db.CrawlRun.id > after_id, db.CrawlRun.outlet_slug.in_(list(slugs))
            )
        ).all()
        for run in runs:
            if run.status == "running":
                run.status, run.finished_at = "failed", now
                run.message = f"the crawler process ended ({outcome}) before the run closed"
                log.error("crawl of %s: %s", run.outlet_slug, run.message)
        for slug in sorted(set(slugs) - {run.outlet_slug for run in runs}):
            ensure_outlet(session, slug)
            message = f"the spider did not start; the crawler process ended with {outcome}"
            session.add(
                db.CrawlRun(outlet_slug=slug, status="failed", finished_at=now, message=message)
            )
            log.error("crawl of %s: %s", slug, message)


def crawl_summaries(
    db_url: str, after_id: int = 0, outlets: Sequence[str] | None = None
) -> list[CrawlSummary]:
    with session_scope(db_url) as session:
        query = select(db.CrawlRun).where(db.CrawlRun.id > after_id).order_by(db.CrawlRun.id)
        if outlets:
            query = query.where(db.CrawlRun.outlet_slug.in_(list(outlets)))
        return [
            CrawlSummary(
                outlet=run.outlet_slug,
                status=run.status,
                pages=run.pages,
                new_articles=run.new_articles,
                bodiless_articles=run.bodiless_articles,
                errors=run.errors,
                duration_s=run.duration_s,
                run_id=run.id,
            )
            for run in session.scalars(query)
        ]


def main(argv: Sequence[str] | None = None) -> int:
    """The child process: every named spider in one reactor."""
    parser = argparse.ArgumentParser(prog="python -m monitor.crawl")
    parser.add_argument("outlets", nargs="+")
    parser.add_argument("--refetch", action="store_true")
    parser.add_argument("-s", dest="settings", action="append", default=[])
    args = parser.parse_args(argv)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    scrapy_settings = get_project_settings()
    for item in args.settings:
        name, _, value = item.partition("=")
        scrapy_settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(scrapy_settings)
    failed: list[str] = []

    def record_failure(failure: Any, slug: str) -> None:
        failed.append(slug)
        log.error("spider %s failed: %s", slug, failure.getErrorMessage())

    for slug in args.outlets:
        crawl = process.crawl(slug, refetch="1" if args.refetch else "0")
        crawl.addErrback(record_failure, slug)
    process.start()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
