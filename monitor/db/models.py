"""The database: what was crawled, what was found in it, the cases, and what was sent.

Tables, in the order the pipeline fills them:

- ``outlets`` and ``crawl_runs``: where articles come from and the figures of every crawl.
- ``articles``: one row per (outlet edition, article number) or canonical URL, with the
  text, paragraph flags, and the page as crawled (gzip) as evidence.
- ``mentions`` and ``event_mentions``: what extraction found, with character spans.
- ``cases`` and ``case_aliases``: the known cases; ``developments`` is each case's
  timeline (imported, derived from articles, or confirmed by an analyst), with
  ``development_sources`` linking every development to the articles reporting it.
- ``matches``: a person mention linked (or not) to a case, with score and explanation;
  ``review_judgements`` records analysts' verdicts on them.
- ``subscribers``, ``alerts`` and ``deliveries``: who wants what, what was raised, and
  one delivery row per alert and recipient with its idempotency key.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware datetimes on every backend: stored as UTC, returned as UTC.

    SQLite has no time zones, so a naive value read back is taken as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give a time zone")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads it from the class)
        dict[str, Any]: JSON,
        list[Any]: JSON,
        dt.datetime: UTCDateTime(),
    }


class Outlet(Base):
    __tablename__ = "outlets"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    country: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CrawlRun(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_slug: Mapped[str] = mapped_column(ForeignKey("outlets.slug"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")
    pages: Mapped[int] = mapped_column(default=0)
    new_articles: Mapped[int] = mapped_column(default=0)
    bodiless_articles: Mapped[int] = mapped_column(default=0)
    errors: Mapped[int] = mapped_column(default=0)
    duration_s: Mapped[float | None] = mapped_column(Float)
    message: Mapped[str | None] = mapped_column(Text)


class PageValidator(Base):
    """The validators (ETag, Last-Modified) a feed or first listing page was last served
    with: the next crawl asks for it conditionally, and a 304 means nothing new there.
    Kept only after a clean run, so a page whose articles failed is read again in full."""

    __tablename__ = "page_validators"

    url: Mapped[str] = mapped_column(String(1000), primary_key=True)
    outlet_slug: Mapped[str] = mapped_column(ForeignKey("outlets.slug"), index=True)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    outlet_slug: Mapped[str | None] = mapped_column(ForeignKey("outlets.slug"), index=True)
    edition: Mapped[str | None] = mapped_column(String(32))
    number: Mapped[str | None] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    alternate_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    published_at: Mapped[dt.datetime | None]
    fetched_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    paragraphs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    html_gz: Mapped[bytes | None] = mapped_column(LargeBinary)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    # new -> processing (claimed by a worker) -> analyzed -> processed, or failed
    status: Mapped[str] = mapped_column(String(16), default="new")
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[dt.datetime | None]
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    processed_at: Mapped[dt.datetime | None]
    process_error: Mapped[str | None] = mapped_column(Text)

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Mention.id"
    )
    event_mentions: Mapped[list[EventMention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="EventMention.id"
    )


class Mention(Base):
    """A person, facility or charge found in an article."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # person, facility, charge
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)  # normalized name, canonical facility, charge code
    role: Mapped[str | None] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    spans: Mapped[list[Any]] = mapped_column(JSON, default=list)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id"))

    article: Mapped[Article] = relationship(back_populates="mentions")
    person: Mapped[Mention | None] = relationship(remote_side=[id])


