"""Storing crawled articles (:func:`monitor.store.store_article`) and the run's figures.

One ``crawl_runs`` row per spider run: opened when the spider opens, completed when it
closes with pages fetched, new articles, bodiless articles, errors and duration.

All spiders of a process write through one shared session (SQLite has one writer, and
Twisted runs every pipeline in one thread), committed in small batches (every
``MONITOR_STORE_BATCH`` items or ``MONITOR_STORE_SECONDS``): a crash loses at most one
batch, which the next run fetches again because it was never known.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.db.session import session_factory, upgrade
from monitor.model import Article
from monitor.store import (
    StoreResult,
    ensure_outlet,
    forget_validators,
    remember_validators,
    store_article,
)
from spiders.items import CrawledArticle


class SharedWriter:
    """One session per database and process, committed in batches."""

    writers: dict[str, SharedWriter] = {}  # noqa: RUF012 (one registry per process)

    def __init__(self, db_url: str, batch: int, seconds: float) -> None:
        self.db_url = db_url
        self.batch = batch
        self.seconds = seconds
        self.session: Session = session_factory(db_url)()
        self.pending = 0
        self.last_commit = time.monotonic()
        self.users = 0

    @classmethod
    def acquire(cls, db_url: str, batch: int, seconds: float) -> SharedWriter:
        writer = cls.writers.get(db_url)
        if writer is None:
            writer = cls.writers[db_url] = cls(db_url, batch, seconds)
        writer.users += 1
        return writer

    def store(self, item: CrawledArticle) -> StoreResult:
        try:
            result = store_article(
                self.session,
                item.article,
                html=item.html,
                etag=item.etag,
                last_modified=item.last_modified,
            )
        except SQLAlchemyError:
            self.session.rollback()  # the batch is lost; those articles stay unknown
            self.pending = 0
            raise
        self.pending += 1
        if self.pending >= self.batch or time.monotonic() - self.last_commit > self.seconds:
            self.commit()
        return result

    def commit(self) -> None:
        self.session.commit()
        self.pending = 0
        self.last_commit = time.monotonic()

    def release(self) -> None:
        self.commit()
        self.users -= 1
        if self.users <= 0:
            self.session.close()
            self.writers.pop(self.db_url, None)


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
        self.writer = SharedWriter.acquire(
            self.db_url,
            settings.getint("MONITOR_STORE_BATCH", 50),
            settings.getfloat("MONITOR_STORE_SECONDS", 2.0),
        )
        session = self.writer.session
        ensure_outlet(session, outlet.slug, outlet.name, outlet.language)
        run = db.CrawlRun(outlet_slug=outlet.slug, status="running")
        session.add(run)
        self.writer.commit()
        self.run_id = run.id
        self.started = time.monotonic()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CrawledArticle) or self.writer is None:
            return item
        spider: Any = self.crawler.spider
        if item.bodiless:
            self.counts["bodiless"] += 1
            spider.logger.warning("no body found: %s", item.fetched_url)
            return item
        try:
            result = self.writer.store(item)
        except SQLAlchemyError as error:
            self.counts["failed"] += 1
            spider.logger.error("cannot store %s: %s", describe(item.article), error)
            return item
        self.counts[result.outcome] += 1
        return item

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.commit()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None or self.writer is None:
            return
        stats: Any = self.crawler.stats

        def value(key: str) -> int:
            return int(stats.get_value(key, 0) or 0) if stats is not None else 0

        errors = value("monitor/errors") + value("spider_exceptions/count") + self.counts["failed"]
        pages = value("response_received_count")
        status = "finished" if reason == "finished" else "failed"
        if pages == 0 and errors:
            status = "failed"
        writer, self.writer = self.writer, None
        run = writer.session.get(db.CrawlRun, self.run_id)
        if run is not None:
            if status == "finished" and errors == 0 and self.counts["bodiless"] == 0:
                served = getattr(spider, "served_validators", {})
                remember_validators(writer.session, run.outlet_slug, served)
            else:  # the next run reads every feed and listing in full, to retry what failed
                forget_validators(writer.session, run.outlet_slug)
            run.finished_at = dt.datetime.now(dt.UTC)
            run.status = status
            run.pages = pages
            run.new_articles = self.counts["new"]
            run.bodiless_articles = self.counts["bodiless"]
            run.errors = errors
            run.duration_s = round(time.monotonic() - self.started, 3)
            run.message = (
                f"{reason}; updated {self.counts['updated']}, unchanged "
                f"{self.counts['unchanged']}, known skipped {value('monitor/known_skipped')}, "
                f"not modified {value('monitor/not_modified')}, gone {value('monitor/not_found')}, "
                f"listings not modified {value('monitor/listings_not_modified')}"
            )
        writer.release()


def describe(article: Article) -> str:
    return article.url or article.title
