"""Running crawls from Python: ``monitor crawl`` calls :func:`run_crawl`.

Twisted's reactor starts once per process, so :func:`run_crawl` starts one child process
per outlet (``python -m monitor.crawl SLUG``, at most ``MONITOR_CRAWL_PROCESSES`` at a
time) with the project's Scrapy settings (``settings.py``), and reads the figures the
store pipeline wrote as ``crawl_runs`` rows as each one ends; ``on_finished`` lets the
caller use an outlet's articles (process, deliver) while the others still crawl.

Nothing here can hang or outlive its parent:

- every crawl has a time limit (the outlet file's ``time_limit``, else
  ``MONITOR_CRAWL_TIME_LIMIT``): the spider stops itself shortly before it
  (:mod:`spiders.limits`), and the child's process group is killed when it is reached;
- a host that cannot be resolved or reached ends its crawl at once (``unreachable``);
- each child runs in its own process group (``start_new_session``), asks the kernel to
  end it when its parent dies (``PR_SET_PDEATHSIG``) and watches its parent itself, so
  a ``kill -9`` of ``monitor run`` leaves no crawler behind.

:func:`known_pages` is what spiders load once at start to crawl incrementally.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, or_, select

from monitor.config import Settings
from monitor.db import models as db
from monitor.db.session import count_rows, get_engine, session_scope, upgrade
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


PARENT_ENV = "MONITOR_CRAWL_PARENT"


class _Child:
    """One outlet's crawler process; its process group is killed at the time limit (the
    spider stops itself a little before, see :mod:`spiders.limits`)."""

    def __init__(self, slug: str, process: subprocess.Popen[bytes], limit: float) -> None:
        self.slug, self.process, self.limit = slug, process, limit
        self.killed = False
        self.killer = threading.Timer(limit, self.kill)
        self.killer.daemon = True
        self.killer.start()

    def kill(self) -> None:
        """End the child's whole process group (the crawler and anything it started)."""
        if self.process.poll() is None:
            self.killed = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)


def time_limit(settings: Settings, outlet: Outlet, cap: float | None = None) -> float:
    """Seconds a crawl of ``outlet`` may take."""
    limit = outlet.time_limit or settings.crawl_time_limit
    return min(limit, cap) if cap else limit


def run_crawl(
    settings: Settings,
    outlets: list[str] | None = None,
    refetch: bool = False,
    base_url_override: dict[str, str] | None = None,
    scrapy_settings: dict[str, str] | None = None,
    timeout: float | None = None,
    *,
    on_finished: Callable[[CrawlSummary], None] | None = None,
    started: Callable[[int], None] | None = None,
    ended: Callable[[int], None] | None = None,
) -> list[CrawlSummary]:
    """Crawl ``outlets`` (default: all), each in a child process; the runs' figures.

    ``timeout`` caps every outlet's time limit; ``on_finished`` is called with each
    outlet's figures as soon as its crawl ends; ``started`` and ``ended`` with the
    process group of each child (the pipeline lock records them).
    """
    known = load_outlets(settings.outlets_dir)
    slugs = outlets or sorted(known)
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise ValueError(f"unknown outlets: {', '.join(unknown)}; known: {', '.join(known)}")
    upgrade(settings.database_url)
    close_abandoned_runs(
        settings.database_url, {slug: time_limit(settings, known[slug]) for slug in slugs}
    )
    before = _last_run_id(settings.database_url)
    env = {
        **os.environ,
        **settings_environment(settings),
        "SCRAPY_SETTINGS_MODULE": "settings",
        PARENT_ENV: str(os.getpid()),
    }
    for slug, url in (base_url_override or {}).items():
        env[URL_ENV_PREFIX + slug.upper()] = url
    extra = [
        item
        for name, value in (scrapy_settings or {}).items()
        for item in ("-s", f"{name}={value}")
    ]
    waiting, running, summaries = list(slugs), list[_Child](), list[CrawlSummary]()
    try:
        while waiting or running:
            while waiting and len(running) < settings.crawl_processes:
                slug = waiting.pop(0)
                limit = time_limit(settings, known[slug], timeout)
                deadline = time.time() + limit  # when this process kills it
                command = [sys.executable, "-m", "monitor.crawl", slug]
                command += ["--time-limit", f"{limit:g}", "--deadline", f"{deadline:.3f}"]
                if refetch:
                    command.append("--refetch")
                process = subprocess.Popen(
                    [*command, *extra], env=env, cwd=PROJECT_ROOT, start_new_session=True
                )
                running.append(_Child(slug, process, limit))
                if started:
                    started(process.pid)
            done = _wait_any(running)
            running.remove(done)
            summary = _finish(settings, done, before)
            if ended:
                ended(done.process.pid)
            summaries += summary
            if on_finished:
                for figures in summary:
                    on_finished(figures)
    finally:
        for child in running:  # an exception (or a signal) in the parent: end them too
            child.killer.cancel()
            child.kill()
            child.process.wait()
    if settings.redis_url:
        expire_shared_state(settings)
    from monitor.crawl_health import check_and_record

    for alert in check_and_record(settings.database_url):
        log.warning("crawl health: %s", alert.subject)
    return sorted(summaries, key=lambda summary: summary.run_id)


