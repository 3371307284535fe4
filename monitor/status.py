"""`monitor status`: per outlet, the last crawl, its figures and the next scheduled run;
and the articles waiting, what the outbox delivered and the deliveries that are failing
(waiting for a retry, unsure, or failed for good)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.config import Settings
from monitor.db import models as db
from monitor.db.session import count_rows


@dataclass
class OutletStatus:
    slug: str
    name: str = ""
    last_started: dt.datetime | None = None
    last_status: str | None = None
    new_articles: int = 0
    errors: int = 0
    pages: int = 0
    next_run: dt.datetime | None = None


@dataclass
class DeliveryProblem:
    id: int
    recipient: str
    status: str  # "retrying" (pending after a failure), "unsure" or "failed"
    attempts: int
    next_attempt: dt.datetime | None
    error: str | None


@dataclass
class Status:
    outlets: list[OutletStatus]
    articles: int
    pending: int
    failed: int
    alerts: int
    deliveries_pending: int  # waiting: pending, or being sent
    deliveries_for_digest: int
    deliveries_retrying: int  # pending again after a failed attempt
    deliveries_unsure: int
    deliveries_sent: int
    deliveries_failed: int
    delivery_problems: list[DeliveryProblem]
    corrections: int
    last_sent: dt.datetime | None
    locks: list[str]


RETRYING = (db.Delivery.status == "pending") & db.Delivery.last_error.is_not(None)


def failing_deliveries(session: Session) -> int:
    """Deliveries that failed and wait for another attempt (or ended unsure): while any
    is left, `monitor run` and `monitor alerts send` exit 1."""
    return count_rows(session, db.Delivery.id, RETRYING | (db.Delivery.status == "unsure"))


def delivery_problems(session: Session, limit: int = 10) -> list[DeliveryProblem]:
    """The newest deliveries that are retrying, unsure or failed."""
    from monitor.alerts.outbox import recipient_label

    rows = session.scalars(
        select(db.Delivery)
        .where(RETRYING | db.Delivery.status.in_(["unsure", "failed"]))
        .order_by(db.Delivery.id.desc())
        .limit(limit)
    )
    return [
        DeliveryProblem(
            id=row.id,
            recipient=recipient_label(row),
            status="retrying" if row.status == "pending" else row.status,
            attempts=row.attempts,
            next_attempt=row.next_attempt_at if row.status != "failed" else None,
            error=row.last_error,
        )
        for row in rows
    ]


def collect_status(session: Session, settings: Settings) -> Status:
    from monitor.outlets import load_outlets
    from monitor.scheduler import next_runs

    runs = next_runs(settings)
    names = {slug: outlet.name for slug, outlet in load_outlets(settings.outlets_dir).items()}
    names.update({r.slug: r.name for r in session.execute(select(db.Outlet.slug, db.Outlet.name))})
    outlets = []
    for slug in sorted(names):
        status = OutletStatus(slug=slug, name=names[slug], next_run=runs.get(f"crawl:{slug}"))
        last = session.scalars(
            select(db.CrawlRun)
            .where(db.CrawlRun.outlet_slug == slug)
            .order_by(db.CrawlRun.started_at.desc())
            .limit(1)
        ).first()
        if last is not None:
            status.last_started = last.started_at
            status.last_status = last.status
            status.new_articles = last.new_articles
            status.errors = last.errors
            status.pages = last.pages
        outlets.append(status)

    return Status(
        outlets=outlets,
        articles=count_rows(session, db.Article.id),
        pending=count_rows(session, db.Article.id, db.Article.status == "new"),
        failed=count_rows(session, db.Article.id, db.Article.status == "failed"),
        alerts=count_rows(session, db.Alert.id),
        deliveries_pending=count_rows(
            session, db.Delivery.id, db.Delivery.status.in_(["pending", "sending"])
        ),
        deliveries_for_digest=count_rows(
            session,
            db.Delivery.id,
            db.Delivery.status == "pending",
            db.Delivery.channel == "digest",
        ),
        deliveries_retrying=count_rows(session, db.Delivery.id, RETRYING),
        deliveries_unsure=count_rows(session, db.Delivery.id, db.Delivery.status == "unsure"),
        deliveries_sent=count_rows(session, db.Delivery.id, db.Delivery.status == "sent"),
        deliveries_failed=count_rows(session, db.Delivery.id, db.Delivery.status == "failed"),
        delivery_problems=delivery_problems(session),
        corrections=count_rows(session, db.Alert.id, db.Alert.kind == "correction"),
        last_sent=session.scalar(select(func.max(db.Delivery.sent_at))),
        locks=[
            f"{lock.name} held by {lock.owner} since {lock.acquired_at:%Y-%m-%d %H:%M:%S} UTC"
            for lock in session.scalars(select(db.RunLock))
        ],
    )
