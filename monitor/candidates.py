"""Possible new cases: detainees named in full whom no known case matched.

Processing stores every person with the matcher's decision; this gathers the detained
or prosecuted people with no match across articles, so analysts can add them to the
list (`monitor cases candidates`). The rule is the matcher's own
(:func:`monitor.matching.is_new_case_candidate`): a detainee, at least two name words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import models as db


@dataclass
class Candidate:
    name: str
    articles: int = 0
    last_seen: dt.datetime | None = None
    spellings: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)


def _full_name(value: str) -> bool:
    return len([w for w in value.replace(".", " ").split() if len(w) > 1]) >= 2


def new_case_candidates(session: Session, *, limit: int = 100) -> list[Candidate]:
    """Unmatched detainees, most often reported first."""
    rows = session.execute(
        select(db.Mention.value, db.Mention.text, db.Article.url, db.Article.published_at)
        .join(db.MatchRecord, db.MatchRecord.mention_id == db.Mention.id)
        .join(db.Article, db.Article.id == db.Mention.article_id)
        .where(db.Mention.kind == "person", db.Mention.role == "detainee")
        .where(db.MatchRecord.decision == "none", db.MatchRecord.review_status != "rejected")
    ).all()
    found: dict[str, Candidate] = {}
    for value, text, url, published in rows:
        if not _full_name(value):
            continue
        candidate = found.setdefault(value.casefold(), Candidate(name=value))
        candidate.articles += 1
        candidate.spellings.add(text)
        candidate.urls.append(url)
        if published and (candidate.last_seen is None or published > candidate.last_seen):
            candidate.last_seen = published
    ranked = sorted(
        found.values(),
        key=lambda c: (-c.articles, -(c.last_seen.timestamp() if c.last_seen else 0), c.name),
    )
    return ranked[:limit]
