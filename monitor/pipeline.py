"""One pass of the whole pipeline: crawl, process, deliver. What `monitor run` calls.

A failing step is logged and reported, and the later steps still run: articles already
fetched are processed and alerts already raised are delivered even when one outlet is
down or the mail server is unreachable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.db.session import session_factory
from monitor.locks import DatabaseLock

log = logging.getLogger(__name__)


if TYPE_CHECKING:
    from monitor.crawl import CrawlSummary

EXIT_BUSY = 75  # EX_TEMPFAIL: another run holds the lock; try again later


@dataclass
class RunResult:
    reported: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    busy: bool = False

    def lines(self) -> list[str]:
        return self.reported + [f"FAILED: {failure}" for failure in self.failures]

    @property
    def exit_code(self) -> int:
        if self.busy:
            return EXIT_BUSY
        return 1 if self.failures else 0


def run_once(
    settings: Settings,
    outlets: list[str] | None = None,
    *,
    crawl: bool = True,
) -> RunResult:
    """One pass under the pipeline lock; if another run holds it, nothing is done."""
    sessions = session_factory(settings.database_url)
    lock = DatabaseLock(sessions, "pipeline")
    if not lock.try_acquire():
        return RunResult(reported=["another run is in progress; nothing done"], busy=True)
    try:
        return _run(settings, sessions, outlets, crawl)
    finally:
        lock.release()


def _run(
    settings: Settings, sessions: sessionmaker[Session], outlets: list[str] | None, crawl: bool
) -> RunResult:
    from monitor.alerts.outbox import send_and_check
    from monitor.crawl import run_crawl
    from monitor.processing import process_pending

    result = RunResult()
    if crawl:
        try:
            for summary in run_crawl(settings, outlets):
                result.reported.append(describe(summary))
                if summary.status != "finished":
                    result.failures.append(f"crawl of {summary.outlet}: {summary.status}")
        except Exception as error:
            log.exception("crawl failed")
            result.failures.append(f"crawl: {error}")
    try:
        report = process_pending(sessions)
        result.reported.append(
            f"processed {report.processed} articles: {report.matches} matches, "
            f"{report.needs_review} for review, {report.developments} new developments"
        )
        result.failures += report.errors
    except Exception as error:
        log.exception("processing failed")
        result.failures.append(f"process: {error}")
    try:
        sent, trouble = send_and_check(sessions, settings)
        result.reported.append(sent.summary())
        if trouble:
            result.failures.append(trouble)
    except Exception as error:
        log.exception("delivery failed")
        result.failures.append(f"alerts: {error}")
    return result


def describe(summary: CrawlSummary) -> str:
    return (
        f"crawled {summary.outlet}: {summary.pages} pages, {summary.new_articles} new articles, "
        f"{summary.errors} errors ({summary.status})"
    )
