"""Crawls that end: at their time limit, and at once when their host cannot be reached.

- :class:`CrawlDeadline` (an extension) stops the spider a little before
  ``MONITOR_CRAWL_TIME_LIMIT`` seconds (the outlet's limit, given by the crawl runner,
  which kills the process at the limit itself), so that the run closes with its figures
  and the reason ``time_limit``.
- :class:`ReachabilityMiddleware` (a downloader middleware) counts connection failures
  (the name does not resolve, the connection is refused, no route): after
  ``MONITOR_UNREACHABLE_AFTER`` in a row with no response in between, the host is down
  and the crawl ends with the reason ``unreachable``, instead of waiting out every retry
  and back-off of every queued page.

Stopping drops the requests waiting in the downloader's queues, and the middleware lets
no later one through (a queued page of a slow site would otherwise be fetched, and
waited for, before the spider may close); connections still open are cut (a hanging
page would hold the spider until its download timeout); then the spider is closed. The reason's
details go to the stat ``monitor/close_detail``, which the store pipeline writes into
the run's message.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    IgnoreRequest,
    NotConfigured,
)
from scrapy.http import Response
from scrapy.utils.asyncio import CallLaterResult, call_later
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import error as tx_errors
from twisted.python.failure import Failure

log = logging.getLogger(__name__)

UNREACHABLE = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    tx_errors.DNSLookupError,
    tx_errors.ConnectionRefusedError,
    tx_errors.NoRouteError,
)


def stop_crawl(crawler: Crawler, reason: str, detail: str) -> None:
    """Drop the queued requests and close the spider with ``reason``."""
    engine: Any = crawler.engine
    if engine is None or crawler.stats is None or crawler.stats.get_value("monitor/close_detail"):
        return  # not running, or stopping already
    crawler.stats.set_value("monitor/close_detail", detail)
    log.error("stopping the crawl (%s): %s", reason, detail)
    for slot in getattr(engine.downloader, "slots", {}).values():
        queue = getattr(slot, "queue", None)
        while queue:
            request, waiting = queue.popleft()
            dropped = IgnoreRequest(f"crawl stopped ({reason}): {request.url}")
            waiting.errback(Failure(dropped))  # type: ignore[no-untyped-call]
    _cut_connections()
    deferred_from_coro(engine.close_spider_async(reason=reason))


def _cut_connections() -> None:
    """Abort the HTTP connections still open (a page that hangs would hold the spider
    open until its download timeout): their requests fail at once and the spider closes
    with its figures. The process crawls one outlet, so all of them are this crawl's."""
    from twisted.internet import reactor, tcp

    running: Any = reactor
    selectables = {*running.getReaders(), *running.getWriters()}
    for selectable in selectables:
        if isinstance(selectable, tcp.Client):
            selectable.abortConnection()  # type: ignore[no-untyped-call]


def soft_deadline(limit: float) -> float:
    """When the spider stops itself: a fifth of the limit before it, at most 30 s."""
    return limit - min(30.0, limit / 5)


class CrawlDeadline:
    """``MONITOR_CRAWL_DEADLINE`` (a Unix time, from the crawl runner, which kills the
    process then) or else ``MONITOR_CRAWL_TIME_LIMIT`` seconds after the spider opens."""

    def __init__(self, crawler: Crawler, limit: float, deadline: float | None) -> None:
        self.crawler = crawler
        self.limit = limit
        self.deadline = deadline
        self.timer: CallLaterResult | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDeadline:
        limit = crawler.settings.getfloat("MONITOR_CRAWL_TIME_LIMIT", 0)
        if limit <= 0:
            raise NotConfigured("no time limit")
        deadline = crawler.settings.getfloat("MONITOR_CRAWL_DEADLINE", 0) or None
        extension = cls(crawler, limit, deadline)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        deadline = self.deadline or time.time() + self.limit
        stop_at = deadline - (self.limit - soft_deadline(self.limit))
        self.timer = call_later(max(stop_at - time.time(), 0.0), self.expire)

    def expire(self) -> None:
        self.timer = None
        stop_crawl(self.crawler, "time_limit", f"its time limit of {self.limit:g} s was reached")

    def spider_closed(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.timer = None


class ReachabilityMiddleware:
    def __init__(self, crawler: Crawler, after: int) -> None:
        self.crawler = crawler
        self.after = after
        self.failures = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReachabilityMiddleware:
        after = crawler.settings.getint("MONITOR_UNREACHABLE_AFTER", 3)
        if after <= 0:
            raise NotConfigured("unreachable hosts are retried like any error")
        return cls(crawler, after)

    def process_request(self, request: Request) -> None:
        """A stopping crawl downloads nothing more (requests that were waiting on
        robots.txt, or on a retry, reach the downloader after the queues were emptied)."""
        stats = self.crawler.stats
        if stats is not None and stats.get_value("monitor/close_detail"):
            raise IgnoreRequest(f"crawl stopped: {request.url}")

    def process_response(self, request: Request, response: Response) -> Response:
        self.failures = 0
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, UNREACHABLE):
            return
        self.failures += 1
        if self.failures >= self.after:
            host = request.url.split("://", 1)[-1].split("/", 1)[0]
            unresolved = isinstance(exception, (CannotResolveHostError, tx_errors.DNSLookupError))
            what = "does not resolve" if unresolved else "cannot be reached"
            stop_crawl(
                self.crawler,
                "unreachable",
                f"{host} {what}, {self.failures} attempts in a row: {exception}",
            )
