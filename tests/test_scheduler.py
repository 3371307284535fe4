"""The scheduler service: triggers from outlet files, jobs in the database, misfires
coalesced, a clean stop on SIGTERM."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from monitor.config import Settings
from monitor.scheduler import (
    JOBS_TABLE,
    MISFIRE_GRACE_S,
    ScheduleError,
    build_scheduler,
    next_runs,
    parse_schedule,
)

FIRED: list[str] = []
FIRED_LOCK = threading.Lock()


def record(name: str) -> None:
    with FIRED_LOCK:
        FIRED.append(name)


def test_interval_schedules_are_read_from_plain_words() -> None:
    trigger = parse_schedule("every 30m")
    assert isinstance(trigger, IntervalTrigger)
    assert trigger.interval == dt.timedelta(minutes=30)
    assert parse_schedule("every 2 hours").interval == dt.timedelta(hours=2)  # type: ignore[attr-defined]


def test_cron_schedules_run_in_the_outlet_time_zone() -> None:
    trigger = parse_schedule("15 */2 * * *", "Europe/Moscow")
    assert isinstance(trigger, CronTrigger)
    first = trigger.get_next_fire_time(None, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert first is not None and first.utcoffset() == dt.timedelta(hours=3)
    assert first.minute == 15


@pytest.mark.parametrize("text", ["hourly", "every 0m", "61 * * * *"])
def test_a_bad_schedule_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_schedule(text)


def test_every_outlet_gets_a_crawl_job_stored_in_the_database(
    settings: Settings, db_url: str
) -> None:
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    scheduler.shutdown()
    runs = next_runs(settings)
    assert "digest" in runs
    assert {"crawl:kavkaz_uzel_ru", "crawl:kavkaz_uzel_en"} <= set(runs)
    assert all(when is not None for when in runs.values())


def test_a_job_fires_on_its_interval(db_url: str) -> None:
    FIRED.clear()
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=db_url, tablename=JOBS_TABLE)}
    )
    scheduler.add_job(record, IntervalTrigger(seconds=1), args=["tick"], id="tick")
    scheduler.start()
    try:
        deadline = time.monotonic() + 5
        while not FIRED and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.shutdown()
    assert FIRED[:1] == ["tick"]


def test_a_machine_that_slept_runs_a_missed_job_once(db_url: str) -> None:
    FIRED.clear()
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=db_url, tablename=JOBS_TABLE)},
        job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_S},
    )
    ten_missed = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10, seconds=30)
    scheduler.add_job(
        record,
        IntervalTrigger(minutes=1, start_date=ten_missed),
        args=["late"],
        id="late",
        next_run_time=ten_missed,
    )
    scheduler.start()
    try:
        time.sleep(1.5)
    finally:
        scheduler.shutdown()
    assert FIRED == ["late"]


def test_the_service_stops_cleanly_on_sigterm(settings: Settings, tmp_path: Path) -> None:
    env = {**os.environ, "MONITOR_HOME": str(settings.home)}
    service = subprocess.Popen(
        [sys.executable, "-m", "monitor", "schedule"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not next_runs(settings) and time.monotonic() < deadline:
            time.sleep(0.2)
        service.send_signal(signal.SIGTERM)
        _, errors = service.communicate(timeout=30)
    finally:
        if service.poll() is None:
            service.kill()
    assert service.returncode == 0, errors
    assert "scheduler stopped" in errors
