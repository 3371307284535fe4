"""Alert emails, rendered from the Jinja2 templates in ``monitor/templates/email``.

Each message has a plain-text and an HTML part (article text is untrusted: the HTML
templates autoescape, and the matched name is wrapped in ``<mark>`` after escaping), a
Message-ID derived from the delivery's idempotency key (so a resent message is
recognisably the same), and List-Unsubscribe headers with the subscriber's token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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

from monitor.alerts.raising import clean_subject
from monitor.config import Settings
from monitor.db import models as db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "email"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass
class Source:
    title: str
    url: str
    outlet: str
    published: str | None


@dataclass
class AlertView:
    """What an email (or a web page) shows of one alert."""

    subject: str
    kind: str
    case_name: str
    case_status: str
    type: str
    severity: str
    date: str | None
    sentence: str
    names: list[str]
    sources: list[Source] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    confidence: float | None = None
    review_url: str | None = None

    @property
    def sentence_html(self) -> Markup:
        return highlight_html(self.sentence, self.names)

    @property
    def sentence_text(self) -> str:
        return highlight_text(self.sentence, self.names)


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


def alert_sources(session: Session, alert: db.Alert) -> list[Source]:
    """Every article reporting the alert's development, in the order they came."""
    if alert.development_id is None:
        return []
    rows = session.execute(
        select(db.Article, db.Outlet.name)
        .join(db.DevelopmentSource, db.DevelopmentSource.article_id == db.Article.id)
        .outerjoin(db.Outlet, db.Outlet.slug == db.Article.outlet_slug)
        .where(db.DevelopmentSource.development_id == alert.development_id)
        .order_by(db.DevelopmentSource.id)
    )
    return [
        Source(
            title=article.title,
            url=article.canonical_url or article.url,
            outlet=outlet_name or article.outlet_slug or "",
            published=article.published_at.date().isoformat() if article.published_at else None,
        )
        for article, outlet_name in rows
    ]


def alert_view(session: Session, alert: db.Alert, settings: Settings) -> AlertView:
    details: dict[str, Any] = dict(alert.details or {})
    case = session.get(db.Case, alert.case_id) if alert.case_id else None
    match_id = details.get("match_id")
    return AlertView(
        subject=clean_subject(alert.subject),
        kind=alert.kind,
        case_name=case.name if case else str(details.get("case_name") or ""),
        case_status=case.status if case else "",
        type=alert.type,
        severity=alert.severity,
        date=details.get("date"),
        sentence=alert.sentence or "",
        names=[str(n) for n in details.get("names") or []],
        sources=alert_sources(session, alert),
        explanation=(
            [f"{k}: {v}" for k, v in details.items()]
            if alert.kind == "operator"
            else [str(e) for e in details.get("explanation") or []]
        ),
        confidence=alert.confidence,
        review_url=f"{settings.base_url.rstrip('/')}/review/match/{match_id}" if match_id else None,
    )


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


def alert_message(
    session: Session,
    alert: db.Alert,
    settings: Settings,
    *,
    recipient: str,
    key: str,
    token: str | None = None,
    now: dt.datetime | None = None,
) -> EmailMessage:
    view = alert_view(session, alert, settings)
    template = "operator" if alert.kind == "operator" else "alert"
    return compose(
        settings,
        recipient=recipient,
        subject=view.subject,
        template=template,
        context={"alert": view},
        key=key,
        token=token,
        now=now,
    )


def digest_message(
    session: Session,
    alerts: Sequence[db.Alert],
    settings: Settings,
    *,
    recipient: str,
    key: str,
    day: dt.date,
    token: str | None = None,
    now: dt.datetime | None = None,
) -> EmailMessage:
    views = [alert_view(session, a, settings) for a in alerts]
    count = len(views)
    subject = f"Case monitor digest {day.isoformat()}: {count} development{'s' * (count != 1)}"
    return compose(
        settings,
        recipient=recipient,
        subject=subject,
        template="digest",
        context={"alerts": views, "day": day.isoformat()},
        key=key,
        token=token,
        now=now,
    )
