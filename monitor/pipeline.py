"""One pass of the whole pipeline: crawl, process, deliver. What `monitor run` calls.

A failing step is logged and reported, and the later steps still run: articles already
fetched are processed and alerts already raised are delivered even when one outlet is
down or the mail server is unreachable. Each outlet is crawled in its own process, and
what an outlet brought is processed and delivered as soon as its crawl ends, so one slow
outlet does not hold back the alerts of the others. The crawlers' process groups are
recorded with the pipeline lock: a run killed with -9 takes its crawlers with it, and
the lock is not taken over before they are gone.
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
    if not lock.try_acquire():  # held, or SQLite busy beyond its patience: exit 75 either way
        return RunResult(reported=["another run is in progress; nothing done"], busy=True)
    try:
        return _run(settings, sessions, outlets, crawl, lock)
    finally:
        lock.release()


def _run(
    settings: Settings,
    sessions: sessionmaker[Session],
    outlets: list[str] | None,
    crawl: bool,
    lock: DatabaseLock,
) -> RunResult:
    from monitor.crawl import run_crawl

    result = RunResult()

    def use_at_once(summary: CrawlSummary) -> None:
        """An outlet's crawl ended: its articles are processed and delivered now, not
        after the slowest outlet."""
        result.reported.append(describe(summary))
        if summary.status != "finished":
            result.failures.append(f"crawl of {summary.outlet}: {summary.status}")
        if summary.new_articles:
            _process(sessions, result)
            _deliver(sessions, settings, result, early=True)

    if crawl:
        try:
            run_crawl(
                settings,
                outlets,
                on_finished=use_at_once,
                started=lock.add_child,
                ended=lock.remove_child,
            )
        except Exception as error:
            log.exception("crawl failed")
            result.failures.append(f"crawl: {error}")
    _process(sessions, result)
    _deliver(sessions, settings, result)
    return result


def _process(sessions: sessionmaker[Session], result: RunResult) -> None:
    from monitor.processing import process_pending

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


def _deliver(
    sessions: sessionmaker[Session], settings: Settings, result: RunResult, early: bool = False
) -> None:
    """Deliver what is due; the last delivery of a run says whether deliveries fail."""
    from monitor.alerts.outbox import send_and_check

    try:
        sent, trouble = send_and_check(sessions, settings)
        result.reported += sent.lines()
        if trouble and not early:
            result.failures.append(trouble)
    except Exception as error:
        log.exception("delivery failed")
        result.failures.append(f"alerts: {error}")


def describe(summary: CrawlSummary) -> str:
    return (
        f"crawled {summary.outlet}: {summary.pages} pages, {summary.new_articles} new articles, "
        f"{summary.errors} errors ({summary.status})"
    )
