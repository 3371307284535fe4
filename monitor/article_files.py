"""Article files as the analysis contract defines them: a header, a title, a body; or HTML.

SOURCE_URL: https://www.kavkaz-uzel.eu/articles/420287
DATE: 2026-01-27
LANG: ru

Title on the first non-empty line
Body paragraphs, one a line...
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from monitor.boilerplate import split_page
from monitor.model import Article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s*(.*)$")
KNOWN_KEYS = {"source_url": "url", "url": "url", "date": "date", "outlet": "outlet", "lang": "lang"}


class ArticleFileError(ValueError):
    """A file that cannot be read or parsed as an article."""


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become every article file inside, sorted by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    (p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES),
                    key=lambda p: p.name,
                )
            )
        else:
            found.append(path)
    return found


def parse_header_date(value: str) -> dt.datetime | None:
    """A full date or date-time; partial dates (``2026-01``) count as no date."""
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if len(value) < 10:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The recognised ``Key: value`` header lines (lower-cased keys) and the rest."""
    lines = text.splitlines()
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and lines[index].strip():
        match = HEADER_LINE.match(lines[index].strip())
        if not match:
            return {}, text  # not a header block: the file starts with its title
        key = match.group(1).lower()
        if key in KNOWN_KEYS:
            header[KNOWN_KEYS[key]] = match.group(2).strip()
        index += 1
    if index >= len(lines):
        return {}, text
    return header, "\n".join(lines[index + 1 :])


def parse_text_article(text: str) -> Article:
    header, rest = split_header(text)
    language = header.get("lang", "").lower() or None
    title, paragraphs = split_page(rest.splitlines(), language)
    if not title:
        raise ArticleFileError("no title and no body after the header")
    published = parse_header_date(header["date"]) if "date" in header else None
    return Article(
        title=title,
        paragraphs=paragraphs,
        url=header.get("url") or None,
        published=published,
        language=language,
        outlet=header.get("outlet") or None,
    )


def read_article_file(path: Path) -> Article:
    """Read one article file (text with header, or a saved HTML page)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleFileError(f"cannot read: {error.strerror or error}") from None
    if path.suffix.lower() in {".html", ".htm"}:
        from monitor.pages import parse_html

        article: Article = parse_html(raw, url=None)
        return article
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleFileError(f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    return parse_text_article(text)


def read_articles(paths: Iterable[Path]) -> Iterator[tuple[Path, Article | ArticleFileError]]:
    """Every article file under ``paths`` in contract order, with the article or its error."""
    for path in expand_paths(paths):
        try:
            yield path, read_article_file(path)
        except ArticleFileError as error:
            yield path, error
        except (ValueError, LookupError) as error:  # malformed HTML or header values
            yield path, ArticleFileError(f"cannot parse: {error}")
