"""Spiders on saved pages, no network: what they request and what they yield."""

from __future__ import annotations

import asyncio
from typing import Any

import scrapy
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.settings import Settings as ScrapySettings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.test import get_crawler

from monitor.crawl import KnownPage
from spiders.items import CrawledArticle
from spiders.kavkaz_uzel_ru import KavkazUzelRuSpider
from spiders.outlet_feeds import FeedAndListingSpider
from tests.pages.helpers import saved

BASE = "http://127.0.0.1:8999"


def make(cls: type[Any], **kwargs: Any) -> Any:
    crawler = get_crawler(cls, {"MONITOR_DB_URL": ""})
    spider = cls.from_crawler(crawler, base_url=BASE, **kwargs)
    crawler.spider = spider
    return spider


def listing_response(slug: str, name: str, path: str) -> HtmlResponse:
    return HtmlResponse(url=BASE + path, body=saved(slug, name), encoding="utf-8")


def test_every_outlet_file_has_a_spider_named_by_its_slug() -> None:
    names = set(SpiderLoader(ScrapySettings({"SPIDER_MODULES": ["spiders"]})).list())
    assert {
        "kavkaz_uzel_ru",
        "kavkaz_uzel_en",
        "turan",
        "jamnews",
        "oc_media",
        "meydan_tv",
    } <= names


def test_listing_gives_article_requests_and_the_next_page() -> None:
    spider = make(KavkazUzelRuSpider)
    out = list(
        spider.parse_listing(
            listing_response("kavkaz_uzel_ru", "listing.html", "/rubric/41"),
            listing=BASE + "/rubric/41",
            page=1,
        )
    )
    urls = [r.url for r in out]
    assert urls == [
        BASE + "/articles/410777",
        BASE + "/articles/410776",
        BASE + "/rubric/41?page=2",
    ]


def test_known_articles_are_not_requested_and_the_walk_stops() -> None:
    spider = make(KavkazUzelRuSpider)
    spider.known = {"ck-ru:410777": KnownPage(), "ck-ru:410776": KnownPage()}
    out = list(
        spider.parse_listing(
            listing_response("kavkaz_uzel_ru", "listing.html", "/rubric/41"),
            listing=BASE + "/rubric/41",
            page=1,
        )
    )
    assert out == []


def test_refetch_asks_for_known_articles_conditionally() -> None:
    spider = make(KavkazUzelRuSpider, refetch="1")
    spider.known = {
        "ck-ru:410777": KnownPage(etag='"abc"', last_modified="Wed, 16 Jul 2025 00:00:00 GMT")
    }
    [request] = list(spider.article_request(BASE + "/articles/410777"))
    assert request.headers.get("If-None-Match") == b'"abc"'
    assert request.headers.get("If-Modified-Since") == b"Wed, 16 Jul 2025 00:00:00 GMT"


VALIDATED = KnownPage(etag='"l1"', last_modified="Mon, 30 Nov 2026 06:00:00 GMT")


def start_requests(spider: Any) -> list[Request]:
    async def collect() -> list[Request]:
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def test_feeds_and_listings_seen_before_are_asked_for_conditionally() -> None:
    spider = make(KavkazUzelRuSpider)
    spider.validators = {BASE + "/rubric/41": VALIDATED}
    by_url = {request.url: request for request in start_requests(spider)}
    listing = by_url[BASE + "/rubric/41"]
    assert listing.headers.get("If-None-Match") == b'"l1"'
    assert listing.headers.get("If-Modified-Since") == b"Mon, 30 Nov 2026 06:00:00 GMT"
    assert not by_url[BASE + "/articles.rss"].headers.get("If-None-Match")  # never seen


def test_refetch_reads_feeds_and_listings_in_full() -> None:
    spider = make(KavkazUzelRuSpider, refetch="1")
    spider.validators = {BASE + "/rubric/41": VALIDATED}
    by_url = {request.url: request for request in start_requests(spider)}
    assert not by_url[BASE + "/rubric/41"].headers.get("If-None-Match")


def test_a_listing_not_modified_gives_nothing_and_no_number_walk() -> None:
    spider = make(KavkazUzelRuSpider)
    request = Request(BASE + "/rubric/41", meta={"entry": BASE + "/rubric/41"})
    unchanged = HtmlResponse(url=request.url, status=304, body=b"", request=request)
    assert list(spider.parse_listing(unchanged, listing=request.url, page=1)) == []
    assert spider.unchanged_pages == 1 and spider.served_validators == {}
    spider.known = {"ck-ru:410700": KnownPage()}
    spider.on_idle()  # would raise DontCloseSpider to walk numbers
    assert not spider.walked


def test_the_validators_a_listing_is_served_with_are_noted_for_the_next_run() -> None:
    spider = make(KavkazUzelRuSpider)
    request = Request(BASE + "/rubric/41", meta={"entry": BASE + "/rubric/41"})
    response = HtmlResponse(
        url=request.url,
        body=saved("kavkaz_uzel_ru", "listing.html"),
        encoding="utf-8",
        headers={"ETag": '"l2"'},
        request=request,
    )
    list(spider.parse_listing(response, listing=request.url, page=1))
    assert spider.served_validators == {BASE + "/rubric/41": ('"l2"', None)}


def test_the_same_article_from_feed_and_listing_is_requested_once() -> None:
    spider = make(KavkazUzelRuSpider)
    feed = XmlResponse(url=BASE + "/articles.rss", body=saved("kavkaz_uzel_ru", "feed.rss"))
    from_feed = list(spider.parse_feed(feed))
    from_listing = list(
        spider.parse_listing(
            listing_response("kavkaz_uzel_ru", "listing.html", "/rubric/41"),
            listing=BASE + "/rubric/41",
            page=1,
        )
    )
    assert len(from_feed) == 2
    assert [r.url for r in from_listing] == [BASE + "/rubric/41?page=2"]


def test_article_page_becomes_a_typed_item_with_the_outlet_identity() -> None:
    spider = make(KavkazUzelRuSpider)
    request = Request(BASE + "/articles/410777", meta={"identity": "ck-ru:410777"})
    response = HtmlResponse(
        url=request.url,
        body=saved("kavkaz_uzel_ru", "article_410777.html"),
        headers={"ETag": '"e1"', "Content-Type": "text/html"},
        request=request,
    )
    [item] = list(spider.parse_article(response))
    assert isinstance(item, CrawledArticle)
    assert item.identity == "ck-ru:410777" and item.etag == '"e1"'
    assert item.article.url == "https://www.kavkaz-uzel.eu/articles/410777"
    assert not item.bodiless


def test_binary_responses_yield_nothing() -> None:
    spider = make(KavkazUzelRuSpider)
    response = scrapy.http.Response(
        url=BASE + "/articles/1", body=b"\x00\x01", headers={"Content-Type": "image/png"}
    )
    assert list(spider.parse_article(response)) == []


def test_generic_outlet_page_without_canonical_link_keeps_the_outlet_address() -> None:
    from spiders import outlet_feeds

    spider = make(outlet_feeds.TuranSpider)
    assert isinstance(spider, FeedAndListingSpider)
    body = (
        b"<html><body><article><h1>Title</h1>"
        b"<p>A court in Baku ruled today.</p></article></body></html>"
    )
    request = Request(BASE + "/en/politics/a-ruling-12")
    response = HtmlResponse(
        url=request.url, body=body, headers={"Content-Type": "text/html"}, request=request
    )
    [item] = list(spider.parse_article(response))
    assert item.article.url == "https://turan.az/en/politics/a-ruling-12"
