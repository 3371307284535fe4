"""Article links from listings and feeds, moved onto the host being crawled."""

from __future__ import annotations

from monitor.outlets import get_outlet
from monitor.pages.links import feed_links, listing_links, localize, next_listing_page
from tests.pages.helpers import saved

REPLAY = "http://127.0.0.1:8999"


def test_listing_links_are_articles_only_in_page_order() -> None:
    outlet = get_outlet("kavkaz_uzel_ru")
    html = saved("kavkaz_uzel_ru", "listing.html").decode()
    links = listing_links(html, REPLAY + "/rubric/41", outlet, REPLAY)
    assert links == [REPLAY + "/articles/410777", REPLAY + "/articles/410776"]


def test_feed_links_on_the_real_host_are_moved_onto_the_crawled_host() -> None:
    outlet = get_outlet("kavkaz_uzel_ru")
    links = feed_links(saved("kavkaz_uzel_ru", "feed.rss"), outlet, REPLAY)
    assert links == [REPLAY + "/articles/410777", REPLAY + "/articles/410776"]


def test_wordpress_listing_skips_categories_and_tags() -> None:
    outlet = get_outlet("jamnews")
    html = saved("jamnews", "listing.html").decode()
    links = listing_links(html, REPLAY + "/category/azerbaijan/", outlet, REPLAY)
    assert links == [REPLAY + "/journalist-aziz-orujov-transferred-to-prison-after-verdict/"]


def test_fragment_links_are_the_same_article() -> None:
    outlet = get_outlet("turan")
    html = saved("turan", "listing.html").decode()
    assert len(listing_links(html, REPLAY + "/en/politics", outlet, REPLAY)) == 1


def test_links_to_other_sites_stay_where_they_are() -> None:
    outlet = get_outlet("turan")
    assert localize("https://example.org/en/x-1", outlet, REPLAY) == "https://example.org/en/x-1"


def test_pagination_styles() -> None:
    assert next_listing_page(get_outlet("kavkaz_uzel_en"), "http://h/rubric/10", 2) == (
        "http://h/rubric/10?page=2"
    )
    assert next_listing_page(get_outlet("oc_media"), "http://h/category/news/", 3) == (
        "http://h/category/news/page/3/"
    )
