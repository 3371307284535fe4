"""What every outlet spider does: feeds and listings in, article pages out, incrementally.

The set of articles already stored is read once when the spider starts (through
:func:`monitor.crawl.known_pages`); a listing is walked page by page only while it
still shows articles that are not known, and a known article is not requested again
unless the crawl was started with ``refetch``; then it is asked for conditionally
(``If-None-Match`` / ``If-Modified-Since`` from the stored validators).

Feeds and first listing pages are asked for conditionally on every run, with the
validators they were last served with (kept by the store pipeline after a clean run
only): a 304 means nothing new was published there, and costs the outlet no page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from monitor.crawl import KnownPage, known_pages, page_validators
from monitor.outlets import Outlet, get_outlet
from monitor.pages import PageError, parse_page
from monitor.pages.links import feed_links, listing_links, next_listing_page
from spiders.items import CrawledArticle

TRUE = {"1", "true", "yes", "on"}
GONE = {404, 410}
TEXT_TYPES = ("text/html", "application/xhtml", "text/plain", "application/xml", "text/xml")


class OutletSpider(scrapy.Spider):
    """Base of all outlet spiders; a subclass sets ``name`` and ``outlet_slug``."""

    outlet_slug: ClassVar[str]

    def __init__(
        self,
        base_url: str | None = None,
        refetch: str | bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.outlet: Outlet = get_outlet(self.outlet_slug)
        self.base_url = self.outlet.effective_base_url(base_url)
        self.refetch = str(refetch).strip().lower() in TRUE
        self.known: dict[str, KnownPage] = {}
        self.requested: set[str] = set()
        self.validators: dict[str, KnownPage] = {}  # of feeds and first listing pages
        self.served_validators: dict[str, tuple[str | None, str | None]] = {}
        self.unchanged_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> OutletSpider:
        spider: OutletSpider = super().from_crawler(crawler, *args, **kwargs)
        db_url = crawler.settings.get("MONITOR_DB_URL")
        if db_url:
            spider.known = known_pages(db_url, spider.outlet)
            spider.validators = page_validators(db_url, spider.outlet)
        return spider

    # --- entry points ------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for path in self.outlet.feeds:
            yield self.entry_request(self.base_url + path, self.parse_feed)
        for path in self.outlet.listings:
            url = self.base_url + path
            yield self.entry_request(url, self.parse_listing, listing=url, page=1)

    def entry_request(self, url: str, callback: Any, **cb_kwargs: Any) -> scrapy.Request:
        """A feed or first listing page, asked for conditionally when it was seen before."""
        headers: dict[str, str] = {}
        known = None if self.refetch else self.validators.get(url)
        if known is not None and known.etag:
            headers["If-None-Match"] = known.etag
        if known is not None and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return scrapy.Request(
            url,
            headers=headers,
            callback=callback,
            errback=self.on_error,
            cb_kwargs=cb_kwargs,
            meta={"handle_httpstatus_list": [304], "entry": url},
        )

    def unchanged(self, response: Response) -> bool:
        """True for a 304; otherwise note the validators the entry page came with."""
        if response.status == 304:
            self.count("listings_not_modified")
            self.unchanged_pages += 1
            return True
        entry = response.request.meta.get("entry") if response.request is not None else None
        etag, modified = _header(response, b"ETag"), _header(response, b"Last-Modified")
        if entry and (etag or modified):
            self.served_validators[str(entry)] = (etag, modified)
        return False

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if self.unchanged(response):
            return
        self.count("feeds")
        for url in feed_links(response.body, self.outlet, self.base_url):
            yield from self.article_request(url)

    def parse_listing(
        self, response: Response, listing: str, page: int
    ) -> Iterator[scrapy.Request]:
        if self.unchanged(response):
            return
        self.count("listing_pages")
        if not isinstance(response, TextResponse):
            return
        links = listing_links(response.text, response.url, self.outlet, self.base_url)
        unknown = [url for url in links if self.outlet.identity(url) not in self.known]
        for url in links:
            yield from self.article_request(url)
        if (unknown or self.refetch) and links and page < self.outlet.max_listing_pages:
            yield scrapy.Request(
                next_listing_page(self.outlet, listing, page + 1),
                callback=self.parse_listing,
                errback=self.on_error,
                cb_kwargs={"listing": listing, "page": page + 1},
            )

    def article_request(self, url: str) -> Iterator[scrapy.Request]:
        identity = self.outlet.identity(url)
        if identity in self.requested:
            return
        self.requested.add(identity)
        known = self.known.get(identity)
        headers: dict[str, str] = {}
        if known is not None:
            if not self.refetch:
                self.count("known_skipped")
                return
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        yield scrapy.Request(
            url,
            headers=headers,
            callback=self.parse_article,
            errback=self.on_error,
            meta={"handle_httpstatus_list": [304], "identity": identity},
        )

    def parse_article(self, response: Response) -> Iterator[CrawledArticle]:
        if response.status == 304:
            self.count("not_modified")
            return
        content_type = (_header(response, b"Content-Type") or "").lower()
        if content_type and not content_type.startswith(TEXT_TYPES):
            self.count("binary_skipped")
            self.logger.warning("not an HTML page (%s): %s", content_type, response.url)
            return
        try:
            article = parse_page(response.body, response.url, self.outlet, content_type)
        except (PageError, ValueError, LookupError) as error:
            self.count("errors")
            self.logger.warning("cannot parse %s: %s", response.url, error)
            return
        identity = str(response.meta.get("identity") or self.outlet.identity(response.url))
        self.fill_identity(article, response.url)
        yield CrawledArticle(
            article=article,
            identity=identity,
            fetched_url=response.url,
            html=response.body,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )

    def fill_identity(self, article: Any, fetched_url: str) -> None:
        """Keep the outlet's own URL even when a mirror or the replay site served it."""
        article.outlet = self.outlet.slug
        if not article.url or not self.outlet.owns(article.url):
            path = fetched_url.split("://", 1)[-1].split("/", 1)[-1]
            article.url = f"{self.outlet.base_url}/{path}"

    # --- bookkeeping -------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        error = failure.value
        if isinstance(error, HttpError):
            status = error.response.status
            if status in GONE:
                self.count("not_found")
                self.logger.info("gone (%s): %s", status, error.response.url)
                return
        self.count("errors")
        request = getattr(failure, "request", None)
        self.logger.warning("failed %s: %s", getattr(request, "url", "?"), failure.value)

    def count(self, what: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"monitor/{what}")


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
