"""Alert emails, rendered from the Jinja2 templates in ``monitor/templates/email``.

One email tells one article's news to one monitor: every development of the cases they
follow that the article reported, together ("Ulvi Hasanli: on hunger strike,
ill-treatment in custody"); a development the article reports of several people (a
verdict for co-defendants, a pardon list) is one item listing them all with each one's
term. A digest is the day's emails one after the other; a correction withdraws alerts
already sent. Dates are the developments' own (at the precision the text gave) beside
the article's, and codes read as words (``monitor/data/labels.yaml``).

Each message has a plain-text and an HTML part (article text is untrusted: the HTML
templates autoescape, and the matched name is wrapped in ``<mark>`` after escaping), a
Message-ID derived from the delivery's idempotency key (so a resent message is
recognisably the same), and List-Unsubscribe headers with the subscriber's token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor import labels
from monitor.alerts.raising import clean_subject
from monitor.config import Settings
from monitor.db import models as db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "email"
# developments of a prosecution: the people a verdict or hearing names are co-defendants
PROCEEDINGS = frozenset(
    {"charge", "pretrial_detention", "house_arrest", "trial", "sentence", "appeal"}
)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    labels.install(env)
    return env


@dataclass
class Source:
    title: str
    url: str
    outlet: str
    published: str | None


@dataclass
class Person:
    """Someone an article reports a development of, besides or with the case."""

    name: str
    case_name: str | None
    term: str | None


@dataclass
class DevelopmentView:
    """One development in an email: of one case, or of several reported together."""

    type: str
    phrase: str
    severity: str
    date: str | None
    date_precision: str
    sentence: str
    names: list[str]
    cases: list[str]
    co_reported: list[Person] = field(default_factory=list)
    published: str | None = None
    same_sentence: bool = False  # as the development before it in the email

    @property
    def sentence_html(self) -> Markup:
        return highlight_html(self.sentence, self.names)

    @property
    def sentence_text(self) -> str:
        return highlight_text(self.sentence, self.names)

    @property
    def people_heading(self) -> str:
        return "Co-defendants" if self.type in PROCEEDINGS else "Everyone it reports this of"

    @property
    def when(self) -> str:
        """The development's own date beside the article's: "2 February 2026 (reported
        3 February 2026)", "June 2025 (...)", "3 February 2026, the day it was reported"."""
        date = labels.human_date(self.date, self.date_precision)
        reported = labels.human_date(self.published)
        if not date:
            return f"not given (reported {reported})" if reported else "not given"
        if not reported:
            return date
        return (
            f"{date}, the day it was reported"
            if date == reported
            else f"{date} (reported {reported})"
        )


@dataclass
class CaseView:
    """What an email says about one case: where it stands and why the article is about it."""

    id: str
    name: str
    status: str
    facility: str | None
    charges: list[str]
    explanation: list[str]
    confidence: float | None
    review_url: str | None


@dataclass
class MessageView:
    """One email's worth: the developments one article reported, and their cases."""

    subject: str
    article: Source | None
    developments: list[DevelopmentView]
    cases: list[CaseView]
    other_sources: list[Source] = field(default_factory=list)
    reason: str = ""
    sent: str | None = None


@dataclass
class OperatorView:
    subject: str
    sentence: str
    explanation: list[str]


def _name_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    forms = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)


def highlight_html(sentence: str, names: Sequence[str]) -> Markup:
    """The sentence escaped, with every form of the matched name in ``<mark>``."""
    pattern = _name_pattern(names)
    if pattern is None:
        return escape(sentence)
    out: list[Markup] = []
    last = 0
    for found in pattern.finditer(sentence):
        out.append(escape(sentence[last : found.start()]))
        out.append(Markup("<mark>{}</mark>").format(found.group()))
        last = found.end()
    out.append(escape(sentence[last:]))
    return Markup("").join(out)


def highlight_text(sentence: str, names: Sequence[str]) -> str:
    pattern = _name_pattern(names)
    return pattern.sub(lambda m: f"*{m.group()}*", sentence) if pattern else sentence


def _source(article: db.Article, outlet_name: str | None) -> Source:
    return Source(
        title=article.title,
        url=article.canonical_url or article.url,
        outlet=outlet_name or article.outlet_slug or "",
        published=labels.human_date(article.published_at.date()) if article.published_at else None,
    )