class EventMention(Base):
    """A development as one sentence of one article reports it."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id"))
    type: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date | None] = mapped_column(Date)
    # "month" or "year" when the text gave no day: ``date`` is then the period's first day
    date_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    background: Mapped[bool] = mapped_column(Boolean, default=False)

    article: Mapped[Article] = relationship(back_populates="event_mentions")
    person: Mapped[Mention | None] = relationship()


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    born: Mapped[int | None]
    gender: Mapped[str | None] = mapped_column(String(1))
    occupation: Mapped[str | None] = mapped_column(Text)
    charges: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # where the timeline says the person is now; the list's own value is kept beside it
    facility: Mapped[str | None] = mapped_column(Text)
    imported_facility: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="unknown")
    imported_status: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    aliases: Mapped[list[CaseAlias]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseAlias.id"
    )
    developments: Mapped[list[Development]] = relationship(
        back_populates="case", order_by="Development.date"
    )


class CaseAlias(Base):
    __tablename__ = "case_aliases"
    __table_args__ = (UniqueConstraint("case_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    origin: Mapped[str] = mapped_column(String(16), default="imported")  # imported, analyst

    case: Mapped[Case] = relationship(back_populates="aliases")


class Development(Base):
    """One entry of a case's timeline: something that happened to the person."""

    __tablename__ = "developments"
    __table_args__ = (Index("ix_developments_case_type", "case_id", "type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date | None] = mapped_column(Date)
    # "month" or "year" when the text gave no day: ``date`` is then the period's first day
    date_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    # the place of detention its report names (a transfer's destination)
    facility: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))  # imported, article, analyst
    summary: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active, retracted
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="developments")
    sources: Mapped[list[DevelopmentSource]] = relationship(
        back_populates="development", cascade="all, delete-orphan", order_by="DevelopmentSource.id"
    )


class DevelopmentSource(Base):
    __tablename__ = "development_sources"
    __table_args__ = (UniqueConstraint("development_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    development_id: Mapped[int] = mapped_column(
        ForeignKey("developments.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    # re-processing an article replaces its mentions and matches: the source stays,
    # its links are cleared, and the timeline links it again
    event_mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_mentions.id", ondelete="SET NULL")
    )
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id", ondelete="SET NULL"))
    sentence: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    development: Mapped[Development] = relationship(back_populates="sources")


class MatchRecord(Base):
    """The matcher's verdict on one person mention, and its review state."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    decision: Mapped[str] = mapped_column(String(16))  # match, review, none
    explanation: Mapped[list[Any]] = mapped_column(JSON, default=list)
    review_status: Mapped[str] = mapped_column(String(16), default="pending")
    matcher_version: Mapped[str] = mapped_column(String(32), default="1")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    mention: Mapped[Mention] = relationship()


class ReviewJudgement(Base):
    __tablename__ = "review_judgements"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    verdict: Mapped[str] = mapped_column(String(16))  # positive, negative, unsure
    context: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Subscriber(Base):
    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16), default="immediate")  # immediate, digest
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Alert(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="case")  # case, operator
    development_id: Mapped[int | None] = mapped_column(ForeignKey("developments.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))  # immediate, digest
    subject: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_status_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(300), unique=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id"), index=True)
    subscriber_id: Mapped[int | None] = mapped_column(ForeignKey("subscribers.id"))
    channel: Mapped[str] = mapped_column(String(16), default="email")
    recipient: Mapped[str] = mapped_column(String(320))
    # pending -> sending (claimed) -> sent; or back to pending (a definite failure, retried
    # with backoff), unsure (handed over but never confirmed: sent again with the same
    # Message-ID), or failed (refused, or out of attempts)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    # when due; while "sending", when the claim's lease ends
    next_attempt_at: Mapped[dt.datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))  # host:pid:random
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RunLock(Base):
    """A named lock held by one process at a time (a pipeline run, a scheduler).

    ``expires_at`` is pushed forward by the holder's heartbeat; a lock whose holder died
    (kill -9, power cut) expires and is taken over, or at once when the holder was on this
    host and its process and the children it recorded are gone.
    """

    __tablename__ = "run_locks"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int]
    acquired_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    # process groups the holder started (its crawlers), space-separated: the lock is not
    # taken over while one of them lives, even when the holder itself was killed
    children: Mapped[str | None] = mapped_column(String(200))


class User(Base):
    """A person who signs in to the review web app (see :mod:`monitor.users`).

    ``password_hash`` is an argon2 hash; a disabled account (``active`` false) cannot
    sign in and its open sessions end at their next request.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="analyst")  # analyst, admin
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]


class SignIn(Base):
    """One signed-in session of the review app. The browser's cookie holds a random token;
    only its SHA-256 is kept here. Signing out deletes the row, so a copy of the cookie
    taken before no longer works (the cookie itself stays validly signed)."""

    __tablename__ = "sign_ins"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
