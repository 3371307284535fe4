"""Downloader middlewares: back-off for failing domains, and redirect loops as errors.

Scrapy's retry middleware retries at once; this one doubles the delay of the failing
domain's download slot (up to ``MONITOR_BACKOFF_MAX_DELAY``) so retries are spaced out,
and AutoThrottle brings the delay down again once pages come back. Connection failures
(a name that does not resolve, a refused connection) are not load: they are left to
:mod:`spiders.limits`, which ends the crawl when the host is unreachable.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from w3lib.url import safe_url_string

from spiders.limits import UNREACHABLE

BACKOFF_STATUSES = {429, 500, 502, 503, 504, 522, 524}


class BackoffMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_delay = crawler.settings.getfloat("MONITOR_BACKOFF_MAX_DELAY", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in BACKOFF_STATUSES:
            self._back_off(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, UNREACHABLE):  # waiting does not make a name resolve
            self._back_off(request)

    def _back_off(self, request: Request) -> None:
        engine = self.crawler.engine
        if engine is None or self.max_delay <= 0:
            return
        downloader: Any = engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is None:
            return
        slot.delay = min(max(slot.delay * 2, 1.0), self.max_delay)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("monitor/backoffs")


class RedirectLoopMiddleware:
    """A redirect back to a page of the same chain (A → B → A) is an error of the crawl.

    Scrapy's duplicate filter would otherwise drop the repeated request without a word,
    and the page would be neither fetched nor counted. Placed nearer the downloader than
    the redirect middleware, it sees the redirect first; the IgnoreRequest it raises
    reaches the request's errback, which counts the error.
    """

    REDIRECTS = frozenset({301, 302, 303, 307, 308})

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in self.REDIRECTS or not location:
            return response
        target = urljoin(request.url, safe_url_string(location.decode("latin-1")))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("monitor/redirect_loops")
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        return response
