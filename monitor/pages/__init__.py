"""HTML article pages to :class:`~monitor.model.Article`.

:func:`parse_html` serves saved pages (``monitor analyze page.html``) and the spiders
alike: the outlet comes from the URL, the page's canonical link, or its structure; a page
of no known outlet is read by trafilatura. Listings and feeds: :mod:`monitor.pages.links`.
"""

from __future__ import annotations

from monitor.model import Article
from monitor.outlets import Outlet, outlet_for_url
from monitor.pages import generic, kavkaz_uzel
from monitor.pages.decode import decode_html
from monitor.pages.dom import PageError, flatten_deep, parse_tree

__all__ = ["PageError", "detect_outlet", "parse_html", "parse_page"]


def detect_outlet(html: str, url: str | None) -> Outlet | None:
    root = parse_tree(html)
    for candidate in (url, generic.canonical_url(root, url)):
        outlet = outlet_for_url(candidate)
        if outlet is not None:
            return outlet
    if kavkaz_uzel.looks_like(root):
        return kavkaz_uzel.edition_outlet(root, url)
    return None


def parse_page(
    raw: bytes, url: str | None, outlet: Outlet | None = None, content_type: str | None = None
) -> Article:
    """Parse one article page; ``outlet`` when the caller knows it (a spider does)."""
    html = flatten_deep(decode_html(raw, content_type))  # trafilatura reads it too
    root = parse_tree(html, flat=True)
    if outlet is None:
        outlet = detect_outlet(html, url)
    if outlet is not None and outlet.spider == "kavkaz_uzel":
        return kavkaz_uzel.parse(html, root, url)
    return generic.extract(html, root, outlet, url)


def parse_html(raw: bytes, url: str | None = None) -> Article:
    """The article in a saved or fetched HTML page (the contract's HTML article files)."""
    return parse_page(raw, url)
