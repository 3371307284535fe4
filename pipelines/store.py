"""Storing crawled articles (:func:`monitor.store.store_article`) and the run's figures.

One ``crawl_runs`` row per spider run: opened when the spider opens, completed when it
closes with pages fetched, new articles, bodiless articles, errors and duration.
Articles are committed in small batches (every ``MONITOR_STORE_BATCH`` items or
``MONITOR_STORE_SECONDS``): a crash loses at most one batch, which the next run fetches
again because it was never known.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.db.session import session_factory, session_scope, upgrade
from monitor.store import ensure_outlet, store_article
from spiders.items import CrawledArticle


class StorePipeline:
    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.run_id: int | None = None
        self.started = time.monotonic()
        self.counts = {"new": 0, "updated": 0, "unchanged": 0, "bodiless": 0}
        self.session: Session | None = None
        self.pending = 0
        self.last_commit = time.monotonic()
        self.batch = int(crawler.settings.getint("MONITOR_STORE_BATCH", 50))
        self.seconds = crawler.settings.getfloat("MONITOR_STORE_SECONDS", 2.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler, crawler.settings.get("MONITOR_DB_URL"))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider: Any = self.crawler.spider
        outlet = spider.outlet
        upgrade(self.db_url)
        with session_scope(self.db_url) as session:
            ensure_outlet(session, outlet.slug, outlet.name, outlet.language)
            run = db.CrawlRun(outlet_slug=outlet.slug, status="running")
            session.add(run)
            session.flush()
            self.run_id = run.id
        self.started = time.monotonic()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CrawledArticle):
            return item
        if item.bodiless:
            self.counts["bodiless"] += 1
            self.crawler.spider.logger.warning("no body found: %s", item.fetched_url)  # type: ignore[union-attr]
            return item
        if self.session is None:
            self.session = session_factory(self.db_url)()
        result = store_article(
            self.session,
            item.article,
            html=item.html,
            etag=item.etag,
            last_modified=item.last_modified,
        )
        self.counts[result.outcome] += 1
        self.pending += 1
        if self.pending >= self.batch or time.monotonic() - self.last_commit > self.seconds:
            self.commit()
        return item

    def commit(self) -> None:
        if self.session is not None:
            self.session.commit()
        self.pending = 0
        self.last_commit = time.monotonic()

    def close_spider(self) -> None:
        self.commit()
        if self.session is not None:
            self.session.close()
            self.session = None

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None:
            return
        stats: Any = self.crawler.stats

        def value(key: str) -> int:
            return int(stats.get_value(key, 0) or 0) if stats is not None else 0

        errors = value("monitor/errors") + value("spider_exceptions/count")
        pages = value("response_received_count")
        status = "finished" if reason == "finished" else "failed"
        if pages == 0 and errors:
            status = "failed"
        with session_scope(self.db_url) as session:
            run = session.get(db.CrawlRun, self.run_id)
            if run is None:
                return
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
                f"not modified {value('monitor/not_modified')}, gone {value('monitor/not_found')}"
            )