def article_sources(session: Session, article_ids: Sequence[int]) -> dict[int, Source]:
    rows = session.execute(
        select(db.Article, db.Outlet.name)
        .outerjoin(db.Outlet, db.Outlet.slug == db.Article.outlet_slug)
        .where(db.Article.id.in_(set(article_ids)))
    )
    return {article.id: _source(article, name) for article, name in rows}


def _article_of(alert: db.Alert) -> int | None:
    value = (alert.details or {}).get("article_id")
    return int(value) if value is not None else None


def _phrase(alert: db.Alert) -> str:
    phrase = (alert.details or {}).get("phrase")
    return str(phrase) if phrase else alert.subject.partition(": ")[2] or alert.subject


def _names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C", "A, B and 3 others"."""
    if len(names) > 3:
        return f"{', '.join(names[:2])} and {len(names) - 2} others"
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _development(items: Sequence[db.Alert]) -> DevelopmentView:
    """The view of alerts of one type from one article: one case's, or several cases'."""
    first = items[0]
    details: dict[str, Any] = dict(first.details or {})
    several = len(items) > 1
    return DevelopmentView(
        type=first.type,
        phrase=str(details.get("group_phrase") or first.type) if several else _phrase(first),
        severity=first.severity,
        date=details.get("date"),
        date_precision=str(details.get("date_precision") or "day"),
        sentence=first.sentence or "",
        names=[str(n) for a in items for n in (a.details or {}).get("names") or []],
        cases=[str((a.details or {}).get("case_name") or a.case_id) for a in items],
        co_reported=[
            Person(str(p["name"]), p.get("case_name"), p.get("term"))
            for p in details.get("co_reported") or []
        ],
        published=details.get("published"),
    )


def _case(session: Session, alert: db.Alert, settings: Settings) -> CaseView:
    details: dict[str, Any] = dict(alert.details or {})
    case = session.get(db.Case, alert.case_id) if alert.case_id else None
    match_id = details.get("match_id")
    return CaseView(
        id=alert.case_id or "",
        name=case.name if case else str(details.get("case_name") or ""),
        status=case.status if case else str(details.get("case_status") or ""),
        facility=case.facility if case else details.get("case_facility"),
        charges=list(case.charges or []) if case else [],
        explanation=[labels.readable(str(e)) for e in details.get("explanation") or []],
        confidence=alert.confidence,
        review_url=f"{settings.base_url.rstrip('/')}/review/match/{match_id}" if match_id else None,
    )


def _subject(developments: Sequence[DevelopmentView]) -> str:
    """Who and what: "A: p1, p2", "A, B and C: sentenced; A: on hunger strike"."""
    parts: dict[tuple[str, ...], list[str]] = {}
    for development in developments:
        parts.setdefault(tuple(development.cases), []).append(development.phrase)
    return "; ".join(f"{_names(list(who))}: {', '.join(what)}" for who, what in parts.items())


def message_view(session: Session, alerts: Sequence[db.Alert], settings: Settings) -> MessageView:
    """One article's alerts as one email: its developments (alerts of one type grouped
    across cases) and the cases they are about, in the order raised."""
    by_type: dict[str, list[db.Alert]] = {}
    for alert in sorted(alerts, key=lambda a: a.id):
        by_type.setdefault(alert.type, []).append(alert)
    developments = [_development(items) for items in by_type.values()]
    for before, after in itertools.pairwise(developments):
        after.same_sentence = after.sentence == before.sentence
    cases: dict[str, CaseView] = {}
    for alert in sorted(alerts, key=lambda a: a.id):
        if alert.case_id not in cases:
            cases[alert.case_id or ""] = _case(session, alert, settings)
    article_id = next((a for a in map(_article_of, alerts) if a is not None), None)
    reported = session.scalars(
        select(db.DevelopmentSource.article_id)
        .where(db.DevelopmentSource.development_id.in_([a.development_id for a in alerts]))
        .order_by(db.DevelopmentSource.id)
    ).all()
    ids = list(dict.fromkeys([*([article_id] if article_id else []), *reported]))
    sources = article_sources(session, ids)
    return MessageView(
        subject=_subject(developments),
        article=sources.get(article_id) if article_id else None,
        developments=developments,
        cases=list(cases.values()),
        other_sources=[sources[i] for i in ids if i != article_id and i in sources],
    )


