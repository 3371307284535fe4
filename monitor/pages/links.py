"""Article links on listing pages and in RSS/Atom feeds, in page order, on the crawl's host.

Links to an outlet's real hosts are rewritten onto the base URL being crawled, so the
same listing works on the live site, a mirror, or the local replay site.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.etree

from monitor.outlets import Outlet
from monitor.pages.dom import PageError, parse_tree


def localize(url: str, outlet: Outlet, base_url: str) -> str:
    """``url`` moved onto ``base_url`` when it points at one of the outlet's hosts."""
    parts = urlsplit(url)
    if not outlet.owns(url):
        return url
    base = urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))


def _on_site(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base_url).netloc


def _unique(urls: list[str]) -> list[str]:
    seen: set[str] = set()
    ordered = []
    for url in urls:
        if url not in seen:
            seen.add(url)
            ordered.append(url)
    return ordered


def listing_links(html: str, page_url: str, outlet: Outlet, base_url: str) -> list[str]:
    """Article URLs linked from a listing page."""
    try:
        root = parse_tree(html)
    except PageError:
        return []
    found = []
    for href in root.xpath("//a/@href"):
        absolute = localize(urljoin(page_url, str(href).strip()).split("#")[0], outlet, base_url)
        if _on_site(absolute, base_url) and outlet.is_article(absolute):
            found.append(absolute)
    return _unique(found)


def feed_links(raw: bytes, outlet: Outlet, base_url: str) -> list[str]:
    """Article URLs of an RSS 2.0 or Atom feed."""
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = lxml.etree.fromstring(raw, parser=parser)
    except lxml.etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    hrefs = [str(t) for t in root.xpath("//*[local-name()='item']/*[local-name()='link']/text()")]
    hrefs += [str(h) for h in root.xpath("//*[local-name()='entry']/*[local-name()='link']/@href")]
    found = []
    for href in hrefs:
        absolute = localize(urljoin(base_url + "/", href.strip()), outlet, base_url)
        if _on_site(absolute, base_url) and outlet.is_article(absolute):
            found.append(absolute)
    return _unique(found)


def next_listing_page(outlet: Outlet, listing_url: str, page: int) -> str:
    """The URL of page ``page`` of a listing (``?page=2`` or WordPress ``page/2/``)."""
    suffix = outlet.pagination.format(page=page)
    if suffix.startswith("?"):
        return listing_url.split("?")[0] + suffix
    return listing_url.split("?")[0].rstrip("/") + "/" + suffix
