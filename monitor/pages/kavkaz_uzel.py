"""Caucasian Knot article pages, Russian and English editions, on any mirror.

An article is (edition, number): ``ck-ru:420287`` whether ``www.kavkaz-uzel.eu``,
``m.kavkaz-uzel.eu`` or ``caucasianknot.com`` served it. English items end with a link
to their Russian original, kept as :attr:`Article.alternate_url`.
"""

from __future__ import annotations

from urllib.parse import urljoin

from monitor.model import Article
from monitor.outlets import Outlet, all_outlets, outlet_for_url
from monitor.pages import generic
from monitor.pages.dom import HtmlElement, link_href, page_language

SLUGS = ("kavkaz_uzel_ru", "kavkaz_uzel_en")


def looks_like(root: HtmlElement) -> bool:
    """A Caucasian Knot page by its structure, when no URL says so."""
    return bool(root.xpath('//div[contains(concat(" ", @class, " "), " articles-body ")]'))


def edition_outlet(root: HtmlElement, url: str | None) -> Outlet:
    """The edition from the URL or canonical link, else from the page's language."""
    for candidate in (url, generic.canonical_url(root, url)):
        outlet = outlet_for_url(candidate)
        if outlet is not None and outlet.slug in SLUGS:
            return outlet
    slug = "kavkaz_uzel_en" if page_language(root) == "en" else "kavkaz_uzel_ru"
    return all_outlets()[slug]


def alternate(root: HtmlElement, outlet: Outlet, url: str | None) -> str | None:
    """The other edition's version: an ``hreflang`` link, else a link in the text to an
    article of the other edition (English items' closing note)."""
    other = all_outlets()["kavkaz_uzel_ru" if outlet.slug == "kavkaz_uzel_en" else "kavkaz_uzel_en"]
    href = link_href(root, "alternate", other.language)
    if href:
        return urljoin(url, href) if url else href
    for value in root.xpath('//a/@href[contains(., "/articles/")]'):
        link = urljoin(url, str(value)) if url else str(value)
        if other.owns(link) and other.number(link):
            return link
    return None


def parse(html: str, root: HtmlElement, url: str | None) -> Article:
    outlet = edition_outlet(root, url)
    alt = alternate(root, outlet, url)  # before the container is trimmed
    article = generic.extract(html, root, outlet, url)
    article.alternate_url = alt
    article.language = article.language or outlet.language
    article.edition = outlet.edition
    for candidate in (article.url, url):
        number = outlet.number(candidate) if candidate else None
        if number:
            article.number = number
            break
    return article
