"""Is each outlet's crawl still working? Decided from the ``crawl_runs`` figures.

Three problems, each an operator alert (stored as ``alerts`` rows of kind ``operator``,
one per key, so checking again raises nothing twice):

- ``silent``: an outlet that usually publishes (``min_articles_per_day`` in its file)
  yielded no new article in any run over a window long enough to expect some;
- ``no_body``: the latest runs fetched article pages but found no body text in most of
  them: the page layout probably changed;
- ``failing``: the latest runs all failed or fetched nothing but errors.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.outlets import Outlet, all_outlets

FAILING_RUNS = 3
LAYOUT_RUNS = 2
MIN_RUNS_FOR_SILENCE = 2


@dataclass(frozen=True)
class OperatorAlert:
    key: str
    outlet: str
    problem: str  # silent, no_body, failing
    subject: str
    details: dict[str, object] = field(default_factory=dict)


def silence_window(outlet: Outlet) -> dt.timedelta:
    """How long without a new article is unusual: a day for outlets that publish daily,
    longer for those that publish less (three expected articles' worth)."""
    per_day = outlet.min_articles_per_day
    return dt.timedelta(days=max(1, math.ceil(3 / per_day))) if per_day > 0 else dt.timedelta(0)


def _recent_runs(session: Session, slug: str, limit: int) -> list[db.CrawlRun]:
    query = (
        select(db.CrawlRun)
        .where(db.CrawlRun.outlet_slug == slug, db.CrawlRun.status != "running")
        .order_by(db.CrawlRun.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def _failed(run: db.CrawlRun) -> bool:
    return run.status == "failed" or (run.pages == 0 and run.errors > 0)


def check_failing(outlet: Outlet, runs: Sequence[db.CrawlRun]) -> OperatorAlert | None:
    latest = runs[:FAILING_RUNS]
    if len(latest) < FAILING_RUNS or not all(_failed(run) for run in latest):
        return None
    first = latest[-1]
    return OperatorAlert(
        key=f"crawl_health:{outlet.slug}:failing:{first.id}",
        outlet=outlet.slug,
        problem="failing",
        subject=f"Crawl of {outlet.name} failing: {FAILING_RUNS} runs in a row",
        details={
            "runs": [run.id for run in latest],
            "errors": sum(run.errors for run in latest),
            "since": first.started_at.isoformat(),
        },
    )


def check_layout(outlet: Outlet, runs: Sequence[db.CrawlRun]) -> OperatorAlert | None:
    latest = [run for run in runs[:LAYOUT_RUNS] if run.bodiless_articles or run.new_articles]
    if not latest:
        return None
    bodiless = sum(run.bodiless_articles for run in latest)
    stored = sum(run.new_articles for run in latest)
    if bodiless == 0 or bodiless < stored:
        return None
    first = latest[-1]
    return OperatorAlert(
        key=f"crawl_health:{outlet.slug}:no_body:{first.id}",
        outlet=outlet.slug,
        problem="no_body",
        subject=f"{outlet.name}: article pages without text; has the layout changed?",
        details={"runs": [run.id for run in latest], "bodiless": bodiless, "stored": stored},
    )


def check_silence(session: Session, outlet: Outlet, now: dt.datetime) -> OperatorAlert | None:
    window = silence_window(outlet)
    if not window:
        return None
    since = now - window
    runs = list(
        session.scalars(
            select(db.CrawlRun).where(
                db.CrawlRun.outlet_slug == outlet.slug,
                db.CrawlRun.started_at >= since,
                db.CrawlRun.status != "running",
            )
        )
    )
    if len(runs) < MIN_RUNS_FOR_SILENCE or any(run.new_articles for run in runs):
        return None
    last_article = session.scalar(
        select(func.max(db.Article.fetched_at)).where(db.Article.outlet_slug == outlet.slug)
    )
    if last_article is not None and _aware(last_article) >= since:
        return None
    marker = _aware(last_article).date().isoformat() if last_article else "never"
    return OperatorAlert(
        key=f"crawl_health:{outlet.slug}:silent:{marker}",
        outlet=outlet.slug,
        problem="silent",
        subject=f"No new articles from {outlet.name} in {window.days} day(s)",
        details={
            "runs": len(runs),
            "expected_per_day": outlet.min_articles_per_day,
            "last_new_article": last_article.isoformat() if last_article else None,
        },
    )


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def check_health(
    session: Session,
    outlets: Mapping[str, Outlet] | None = None,
    now: dt.datetime | None = None,
) -> list[OperatorAlert]:
    """The operator alerts the crawl figures call for now (nothing is stored)."""
    now = now or dt.datetime.now(dt.UTC)
    alerts: list[OperatorAlert] = []
    for outlet in (outlets or all_outlets()).values():
        runs = _recent_runs(session, outlet.slug, max(FAILING_RUNS, LAYOUT_RUNS))
        if not runs:
            continue
        failing = check_failing(outlet, runs)
        if failing:
            alerts.append(failing)
            continue
        for alert in (check_layout(outlet, runs), check_silence(session, outlet, now)):
            if alert:
                alerts.append(alert)
    return alerts


def record_alerts(session: Session, alerts: Sequence[OperatorAlert]) -> list[OperatorAlert]:
    """Store the alerts not stored before (by key); those newly stored are returned."""
    added: list[OperatorAlert] = []
    for alert in alerts:
        if session.scalar(select(db.Alert.id).where(db.Alert.key == alert.key)) is not None:
            continue
        session.add(
            db.Alert(
                kind="operator",
                key=alert.key,
                type="crawl_health",
                severity="immediate",
                subject=alert.subject,
                details={"outlet": alert.outlet, "problem": alert.problem, **alert.details},
            )
        )
        added.append(alert)
    session.flush()
    return added


def check_and_record(db_url: str, now: dt.datetime | None = None) -> list[OperatorAlert]:
    """Check every outlet and store the new operator alerts; what a scheduler calls after
    each crawl."""
    from monitor.db.session import session_scope

    with session_scope(db_url) as session:
        return record_alerts(session, check_health(session, now=now))
