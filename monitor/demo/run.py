"""`monitor demo` (`make demo`): the whole pipeline, offline, on bundled material.

It serves the replay of outlet pages in `monitor/demo/site/` on loopback ports, crawls
them with the real spiders, stores the articles in the SQLite database under
``MONITOR_HOME`` (default ``var/``), extracts and matches them against the bundled
example cases (`monitor/data/demo_cases.yaml`), and delivers the alerts through a real
SMTP server it starts on loopback; every email is also written to ``var/outbox/`` as an
``.eml`` file. Run twice, it crawls nothing new and sends nothing twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

import click
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.datafiles import DATA_DIR
from monitor.db import models as db
from monitor.db.session import count_rows, session_factory, upgrade

log = logging.getLogger(__name__)

DEMO_CASES = DATA_DIR / "demo_cases.yaml"
DEMO_SUBSCRIBER = "monitor@example.org"
# The replay site is local: no need to wait between requests.
FAST_CRAWL = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}


@dataclass
class Counts:
    articles: int
    matches: int
    alerts: int
    sent: int

    @classmethod
    def read(cls, session: Session) -> Counts:
        return cls(
            articles=count_rows(session, db.Article.id),
            matches=count_rows(session, db.MatchRecord.id, db.MatchRecord.decision == "match"),
            alerts=count_rows(session, db.Alert.id, db.Alert.kind == "case"),
            sent=count_rows(session, db.Delivery.id, db.Delivery.status == "sent"),
        )


def prepare(sessions: sessionmaker[Session]) -> list[str]:
    """Import the example cases and make sure a demo monitor follows them."""
    from monitor.cases import load_cases
    from monitor.registry import import_cases
    from monitor.subscribers import add_subscriber, get_subscriber

    with sessions() as session:
        report = import_cases(session, load_cases(DEMO_CASES), deactivate_missing=False)
        if get_subscriber(session, DEMO_SUBSCRIBER) is None:
            add_subscriber(session, DEMO_SUBSCRIBER, mode="immediate", name="Demo monitor")
        session.commit()
    return report.lines()[:1]


def run_demo(settings: Settings) -> int:
    from monitor.alerts.outbox import send_pending
    from monitor.crawl import run_crawl
    from monitor.demo.mailserver import LocalMailServer
    from monitor.demo.replay import ReplaySite
    from monitor.pipeline import describe
    from monitor.processing import process_pending

    upgrade(settings.database_url)
    sessions = session_factory(settings.database_url)
    echo = click.echo
    echo(f"case list: {DEMO_CASES.name}: {prepare(sessions)[0]}")
    with sessions() as session:
        before = Counts.read(session)

    with ReplaySite() as site, LocalMailServer() as mail:
        echo(
            f"replay site: {len(site.outlets())} outlets on {site.host}: "
            + ", ".join(site.outlets())
        )
        echo(f"SMTP server: {mail.host}:{mail.port}")
        demo = replace(
            settings,
            smtp_host=mail.host,
            smtp_port=mail.port,
            smtp_security="none",
            smtp_user="",
            smtp_password="",
        )
        failures = 0
        for summary in run_crawl(
            demo, base_url_override=site.base_urls(), scrapy_settings=FAST_CRAWL
        ):
            failures += summary.status != "finished"
            echo("  " + describe(summary))
        processed = process_pending(sessions)
        echo(
            f"processed {processed.processed} articles: {processed.matches} case matches, "
            f"{processed.needs_review} for review, {processed.developments} new developments"
        )
        delivery = send_pending(sessions, demo)
        received = mail.received

    with sessions() as session:
        after = Counts.read(session)
        waiting = count_rows(session, db.Delivery.id, db.Delivery.status == "pending")
        new_alerts = session.scalars(
            select(db.Alert)
            .where(db.Alert.kind == "case")
            .order_by(db.Alert.id)
            .offset(before.alerts)
        ).all()
        echo("")
        echo("Alerts raised this run:" if new_alerts else "No new alerts this run.")
        for alert in new_alerts:
            sources = session.scalars(
                select(db.Article.url)
                .join(db.DevelopmentSource, db.DevelopmentSource.article_id == db.Article.id)
                .where(db.DevelopmentSource.development_id == alert.development_id)
            ).all()
            echo(f"  [{alert.severity}] {alert.subject}")
            echo(f"      «{(alert.sentence or '').strip()[:160]}»")
            for url in sources:
                echo(f"      source: {url}")

    outbox = settings.outbox_dir
    echo("")
    echo("Summary")
    echo(f"  articles: {after.articles} stored ({after.articles - before.articles} new this run)")
    echo(f"  case matches: {after.matches} ({after.matches - before.matches} new)")
    echo(f"  alerts: {after.alerts} ({after.alerts - before.alerts} new)")
    echo(
        f"  emails: {len(received)} sent through SMTP this run "
        f"({after.sent} deliveries in all; {delivery.failed} failed)"
    )
    if waiting:
        echo(
            f"  {waiting} digest-severity alerts wait for the daily digest at "
            f"{settings.digest_hour:02d}:00 {settings.timezone} (the first `monitor alerts send` "
            "or scheduler run after that hour sends it)"
        )
    echo("")
    echo("Where to look")
    echo(f"  database:  {settings.shown_database}")
    echo(f"  emails:    {outbox}/ ({_count_eml(outbox)} .eml files)")
    echo("  commands:  .venv/bin/monitor cases list; .venv/bin/monitor status")
    return 1 if failures or delivery.failed else 0


def _count_eml(folder: Path) -> int:
    return len(list(folder.glob("*.eml"))) if folder.exists() else 0
