from __future__ import annotations

from pathlib import Path

from monitor.demo.replay import SITE_ROOT
from monitor.model import Article
from monitor.outlets import get_outlet
from monitor.pages import parse_html, parse_page

FILES = Path(__file__).resolve().parents[1] / "files"

# Pages of the outlets read through their outlet files are the ones the demo's replay
# site serves (one copy, so the demo and the tests cannot drift apart); the Caucasian
# Knot pages in tests/files are the tests' own.
DEMO_PAGES = {
    (
        "turan",
        "article.html",
    ): "turan/en/politics/court-extends-detention-of-anar-mammadli-7734.html",
    ("turan", "listing.html"): "turan/en/politics.html",
    ("jamnews", "article.html"): (
        "jamnews/journalist-aziz-orujov-transferred-to-prison-after-verdict.html"
    ),
    ("jamnews", "feed.xml"): "jamnews/feed/index.xml",
    ("jamnews", "listing.html"): "jamnews/category/azerbaijan/index.html",
    (
        "oc_media",
        "article.html",
    ): "oc_media/talysh-scholar-igbal-abilov-moved-to-gobustan-prison.html",
    ("oc_media", "feed.xml"): "oc_media/feed/index.xml",
    (
        "meydan_tv",
        "article.html",
    ): "meydan_tv/en/article/sevinj-vagifgizi-denied-family-visits.html",
    ("meydan_tv", "listing.html"): "meydan_tv/en/news/index.html",
}


def saved(slug: str, name: str) -> bytes:
    demo = DEMO_PAGES.get((slug, name))
    return (SITE_ROOT / demo if demo else FILES / slug / name).read_bytes()


def parse_saved(
    slug: str, name: str, url: str | None = None, known_outlet: bool = False
) -> Article:
    raw = saved(slug, name)
    if known_outlet:
        return parse_page(raw, url, get_outlet(slug))
    return parse_html(raw, url)
