"""Article pages of any outlet, read with the selectors of its outlet file.

The outlet file names the article container, the title, date and author; what the
container holds goes through :func:`monitor.boilerplate.clean_paragraphs`. A page whose
container is missing or empty falls back to trafilatura, so a layout change degrades to
a plainer extraction instead of nothing (the crawl health checks report it either way).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

import trafilatura

from monitor.boilerplate import clean_paragraphs
from monitor.model import Article, Paragraph
from monitor.outlets import Outlet
from monitor.pages.dates import parse_dateline, parse_iso
from monitor.pages.dom import (
    HtmlElement,
    block_lines,
    clean_text,
    drop,
    first_text,
    link_href,
    meta,
    page_language,
    select,
)

BYLINE = re.compile(
    r"^(?:автор|author)\s*:\s*(?P<name>[^;:]+?)\s*(?:[;,.]?\s*(?:источник|source)\s*:.*)?$",
    re.I,
)
DEFAULT_DROP = ("script", "style", "noscript", "template", "iframe", "form")


def canonical_url(root: HtmlElement, url: str | None) -> str | None:
    href = link_href(root, "canonical") or meta(root, "og:url")
    if href:
        return urljoin(url, href) if url else href
    return url


def publication_time(
    root: HtmlElement, container: HtmlElement | None, outlet: Outlet | None, lines: list[str]
) -> dt.datetime | None:
    zone = outlet.timezone if outlet else "UTC"
    stamp = parse_iso(meta(root, "article:published_time", "datePublished", "pubdate"), zone)
    if stamp:
        return stamp
    scope = container if container is not None else root
    for value in scope.xpath(".//time/@datetime"):
        stamp = parse_iso(str(value), zone)
        if stamp:
            return stamp
    selectors = outlet.selectors.date if outlet else ("time",)
    for element in select(root, selectors):
        stamp = parse_dateline(clean_text(element.text_content()), zone)
        if stamp:
            return stamp
    for line in lines[:8]:
        stamp = parse_dateline(line, zone)
        if stamp:
            return stamp
    return None


def drop_datelines(container: HtmlElement, selectors: tuple[str, ...]) -> None:
    """Remove the dateline elements once read: an old-style dateline ("16 July 2013,
    01:39") looks like the first timestamp of an "All news" sidebar to the boilerplate
    rules, which would cut the body from there on."""
    for element in select(container, selectors):
        if len(clean_text(element.text_content())) <= 60 and element.getparent() is not None:
            element.drop_tree()


def byline(lines: list[str]) -> str | None:
    for line in lines:
        match = BYLINE.match(line)
        if match and len(match.group("name").split()) <= 6:
            return match.group("name").strip()
    return None


def trafilatura_fallback(
    html: str, url: str | None
) -> tuple[str | None, list[str], str | None, str | None]:
    """Title, body lines, date (ISO) and author as trafilatura sees the page."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None:
        return None, [], None, None
    data = document if isinstance(document, dict) else document.as_dict()
    text = str(data.get("text") or "")
    return data.get("title"), text.splitlines(), data.get("date"), data.get("author")


def extract(
    html: str,
    root: HtmlElement,
    outlet: Outlet | None,
    url: str | None,
) -> Article:
    """An :class:`Article` from a parsed page; identity fields are left to the caller."""
    canonical = canonical_url(root, url)
    language = page_language(root) or (outlet.language_for(canonical) if outlet else None)
    selectors = outlet.selectors if outlet else None
    containers = select(root, selectors.container) if selectors else []
    container = containers[0] if containers else None
    title = first_text(container, selectors.title) if container is not None and selectors else None
    title = title or first_text(root, selectors.title if selectors else ("h1",))
    title = title or meta(root, "og:title")
    published = None
    lines: list[str] = []
    author = first_text(root, selectors.author) if selectors and selectors.author else None
    if container is not None:
        published = publication_time(root, container, outlet, [])  # before dropping parts
        drop(container, (*DEFAULT_DROP, *(selectors.drop if selectors else ())))
        drop_datelines(container, selectors.date if selectors else ())
        lines = block_lines(container)
        published = published or publication_time(root, container, outlet, lines)
        author = author or byline(lines)
    paragraphs = _body(lines, title, language)
    if not paragraphs:
        fb_title, fb_lines, fb_date, fb_author = trafilatura_fallback(html, canonical)
        title = title or fb_title
        paragraphs = _body(fb_lines, title, language)
        author = author or fb_author or byline(fb_lines)
        published = published or publication_time(root, None, outlet, fb_lines)
        if published is None and fb_date:
            published = parse_iso(fb_date, outlet.timezone if outlet else "UTC")
    if author is None:
        author = meta(root, "author", "article:author")
        if author and author.startswith("http"):
            author = None
    return Article(
        title=clean_text(title or ""),
        paragraphs=paragraphs,
        url=canonical,
        published=published,
        language=language,
        outlet=outlet.slug if outlet else None,
        author=author,
    )


def _body(lines: list[str], title: str | None, language: str | None) -> list[Paragraph]:
    title_text = clean_text(title or "")
    kept = [line for line in lines if clean_text(line) != title_text]
    return [p for p in clean_paragraphs(kept, language) if not BYLINE.match(p.text)]
