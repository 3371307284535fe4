"""Database rows for alert tests, built by hand: no NLP stage needed."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.store import ensure_outlet


def add_case(
    session: Session,
    case_id: str,
    name: str,
    *,
    country: str = "AZ",
    status: str | None = "imprisoned",
    known: Sequence[tuple[str, dt.date | None]] = (),
    active: bool = True,
) -> db.Case:
    case = db.Case(
        id=case_id,
        name=name,
        country=country,
        status=status or "unknown",
        imported_status=status,
        active=active,
        charges=[],
    )
    session.add(case)
    for event_type, date in known:
        case.developments.append(db.Development(type=event_type, date=date, origin="imported"))
    session.flush()
    return case


def add_article(
    session: Session,
    title: str,
    paragraphs: Sequence[str | tuple[str, bool]],
    *,
    published: dt.date | None,
    outlet: str = "test-outlet",
    url: str | None = None,
    language: str = "en",
) -> db.Article:
    """An article row; a paragraph given as (text, True) is background."""
    parts = [(p, False) if isinstance(p, str) else p for p in paragraphs]
    ensure_outlet(session, outlet, name=outlet.replace("-", " ").title())
    text = "\n".join([title, *(p for p, _ in parts)])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = url or f"https://{outlet}.example/{digest[:10]}"
    row = db.Article(
        key=url,
        outlet_slug=outlet,
        url=url,
        canonical_url=url,
        title=title,
        published_at=(
            dt.datetime.combine(published, dt.time(9), tzinfo=dt.UTC) if published else None
        ),
        language=language,
        text=text,
        paragraphs=[{"text": p, "background": b} for p, b in parts],
        content_hash=digest,
        status="processed",
    )
    session.add(row)
    session.flush()
    return row


def add_event(
    session: Session,
    article: db.Article,
    case_id: str | None,
    event_type: str,
    sentence: str,
    *,
    name: str,
    date: dt.date | None = None,
    decision: str = "match",
    review_status: str = "pending",
    score: float = 0.93,
) -> db.EventMention:
    """A person mention named ``name`` in ``sentence``, matched to ``case_id``, and its event."""
    start = article.text.index(sentence)
    name_at = article.text.index(name, start)
    background = any(
        p["background"] and p["text"] in article.text and sentence in p["text"]
        for p in article.paragraphs
    )
    person = db.Mention(
        kind="person",
        text=name,
        value=name,
        role="detainee",
        start=name_at,
        end=name_at + len(name),
        spans=[[name_at, name_at + len(name)]],
    )
    article.mentions.append(person)
    session.flush()
    session.add(
        db.MatchRecord(
            article_id=article.id,
            mention_id=person.id,
            case_id=case_id,
            score=score,
            decision=decision,
            explanation=[f"full name match {name}"],
            review_status=review_status,
        )
    )
    event = db.EventMention(
        person_id=person.id,
        type=event_type,
        date=date,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        background=background,
    )
    article.event_mentions.append(event)
    session.flush()
    return event


def add_facility(session: Session, article: db.Article, text: str, value: str) -> db.Mention:
    """A place of detention named in the article: the first time ``text`` occurs in its body."""
    start = article.text.index(text, len(article.title) + 1)
    mention = db.Mention(
        kind="facility",
        text=text,
        value=value,
        start=start,
        end=start + len(text),
        spans=[[start, start + len(text)]],
    )
    article.mentions.append(mention)
    session.flush()
    return mention
