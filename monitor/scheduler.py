"""`monitor schedule`: an APScheduler 3 service that crawls each outlet on its schedule.

- One job per outlet, from the ``schedule`` of its outlet file: ``every 30m`` / ``every
  2h`` / ``every 1d`` (an interval) or a five-field cron expression in the outlet's time
  zone. Each crawl runs in its own process (Twisted runs one reactor per process) within
  the outlet's time limit, then the new articles are processed and alerts delivered,
  under the pipeline lock.
- A daily digest job at ``MONITOR_DIGEST_HOUR`` in ``MONITOR_TIMEZONE``.
- Jobs are kept in the same database (SQLAlchemyJobStore), with coalescing and a misfire
  grace time: a machine that slept through ten runs runs the job once when it wakes.
- SIGTERM and SIGINT stop it cleanly: no new job starts, the running one finishes.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from monitor.config import Settings, load_settings

log = logging.getLogger(__name__)

INTERVAL = re.compile(r"^every\s+(\d+)\s*(m|min|minutes?|h|hours?|d|days?)$", re.IGNORECASE)
UNITS = {"m": "minutes", "h": "hours", "d": "days"}
MISFIRE_GRACE_S = 3600
JOBS_TABLE = "apscheduler_jobs"


class ScheduleError(ValueError):
    """An outlet's schedule that is neither ``every N(m|h|d)`` nor a cron expression."""


def parse_schedule(text: str, timezone: str = "UTC") -> BaseTrigger:
    text = text.strip()
    match = INTERVAL.match(text)
    if match:
        amount, unit = int(match.group(1)), UNITS[match.group(2)[0].lower()]
        if amount <= 0:
            raise ScheduleError(f"schedule {text!r}: the interval must be positive")
        return IntervalTrigger(**{unit: amount}, timezone=timezone)
    if len(text.split()) == 5:
        try:
            return CronTrigger.from_crontab(text, timezone=timezone)
        except ValueError as error:
            raise ScheduleError(f"schedule {text!r}: {error}") from None
    raise ScheduleError(f"schedule {text!r}: write 'every 30m', 'every 2h' or a cron expression")


# --- the jobs (module-level functions: the job store keeps references to them) ---------


def crawl_outlet_job(slug: str) -> int:
    """Crawl one outlet in a child process (within its time limit, ended with this
    service), then process and deliver; returns 0 when the crawl finished, else 1."""
    from monitor.crawl import run_crawl
    from monitor.pipeline import describe

    log.info("scheduled crawl of %s starting", slug)
    failed = 0
    for summary in run_crawl(load_settings(), [slug]):
        log.info("%s", describe(summary))
        failed += summary.status != "finished"
    if failed:
        log.warning("crawl of %s failed", slug)
    process_and_send_job()
    return 1 if failed else 0


def process_and_send_job() -> None:
    """Process new articles and deliver alerts, unless another run holds the lock."""
    from monitor.pipeline import run_once

    settings = load_settings()
    result = run_once(settings, crawl=False)
    for line in result.lines():
        log.info("%s", line)


def digest_job() -> None:
    """Deliver what is due; digest deliveries fall due at the digest hour."""
    from monitor.alerts.outbox import send_and_check
    from monitor.db.session import session_factory

    settings = load_settings()
    report, trouble = send_and_check(session_factory(settings.database_url), settings)
    for line in report.lines():
        log.info("digest: %s", line.strip())
    if trouble:
        log.error("digest: %s", trouble)


# --- the service -----------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedJob:
    id: str
    func: Callable[..., Any]
    trigger: BaseTrigger
    args: tuple[str, ...] = ()


def planned_jobs(settings: Settings, outlets: list[str] | None = None) -> list[PlannedJob]:
    from monitor.outlets import load_outlets

    jobs = []
    for slug, outlet in sorted(load_outlets(settings.outlets_dir).items()):
        if outlets and slug not in outlets:
            continue
        trigger = parse_schedule(outlet.schedule, outlet.timezone)
        jobs.append(PlannedJob(f"crawl:{slug}", crawl_outlet_job, trigger, (slug,)))
    digest = CronTrigger(hour=settings.digest_hour, minute=0, timezone=settings.timezone)
    jobs.append(PlannedJob("digest", digest_job, digest))
    return jobs


def build_scheduler(
    settings: Settings,
    outlets: list[str] | None = None,
    *,
    scheduler_class: type[BaseScheduler] = BackgroundScheduler,
) -> BaseScheduler:
    scheduler = scheduler_class(
        jobstores={"default": SQLAlchemyJobStore(url=settings.database_url, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(max_workers=2)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_S},
        timezone=settings.timezone,
    )
    for job in planned_jobs(settings, outlets):
        scheduler.add_job(
            job.func, job.trigger, args=job.args, id=job.id, name=job.id, replace_existing=True
        )
    return scheduler


def next_runs(settings: Settings) -> dict[str, dt.datetime | None]:
    """When each stored job runs next (for `monitor status`), without starting anything."""
    store = SQLAlchemyJobStore(url=settings.database_url, tablename=JOBS_TABLE)
    try:
        return {job.id: job.next_run_time for job in store.get_all_jobs()}
    except Exception:  # no scheduler has ever run: no table yet
        return {}
    finally:
        store.shutdown()


def serve(settings: Settings, outlets: list[str] | None = None) -> int:
    """Run until SIGTERM or SIGINT; the running job is allowed to finish."""
    from monitor.db.session import session_factory
    from monitor.locks import DatabaseLock, LockHeld

    lock = DatabaseLock(session_factory(settings.database_url), "scheduler")
    try:
        lock.acquire()
    except LockHeld as error:
        log.error("another scheduler is running: %s", error)
        return 75
    scheduler = build_scheduler(settings, outlets)
    stop = threading.Event()
    received: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        scheduler.start()
        for job in scheduler.get_jobs():
            log.info("scheduled %s: next run %s", job.id, job.next_run_time)
        stop.wait()
        log.info("stopping on %s; the running job may finish", signal.Signals(received[0]).name)
        scheduler.shutdown(wait=True)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        lock.release()
    log.info("scheduler stopped")
    return 0