def by_article(alerts: Sequence[db.Alert]) -> list[list[db.Alert]]:
    """Alerts grouped by the article they came from, in the order first raised."""
    groups: dict[object, list[db.Alert]] = {}
    for alert in sorted(alerts, key=lambda a: a.id):
        key = _article_of(alert)
        groups.setdefault(key if key is not None else f"alert{alert.id}", []).append(alert)
    return list(groups.values())


def message_id(key: str, settings: Settings) -> str:
    """A Message-ID that is the same every time the same delivery is sent."""
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]
    return f"<{digest}@{domain}>"


def _unsubscribe(settings: Settings, token: str | None) -> str | None:
    if not token:
        return None
    sender = parseaddr(settings.mail_from)[1]
    links = [f"<{settings.base_url.rstrip('/')}/unsubscribe/{quote(token)}>"]
    if sender:
        links.append(f"<mailto:{sender}?subject={quote('unsubscribe ' + token)}>")
    return ", ".join(links)


def compose(
    settings: Settings,
    *,
    recipient: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    key: str,
    token: str | None = None,
    now: dt.datetime | None = None,
) -> EmailMessage:
    """One message from ``<template>.txt`` and ``<template>.html``."""
    env = environment()
    context = {**context, "settings": settings}
    message = EmailMessage()
    name, address = parseaddr(settings.mail_from)
    message["From"] = str(Address(display_name=name, addr_spec=address or "monitor@localhost"))
    message["To"] = recipient
    message["Subject"] = clean_subject(subject)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC))
    message["Message-ID"] = message_id(key, settings)
    message["Auto-Submitted"] = "auto-generated"
    unsubscribe = _unsubscribe(settings, token)
    if unsubscribe:
        message["List-Unsubscribe"] = unsubscribe
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(env.get_template(f"{template}.txt").render(context), charset="utf-8")
    message.add_alternative(
        env.get_template(f"{template}.html").render(context), subtype="html", charset="utf-8"
    )
    return message


def _letter(
    session: Session, alerts: Sequence[db.Alert], settings: Settings, digest: dt.date | None
) -> tuple[str, str, dict[str, Any]]:
    """The subject, template and context of the message telling ``alerts``."""
    first = alerts[0]
    if digest is not None:
        messages = [message_view(session, group, settings) for group in by_article(alerts)]
        count = sum(len(m.developments) for m in messages)
        subject = (
            f"Case monitor digest {digest.isoformat()}: {count} development{'s' * (count != 1)}"
        )
        context = {"messages": messages, "count": count, "day": labels.human_date(digest)}
        return subject, "digest", context
    if first.kind == "operator":
        details = dict(first.details or {})
        view = OperatorView(
            clean_subject(first.subject),
            first.sentence or "",
            [f"{k}: {v}" for k, v in details.items()],
        )
        return view.subject, "operator", {"alert": view}
    if first.kind == "correction":
        originals = [
            session.scalars(select(db.Alert).where(db.Alert.key == c.details["corrects"])).one()
            for c in alerts
        ]
        message = message_view(session, originals, settings)
        message.reason = str(first.details.get("reason") or "")
        sent = min((o.created_at for o in originals if o.created_at), default=None)
        message.sent = labels.human_date(sent.date()) if sent else None
        return f"Correction: {message.subject}", "correction", {"message": message}
    message = message_view(session, alerts, settings)
    return message.subject, "alert", {"message": message}


def alert_message(
    session: Session,
    alerts: Sequence[db.Alert],
    settings: Settings,
    *,
    recipient: str,
    key: str,
    token: str | None = None,
    now: dt.datetime | None = None,
    digest: dt.date | None = None,
) -> EmailMessage:
    """The email telling ``alerts`` to one recipient: one article's alerts (or their
    corrections), an operator alert, or with ``digest`` the day's alerts, one section per
    article."""
    subject, template, context = _letter(session, alerts, settings, digest)
    return compose(
        settings,
        recipient=recipient,
        subject=subject,
        template=template,
        context=context,
        key=key,
        token=token,
        now=now,
    )
