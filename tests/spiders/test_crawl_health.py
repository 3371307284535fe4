"""Crawl health: silent outlets, pages without text, failing runs, each alerted once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.crawl_health import check_health, record_alerts
from monitor.db import models as db
from monitor.outlets import get_outlet
from monitor.store import ensure_outlet

NOW = dt.datetime(2026, 2, 10, 12, 0, tzinfo=dt.UTC)
RU = {"kavkaz_uzel_ru": get_outlet("kavkaz_uzel_ru")}


def add_run(session: Session, hours_ago: float, **figures: object) -> None:
    ensure_outlet(session, "kavkaz_uzel_ru")
    values = {"status": "finished", "pages": 5, "new_articles": 0, "bodiless_articles": 0}
    values.update(figures)
    session.add(
        db.CrawlRun(
            outlet_slug="kavkaz_uzel_ru", started_at=NOW - dt.timedelta(hours=hours_ago), **values
        )
    )
    session.flush()


def test_an_outlet_that_publishes_daily_and_yielded_nothing_for_a_day_is_silent(
    session: Session,
) -> None:
    for hours in (20, 10, 2):
        add_run(session, hours)
    [alert] = check_health(session, RU, NOW)
    assert alert.problem == "silent" and alert.outlet == "kavkaz_uzel_ru"


def test_one_new_article_in_the_window_is_not_silence(session: Session) -> None:
    add_run(session, 20, new_articles=1)
    add_run(session, 2)
    assert check_health(session, RU, NOW) == []


def test_pages_without_body_point_at_a_layout_change(session: Session) -> None:
    add_run(session, 1, new_articles=1, bodiless_articles=9)
    problems = [a.problem for a in check_health(session, RU, NOW)]
    assert problems == ["no_body"]


def test_three_failed_runs_in_a_row_are_failing(session: Session) -> None:
    for hours in (3, 2, 1):
        add_run(session, hours, status="failed", pages=0, errors=4)
    [alert] = check_health(session, RU, NOW)
    assert alert.problem == "failing"


def test_alerts_are_stored_once_as_operator_alerts(session: Session) -> None:
    for hours in (3, 2, 1):
        add_run(session, hours, status="failed", pages=0, errors=4)
    alerts = check_health(session, RU, NOW)
    assert len(record_alerts(session, alerts)) == 1
    assert record_alerts(session, check_health(session, RU, NOW)) == []
    row = session.scalars(select(db.Alert)).one()
    assert (row.kind, row.type, row.severity) == ("operator", "crawl_health", "immediate")
    assert row.details["outlet"] == "kavkaz_uzel_ru"


def test_an_outlet_never_crawled_raises_nothing(session: Session) -> None:
    assert check_health(session, RU, NOW) == []
