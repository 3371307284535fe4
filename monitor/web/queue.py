"""The review queue: matches to a case, those the matcher was unsure of first.

Order: decision "review" before "match", pending before judged, then the newest
article first. Filters come from the query string, so a filtered queue is a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, case, select
from sqlalchemy.orm import Session

from monitor.db import models as db

REVIEW_STATUSES = ("pending", "confirmed", "rejected", "unsure")
PAGE_SIZE = 50
MAX_PAGE = 1_000_000  # 50 million matches: past it a page number is a typo or an attack


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class QueueFilters:
    outlet: str = ""
    language: str = ""
    case: str = ""
    event_type: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str = ""

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QueueFilters:
        status = args.get("status", "")
        return cls(
            outlet=args.get("outlet", "").strip(),
            language=args.get("language", "").strip(),
            case=args.get("case", "").strip(),
            event_type=args.get("event_type", "").strip(),
            date_from=_date(args.get("date_from")),
            date_to=_date(args.get("date_to")),
            status=status if status in REVIEW_STATUSES else "",
        )

    def args(self) -> dict[str, str]:
        """The non-empty filters as query-string arguments."""
        return {k: str(v) for k, v in asdict(self).items() if v}


@dataclass(frozen=True)
class QueueItem:
    match: db.MatchRecord
    article: db.Article
    mention: db.Mention
    case: db.Case | None

    def row(self) -> dict[str, Any]:
        """The item as one line of an export."""
        published = self.article.published_at
        return {
            "match_id": self.match.id,
            "decision": self.match.decision,
            "review_status": self.match.review_status,
            "score": round(self.match.score, 3),
            "case_id": self.match.case_id,
            "case_name": self.case.name if self.case else None,
            "name": self.mention.text,
            "normalized": self.mention.value,
            "role": self.mention.role,
            "article_id": self.article.id,
            "outlet": self.article.outlet_slug,
            "language": self.article.language,
            "published": published.isoformat() if published else None,
            "title": self.article.title,
            "url": self.article.url,
            "explanation": list(self.match.explanation or []),
        }


def _query(filters: QueueFilters) -> Select[db.MatchRecord, db.Article, db.Mention]:
    query = (
        select(db.MatchRecord, db.Article, db.Mention)
        .join(db.Article, db.Article.id == db.MatchRecord.article_id)
        .join(db.Mention, db.Mention.id == db.MatchRecord.mention_id)
        .where(db.MatchRecord.case_id.is_not(None))
        .where(db.MatchRecord.decision.in_(("review", "match")))
    )
    if filters.outlet:
        query = query.where(db.Article.outlet_slug == filters.outlet)
    if filters.language:
        query = query.where(db.Article.language == filters.language)
    if filters.case:
        query = query.where(db.MatchRecord.case_id == filters.case)
    if filters.status:
        query = query.where(db.MatchRecord.review_status == filters.status)
    if filters.event_type:
        query = query.where(
            select(db.EventMention.id)
            .where(db.EventMention.article_id == db.Article.id)
            .where(db.EventMention.type == filters.event_type)
            .exists()
        )
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=dt.UTC)
        query = query.where(db.Article.published_at >= start)
    if filters.date_to:
        end = dt.datetime.combine(
            filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC
        )
        query = query.where(db.Article.published_at < end)
    return query.order_by(
        case((db.MatchRecord.decision == "review", 0), else_=1),
        case((db.MatchRecord.review_status == "pending", 0), else_=1),
        db.Article.published_at.is_(None),
        db.Article.published_at.desc(),
        db.MatchRecord.id.desc(),
    )


def queue_items(
    session: Session, filters: QueueFilters, *, limit: int | None = None, offset: int = 0
) -> list[QueueItem]:
    query = _query(filters).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    cases = {
        c.id: c
        for c in session.scalars(
            select(db.Case).where(db.Case.id.in_({m.case_id for m, _, _ in rows if m.case_id}))
        )
    }
    return [
        QueueItem(match, article, mention, cases.get(match.case_id or ""))
        for match, article, mention in rows
    ]


def neighbours(
    session: Session, filters: QueueFilters, match_id: int
) -> tuple[int | None, int | None]:
    """The previous and next match ids around ``match_id`` in the filtered queue."""
    ids = [m.id for m, _, _ in session.execute(_query(filters)).all()]
    if match_id not in ids:
        return None, ids[0] if ids else None
    at = ids.index(match_id)
    return (ids[at - 1] if at > 0 else None), (ids[at + 1] if at + 1 < len(ids) else None)
