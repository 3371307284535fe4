"""What spiders yield: typed dataclasses that Scrapy handles through ItemAdapter."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.model import Article


@dataclass
class CrawledArticle:
    """One article page as fetched and parsed; ``bodiless`` when no body text was found
    (a layout change, or a page that is not an article): counted, never stored."""

    article: Article
    identity: str
    fetched_url: str
    html: bytes = field(repr=False)
    etag: str | None = None
    last_modified: str | None = None

    @property
    def bodiless(self) -> bool:
        return not self.article.paragraphs