def _wait_any(running: Sequence[_Child]) -> _Child:
    while True:
        for child in running:
            if child.process.poll() is not None:
                return child
        time.sleep(0.1)


def _finish(settings: Settings, child: _Child, before: int) -> list[CrawlSummary]:
    """Close what the ended child left open, and read its figures."""
    child.killer.cancel()
    child.kill()  # whatever the crawler itself started goes with it
    code = child.process.wait()
    if child.killed:
        outcome = f"killed at its time limit of {child.limit:g} s"
    else:
        outcome = f"exit code {code}"
    close_lost_runs(settings.database_url, before, [child.slug], outcome)
    return crawl_summaries(settings.database_url, after_id=before, outlets=[child.slug])


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
                # what it stored before it ended (new or changed articles: the nearest
                # figure there is once the crawler cannot report its own)
                run.new_articles = count_rows(
                    session,
                    db.Article.id,
                    db.Article.outlet_slug == run.outlet_slug,
                    db.Article.fetched_at >= run.started_at,
                )
                run.message = (
                    f"the crawler process ended ({outcome}) before the run closed; "
                    f"{run.new_articles} articles stored"
                )
                log.error("crawl of %s: %s", run.outlet_slug, run.message)
        for slug in sorted(set(slugs) - {run.outlet_slug for run in runs}):
            ensure_outlet(session, slug)
            message = f"the spider did not start; the crawler process ended with {outcome}"
            session.add(
                db.CrawlRun(outlet_slug=slug, status="failed", finished_at=now, message=message)
            )
            log.error("crawl of %s: %s", slug, message)


def close_abandoned_runs(db_url: str, limits: Mapping[str, float]) -> int:
    """Runs still "running" long after their outlet's time limit belong to a crawler that
    was killed with its machine or its parent: they are closed as failed."""
    now = dt.datetime.now(dt.UTC)
    closed = 0
    with session_scope(db_url) as session:
        for slug, limit in limits.items():
            cutoff = now - dt.timedelta(seconds=limit + 60)
            for run in session.scalars(
                select(db.CrawlRun).where(
                    db.CrawlRun.outlet_slug == slug,
                    db.CrawlRun.status == "running",
                    db.CrawlRun.started_at < cutoff,
                )
            ):
                run.status, run.finished_at = "failed", now
                run.message = "abandoned: its crawler ended without closing the run"
                closed += 1
    return closed


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


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
ORPHAN_GRACE_S = 5.0


def die_with_parent(parent: int) -> None:
    """End this crawler when ``parent`` (the `monitor` process that started it) dies,
    even by kill -9: the kernel sends SIGTERM (Scrapy's graceful stop, which closes the
    run as failed), and a watchdog thread ends the process if that takes too long."""
    kernel_tells = False
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            kernel_tells = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM)) == 0
    if os.getppid() != parent:
        os._exit(70)  # the parent died before the kernel was asked to tell

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        log.error("the process that started this crawl has gone; stopping")
        if not kernel_tells:
            os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(ORPHAN_GRACE_S)
        os._exit(70)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: Sequence[str] | None = None) -> int:
    """The child process: the named spiders (one, from :func:`run_crawl`) in one reactor."""
    parser = argparse.ArgumentParser(prog="python -m monitor.crawl")
    parser.add_argument("outlets", nargs="+")
    parser.add_argument("--refetch", action="store_true")
    parser.add_argument("--time-limit", type=float, help="seconds the crawl may take")
    parser.add_argument("--deadline", type=float, help="Unix time the crawl is killed at")
    parser.add_argument("-s", dest="settings", action="append", default=[])
    args = parser.parse_args(argv)
    if os.environ.get(PARENT_ENV, "").isdigit():
        die_with_parent(int(os.environ[PARENT_ENV]))
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    scrapy_settings = get_project_settings()
    if args.time_limit:
        scrapy_settings.set("MONITOR_CRAWL_TIME_LIMIT", args.time_limit, priority="cmdline")
    if args.deadline:
        scrapy_settings.set("MONITOR_CRAWL_DEADLINE", args.deadline, priority="cmdline")
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
