"""Keeping a crawler process of a distributed crawl alive while its peers still work.

With a shared queue (scrapy-redis), a process whose own requests are done may find the
queue empty for a moment while a peer is parsing a listing that will add more. This
extension holds the spider open until nothing has been scheduled or received for
``MONITOR_SHARED_IDLE_SECONDS`` and the shared queue is still empty. It is enabled only
when the scheduler is scrapy-redis's.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured


class SharedQueueIdle:
    def __init__(self, crawler: Crawler, grace: float) -> None:
        self.crawler = crawler
        self.grace = grace
        self.last_activity = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedQueueIdle:
        if not crawler.settings.get("SCHEDULER", "").startswith("scrapy_redis."):
            raise NotConfigured("not a distributed crawl")
        extension = cls(crawler, crawler.settings.getfloat("MONITOR_SHARED_IDLE_SECONDS", 8.0))
        crawler.signals.connect(extension.activity, signal=signals.request_scheduled)
        crawler.signals.connect(extension.activity, signal=signals.response_received)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        return extension

    def activity(self, *args: Any, **kwargs: Any) -> None:
        self.last_activity = time.monotonic()

    def spider_idle(self, spider: Any) -> None:
        if time.monotonic() - self.last_activity < self.grace:
            raise DontCloseSpider("peers of this distributed crawl may still add requests")
