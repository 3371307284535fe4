"""Caucasian Knot: the base shared by the Russian and English edition spiders.

Both editions number their articles. When neither feed nor listing gave a single link
nor answered "not modified" (the English edition has no known feed, and listings move),
the spider walks article
numbers upward from the highest one stored, until a run of missing numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.base import OutletSpider

NUMBER_WALK_MISSES = 5


class KavkazUzelSpider(OutletSpider):
    """Feed and rubric listings first; article numbers as the fallback."""

    found_links = 0
    walked = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> KavkazUzelSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, KavkazUzelSpider)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def article_request(self, url: str) -> Iterator[scrapy.Request]:
        self.found_links += 1
        yield from super().article_request(url)

    def highest_known_number(self) -> int | None:
        prefix = f"{self.outlet.edition}:"
        numbers = [int(k[len(prefix) :]) for k in self.known if k.startswith(prefix)]
        return max(numbers) if numbers else None

    def on_idle(self) -> None:
        if self.walked or self.found_links or self.unchanged_pages:
            return
        self.walked = True
        highest = self.highest_known_number()
        if highest is None:
            return
        self.logger.info("no links in feeds or listings: walking numbers after %s", highest)
        engine: Any = self.crawler.engine
        engine.crawl(self.number_walk(highest))
        raise DontCloseSpider

    def number_walk(self, after: int, misses: int = 0) -> scrapy.Request:
        number = after + 1
        return scrapy.Request(
            f"{self.base_url}/articles/{number}",
            callback=self.parse_walked,
            errback=self.walk_missed,
            meta={"identity": f"{self.outlet.edition}:{number}", "walk": (number, misses)},
        )

    def parse_walked(self, response: Response) -> Iterator[Any]:
        number, _ = response.meta["walk"]
        self.count("walked")
        yield from self.parse_article(response)
        yield self.number_walk(number, 0)

    def walk_missed(self, failure: Failure) -> Iterator[scrapy.Request]:
        number, misses = failure.request.meta["walk"]  # type: ignore[attr-defined]
        self.count("walk_missed")
        if misses + 1 < NUMBER_WALK_MISSES:
            yield self.number_walk(number, misses + 1)
