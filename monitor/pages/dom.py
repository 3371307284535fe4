"""Small helpers over lxml trees: parse leniently, select by CSS, read block text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import lxml.html
from lxml.cssselect import CSSSelector
from lxml.etree import ParserError, XMLSyntaxError
from lxml.html import HtmlElement as HtmlElement

BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "pre",
        "figcaption",
        "section",
        "article",
        "header",
        "footer",
        "dd",
        "dt",
        "address",
    }
)
SKIPPED = frozenset({"h1", "script", "style", "noscript", "template"})
SPACES = re.compile(r"\s+")


class PageError(ValueError):
    """A page that is not HTML at all."""


# libxml2 silently drops whatever lies deeper than 256 elements: a page of 50,000 nested
# <div>s would lose its text. Deeper markup is flattened first (see flatten_deep).
MAX_DEPTH = 200
# Elements that do not nest (void) or that HTML closes by itself (a new <p> ends the last).
UNNESTED = frozenset(
    "area base br col embed hr img input link meta param source track wbr "  # noqa: SIM905
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp".split()
)
_TAGS = re.compile(
    r"<!--.*?-->|<(script|style|textarea)\b[^>]*>.*?</\1\s*>"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>",
    re.S | re.I,
)


def _nesting(html: str) -> list[tuple[re.Match[str], bool]]:
    """The tags that nest, in order, each with whether it closes an element."""
    tags = []
    for match in _TAGS.finditer(html):
        name = match.group(3)
        if name and name.lower() not in UNNESTED and not match.group(4):
            tags.append((match, match.group(2) == "/"))
    return tags


_TAG_NAMES = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")


def _may_be_deeper(html: str, limit: int) -> bool:
    """A quick upper estimate of the nesting (tags in scripts count too): most pages are
    known to be shallow without the full scan."""
    depth = 0
    for closing, name in _TAG_NAMES.findall(html):
        if name.lower() in UNNESTED:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > limit:
            return True
    return False


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the tags of elements nested deeper than ``limit`` removed (their text
    kept), so that the parser keeps all of it; the same string when nothing is that deep."""
    if not _may_be_deeper(html, limit):
        return html
    tags = _nesting(html)
    kept: list[str] = []
    depth = last = 0
    for match, closing in tags:
        inner = depth > limit if closing else depth + 1 > limit
        depth = max(depth - 1, 0) if closing else depth + 1
        if inner:
            kept.append(html[last : match.start()])
            last = match.end()
    kept.append(html[last:])
    return "".join(kept)


def parse_tree(text: str, *, flat: bool = False) -> HtmlElement:
    """An lxml tree of ``text``; malformed markup is repaired, nesting deeper than
    :data:`MAX_DEPTH` flattened (unless ``flat`` says it was), an empty page is an error."""
    if not text.strip():
        raise PageError("empty page")
    flattened = text if flat else flatten_deep(text)
    try:
        tree = lxml.html.document_fromstring(flattened.encode("utf-8"), parser=_PARSER)
    except (ParserError, XMLSyntaxError, ValueError) as error:
        raise PageError(f"not HTML: {error}") from None
    return tree


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, recover=True)


@lru_cache(maxsize=512)
def compiled(selector: str) -> CSSSelector | None:
    """A compiled selector, or ``None`` when an outlet file has a bad one (logged by
    the crawl as a page without text, not as a crash)."""
    try:
        return CSSSelector(selector)
    except Exception:
        return None


def select(root: HtmlElement, selectors: Iterable[str]) -> list[HtmlElement]:
    """Elements matching the first selector that matches anything."""
    for selector in selectors:
        matcher = compiled(selector)
        if matcher is None:
            continue
        found = matcher(root)
        if found:
            return list(found)
    return []


def first_text(root: HtmlElement, selectors: Iterable[str]) -> str | None:
    for element in select(root, selectors):
        text = clean_text(element.text_content())
        if text:
            return text
    return None


def drop(root: HtmlElement, selectors: Iterable[str]) -> None:
    """Remove every element matching any selector (keeping the tail text)."""
    for selector in selectors:
        matcher = compiled(selector)
        if matcher is None:
            continue
        for element in matcher(root):
            if element.getparent() is not None:
                element.drop_tree()


def clean_text(text: str) -> str:
    return SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def block_lines(root: HtmlElement) -> list[str]:
    """The text of the innermost block elements in document order, one a line; ``<br>``
    splits lines. Titles (``h1``) and scripts are skipped."""
    lines: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCKS:
            continue
        if element.tag in SKIPPED or any(a.tag in SKIPPED for a in element.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCKS for d in element.iterdescendants()):
            # mixed content: keep the block's own loose text and its children's tails
            loose = [element.text or ""] + [child.tail or "" for child in element]
            text = clean_text(" ".join(loose))
            if text:
                lines.append(text)
            continue
        for part in _split_br(element):
            if part:
                lines.append(part)
    return lines


def _split_br(element: HtmlElement) -> list[str]:
    if element.find(".//br") is None:
        return [clean_text(element.text_content())]
    marker = "\u2029"
    for br in element.iter("br"):
        br.tail = marker + (br.tail or "")
    return [clean_text(part) for part in element.text_content().split(marker)]


def meta(root: HtmlElement, *names: str) -> str | None:
    """Content of the first ``<meta>`` whose property or name is one of ``names``."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = root.xpath(f'//meta[@{attr}="{name}"]/@content')
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None


def link_href(root: HtmlElement, rel: str, hreflang: str | None = None) -> str | None:
    query = f'//link[@rel="{rel}"]'
    if hreflang:
        query += f'[@hreflang="{hreflang}"]'
    found = root.xpath(query + "/@href")
    return str(found[0]).strip() if found else None


def page_language(root: HtmlElement) -> str | None:
    lang = root.get("lang") or root.get("xml:lang")
    return lang.split("-")[0].lower() if lang else None
