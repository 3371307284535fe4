"""Storing crawled articles (:func:`monitor.store.store_article`) and the run's figures.

One ``crawl_runs`` row per spider run: opened when the spider opens, completed when it
closes with pages fetched, new articles, bodiless articles, errors and duration.

Articles are kept in memory and written in small batches, each in one short
transaction (every ``MONITOR_STORE_BATCH`` items, and every ``MONITOR_STORE_SECONDS``
while any is waiting): no transaction is ever open while the crawler waits on the
network, so a slow outlet never holds SQLite's write lock against the other writers (the
other outlets' crawls, `monitor subscribers add`, processing). All spiders of a process
share the buffer (Twisted runs every pipeline in one thread). A crash loses at most the
articles not yet written, which the next run fetches again because they were never
known; a batch the database refuses is written again one article at a time, so one bad
article fails alone.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from twisted.internet import task

from monitor.db import models as db
from monitor.db.session import session_factory, session_scope, upgrade
from monitor.model import Article
from monitor.store import ensure_outlet, forget_validators, remember_validators, store_article
from spiders.items import CrawledArticle

log = logging.getLogger(__name__)

Outcome = Callable[[str], None]  # told "new", "updated", "unchanged" or "failed"


class SharedWriter:
    """One buffer per database and process, written in short transactions."""

    writers: dict[str, SharedWriter] = {}  # noqa: RUF012 (one registry per process)

    def __init__(self, db_url: str, batch: int, seconds: float) -> None:
        self.db_url = db_url
        self.batch = batch
        self.seconds = seconds
        self.sessions = session_factory(db_url)
        self.waiting: list[tuple[CrawledArticle, Outcome]] = []
        self.users = 0
        self.timer = task.LoopingCall(self.write)

    @classmethod
    def acquire(cls, db_url: str, batch: int, seconds: float) -> SharedWriter:
        writer = cls.writers.get(db_url)
        if writer is None:
            writer = cls.writers[db_url] = cls(db_url, batch, seconds)
        if not writer.timer.running and writer.seconds > 0:
            writer.timer.start(writer.seconds, now=False)
        writer.users += 1
        return writer

    def add(self, item: CrawledArticle, outcome: Outcome) -> None:
        self.waiting.append((item, outcome))
        if len(self.waiting) >= self.batch:
            self.write()

    def write(self) -> None:
        """Write what is waiting: one transaction, or one per article if that fails."""
        batch, self.waiting = self.waiting, []
        if not batch:
            return
        try:
            with self.sessions() as session:
                outcomes = [_store(session, item) for item, _ in batch]
                session.commit()
        except SQLAlchemyError as error:
            log.warning(
                "a batch of %d articles failed (%s); writing them one by one", len(batch), error
            )
            outcomes = [self._write_one(item) for item, _ in batch]
        for (_, tell), outcome in zip(batch, outcomes, strict=True):
            tell(outcome)

    def _write_one(self, item: CrawledArticle) -> str:
        try:
            with self.sessions() as session:
                outcome = _store(session, item)
                session.commit()
                return outcome
        except SQLAlchemyError as error:
            log.error("cannot store %s: %s", describe(item.article), error)
            return "failed"

    def release(self) -> None:
        self.write()
        self.users -= 1
        if self.users <= 0:
            if self.timer.running:
                self.timer.stop()
            self.writers.pop(self.db_url, None)


def _store(session: Session, item: CrawledArticle) -> str:
    return store_article(
        session,
        item.article,
        html=item.html,
        etag=item.etag,
        last_modified=item.last_modified,
    ).outcome


class StorePipeline:
    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.run_id: int | None = None
        self.started = time.monotonic()
        self.counts = {"new": 0, "updated": 0, "unchanged": 0, "bodiless": 0, "failed": 0}
        self.writer: SharedWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler, crawler.settings.get("MONITOR_DB_URL"))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider: Any = self.crawler.spider
        outlet = spider.outlet
        upgrade(self.db_url)
        settings = self.crawler.settings
        with session_scope(self.db_url) as session:
            ensure_outlet(session, outlet.slug, outlet.name, outlet.language)
            run = db.CrawlRun(outlet_slug=outlet.slug, status="running")
            session.add(run)
            session.flush()
            self.run_id = run.id
        self.writer = SharedWriter.acquire(
            self.db_url,
            settings.getint("MONITOR_STORE_BATCH", 50),
            settings.getfloat("MONITOR_STORE_SECONDS", 2.0),
        )
        self.started = time.monotonic()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CrawledArticle) or self.writer is None:
            return item
        spider: Any = self.crawler.spider
        if item.bodiless:
            self.counts["bodiless"] += 1
            spider.logger.warning("no body found: %s", item.fetched_url)
            return item
        self.writer.add(item, self._count)
        return item

    def _count(self, outcome: str) -> None:
        self.counts[outcome] += 1

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.write()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None or self.writer is None:
            return
        writer, self.writer = self.writer, None
        writer.release()  # every article of this run is written (and counted) first
        stats: Any = self.crawler.stats

        def value(key: str) -> int:
            return int(stats.get_value(key, 0) or 0) if stats is not None else 0

        errors = value("monitor/errors") + value("spider_exceptions/count") + self.counts["failed"]
        pages = value("response_received_count")
        status = "finished" if reason == "finished" else "failed"
        if pages == 0 and errors:
            status = "failed"
        why = stats.get_value("monitor/close_detail") if stats is not None else None
        with session_scope(self.db_url) as session:
            run = session.get(db.CrawlRun, self.run_id)
            if run is None:
                return
            if status == "finished" and errors == 0 and self.counts["bodiless"] == 0:
                served = getattr(spider, "served_validators", {})
                remember_validators(session, run.outlet_slug, served)
            else:  # the next run reads every feed and listing in full, to retry what failed
                forget_validators(session, run.outlet_slug)
            run.finished_at = dt.datetime.now(dt.UTC)
            run.status = status
            run.pages = pages
            run.new_articles = self.counts["new"]
            run.bodiless_articles = self.counts["bodiless"]
            run.errors = errors
            run.duration_s = round(time.monotonic() - self.started, 3)
            run.message = (
                f"{reason}{f' ({why})' if why else ''}; updated {self.counts['updated']}, "
                f"unchanged {self.counts['unchanged']}, known skipped "
                f"{value('monitor/known_skipped')}, not modified {value('monitor/not_modified')}, "
                f"gone {value('monitor/not_found')}, listings not modified "
                f"{value('monitor/listings_not_modified')}, redirect loops "
                f"{value('monitor/redirect_loops')}"
            )


def describe(article: Article) -> str:
    return article.url or article.title
