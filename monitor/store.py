"""Putting articles into the database, once each.

An article's identity is its key: ``<edition>:<number>`` where the outlet numbers its
articles (Caucasian Knot: ``ck-ru:420287``, whichever mirror served it), else its
canonical URL. Storing the same key again updates the row only if the text changed,
and sends it back through processing then.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.db.session import insert_missing
from monitor.model import Article, Paragraph


def article_key(article: Article) -> str:
    if article.edition and article.number:
        return f"{article.edition}:{article.number}"
    if article.url:
        return article.url
    raise ValueError("an article needs an edition and number, or a URL, to be stored")


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def paragraphs_json(article: Article) -> list[dict[str, object]]:
    return [{"text": p.text, "background": p.background} for p in article.paragraphs]


def article_from_row(row: db.Article) -> Article:
    """The plain :class:`Article` a stored row was made from."""
    return Article(
        title=row.title,
        paragraphs=[
            Paragraph(text=str(p["text"]), background=bool(p.get("background")))
            for p in row.paragraphs
        ],
        url=row.canonical_url or row.url,
        published=row.published_at,
        language=row.language,
        outlet=row.outlet_slug,
        author=row.author,
        edition=row.edition,
        number=row.number,
        alternate_url=row.alternate_url,
    )


def ensure_outlet(
    session: Session, slug: str, name: str | None = None, language: str | None = None
) -> None:
    """Add the outlet's row unless it exists; safe when two crawlers start together."""
    if session.get(db.Outlet, slug) is not None:
        return
    insert_missing(session, db.Outlet, [{"slug": slug, "name": name or slug, "language": language}])


def remember_validators(
    session: Session, slug: str, pages: Mapping[str, tuple[str | None, str | None]]
) -> None:
    """Keep the (ETag, Last-Modified) each feed or listing page was served with."""
    for url, (etag, last_modified) in pages.items():
        row = session.get(db.PageValidator, url)
        if row is None:
            row = db.PageValidator(url=url, outlet_slug=slug)
            session.add(row)
        row.etag, row.last_modified = etag, last_modified


def forget_validators(session: Session, slug: str) -> None:
    """After a run with failures: the next run reads every feed and listing in full."""
    session.execute(delete(db.PageValidator).where(db.PageValidator.outlet_slug == slug))


@dataclass
class StoreResult:
    row: db.Article
    outcome: Literal["new", "updated", "unchanged"]


def store_article(
    session: Session,
    article: Article,
    *,
    html: bytes | None = None,
    fetched_at: dt.datetime | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> StoreResult:
    """Insert or update one article; the page as crawled is kept gzip-compressed."""
    key = article_key(article)
    digest = content_hash(article)
    if article.outlet:
        ensure_outlet(session, article.outlet)
    row = session.scalars(select(db.Article).where(db.Article.key == key)).one_or_none()
    evidence = gzip.compress(html, mtime=0) if html is not None else None
    if row is None:
        row = db.Article(key=key, status="new")
        session.add(row)
        outcome: Literal["new", "updated", "unchanged"] = "new"
    elif row.content_hash == digest:
        if etag or last_modified:
            row.etag, row.last_modified = etag, last_modified
        return StoreResult(row, "unchanged")
    else:
        outcome = "updated"
        row.status = "new"
    row.outlet_slug = article.outlet
    row.edition = article.edition
    row.number = article.number
    row.url = article.url or key
    row.canonical_url = article.url
    row.alternate_url = article.alternate_url
    row.title = article.title
    row.author = article.author
    row.published_at = article.published
    row.fetched_at = fetched_at or dt.datetime.now(dt.UTC)
    row.language = article.language
    row.text = article.text
    row.paragraphs = paragraphs_json(article)
    row.content_hash = digest
    row.etag = etag
    row.last_modified = last_modified
    if evidence is not None:
        row.html_gz = evidence
    session.flush()
    return StoreResult(row, outcome)


def evidence_html(row: db.Article) -> bytes | None:
    """The page exactly as it was crawled."""
    return gzip.decompress(row.html_gz) if row.html_gz else None
