"""Subscribers: who receives which alerts, immediately or in a daily digest.

Filters (all optional, all must hold): ``cases`` (case ids), ``countries`` (ISO codes),
``event_types`` (from the contract's list) and ``min_confidence`` (0 to 1). An empty
filter lets everything through. Every subscriber has a random token for the
unsubscribe link.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.model import EVENT_TYPES

MODES = ("immediate", "digest")
LIST_FILTERS = ("cases", "countries", "event_types")


class SubscriberError(ValueError):
    """A subscriber that cannot be added or changed as asked; the message says why."""


def make_filters(
    *,
    cases: Sequence[str] = (),
    countries: Sequence[str] = (),
    event_types: Sequence[str] = (),
    min_confidence: float | None = None,
) -> dict[str, Any]:
    unknown = [t for t in event_types if t not in EVENT_TYPES]
    if unknown:
        raise SubscriberError(f"unknown event types {unknown}; see the contract's list")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise SubscriberError("min_confidence must lie between 0 and 1")
    filters: dict[str, Any] = {}
    if cases:
        filters["cases"] = sorted(set(cases))
    if countries:
        filters["countries"] = sorted({c.upper() for c in countries})
    if event_types:
        filters["event_types"] = sorted(set(event_types))
    if min_confidence is not None:
        filters["min_confidence"] = float(min_confidence)
    return filters


def _check(email: str, mode: str) -> None:
    if "@" not in email or any(c.isspace() for c in email) or email.count("@") != 1:
        raise SubscriberError(f"{email!r} is not an email address")
    if mode not in MODES:
        raise SubscriberError(f"mode must be immediate or digest, not {mode!r}")


def _check_cases(session: Session, filters: dict[str, Any] | None) -> None:
    """A filter naming a case the list does not hold would let nothing through, ever."""
    cases = list((filters or {}).get("cases") or [])
    known = set(session.scalars(select(db.Case.id).where(db.Case.id.in_(cases))))
    unknown = [c for c in cases if c not in known]
    if unknown:
        raise SubscriberError(
            f"no such cases: {', '.join(unknown)} (`monitor cases list` shows the ids)"
        )


def get_subscriber(session: Session, email: str) -> db.Subscriber | None:
    return session.scalars(
        select(db.Subscriber).where(db.Subscriber.email == email.strip().lower())
    ).one_or_none()


def add_subscriber(
    session: Session,
    email: str,
    *,
    mode: str = "immediate",
    name: str | None = None,
    filters: dict[str, Any] | None = None,
) -> db.Subscriber:
    email = email.strip().lower()
    _check(email, mode)
    if get_subscriber(session, email) is not None:
        raise SubscriberError(f"{email} is already subscribed")
    _check_cases(session, filters)
    row = db.Subscriber(
        email=email,
        name=name,
        mode=mode,
        filters=filters or {},
        active=True,
        token=secrets.token_urlsafe(24),
    )
    session.add(row)
    session.flush()
    return row


def update_subscriber(
    session: Session,
    email: str,
    *,
    mode: str | None = None,
    name: str | None = None,
    filters: dict[str, Any] | None = None,
    active: bool | None = None,
) -> db.Subscriber:
    row = get_subscriber(session, email)
    if row is None:
        raise SubscriberError(f"{email} is not subscribed")
    if mode is not None:
        _check(row.email, mode)
        row.mode = mode
    if name is not None:
        row.name = name
    if filters is not None:
        _check_cases(session, filters)
        row.filters = filters
    if active is not None:
        row.active = active
    session.flush()
    return row


def remove_subscriber(session: Session, email: str) -> bool:
    """Deactivate (deliveries keep pointing at it); True when someone was subscribed."""
    row = get_subscriber(session, email)
    if row is None or not row.active:
        return False
    row.active = False
    session.flush()
    return True


def unsubscribe_token(session: Session, token: str) -> db.Subscriber | None:
    """The one-click unsubscribe behind the List-Unsubscribe link."""
    row = session.scalars(select(db.Subscriber).where(db.Subscriber.token == token)).one_or_none()
    if row is not None:
        row.active = False
        session.flush()
    return row


def list_subscribers(session: Session, *, active_only: bool = True) -> list[db.Subscriber]:
    query = select(db.Subscriber).order_by(db.Subscriber.email)
    if active_only:
        query = query.where(db.Subscriber.active.is_(True))
    return list(session.scalars(query))


def wants(subscriber: db.Subscriber, alert: db.Alert, country: str | None) -> bool:
    """Whether the subscriber's filters let this case alert through."""
    filters = subscriber.filters or {}
    if filters.get("cases") and alert.case_id not in filters["cases"]:
        return False
    if filters.get("countries") and (country or "").upper() not in filters["countries"]:
        return False
    if filters.get("event_types") and alert.type not in filters["event_types"]:
        return False
    minimum = filters.get("min_confidence")
    return minimum is None or (alert.confidence or 0.0) >= float(minimum)
