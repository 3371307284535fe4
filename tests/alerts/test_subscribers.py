"""Subscribers: adding, changing, removing, and the filters they set."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.subscribers import (
    SubscriberError,
    add_subscriber,
    list_subscribers,
    make_filters,
    remove_subscriber,
    unsubscribe_token,
    update_subscriber,
    wants,
)


def alert(
    case_id: str = "safarli-ramil", event_type: str = "arrest", confidence: float = 0.9
) -> db.Alert:
    return db.Alert(
        key="k",
        case_id=case_id,
        type=event_type,
        severity="immediate",
        subject="s",
        confidence=confidence,
    )


def test_a_subscriber_is_added_with_a_token_and_listed(session: Session) -> None:
    row = add_subscriber(session, " Analyst@Example.org ", mode="digest")
    assert row.email == "analyst@example.org"
    assert len(row.token) >= 24
    assert [s.email for s in list_subscribers(session)] == ["analyst@example.org"]


def test_the_same_address_cannot_subscribe_twice(session: Session) -> None:
    add_subscriber(session, "analyst@example.org")
    with pytest.raises(SubscriberError, match="already"):
        add_subscriber(session, "ANALYST@example.org")


def test_bad_addresses_and_modes_are_refused(session: Session) -> None:
    with pytest.raises(SubscriberError):
        add_subscriber(session, "not an address")
    with pytest.raises(SubscriberError):
        add_subscriber(session, "analyst@example.org", mode="hourly")


def test_update_changes_mode_and_filters(session: Session) -> None:
    add_subscriber(session, "analyst@example.org")
    row = update_subscriber(
        session, "analyst@example.org", mode="digest", filters=make_filters(event_types=["death"])
    )
    assert (row.mode, row.filters) == ("digest", {"event_types": ["death"]})


def test_removing_and_unsubscribing_deactivate(session: Session) -> None:
    first = add_subscriber(session, "a@example.org")
    add_subscriber(session, "b@example.org")
    assert remove_subscriber(session, "a@example.org")
    assert not remove_subscriber(session, "a@example.org")
    second = unsubscribe_token(session, list_subscribers(session)[0].token)
    assert second is not None and not second.active
    assert list_subscribers(session) == []
    assert [s.email for s in list_subscribers(session, active_only=False)] == [
        first.email,
        "b@example.org",
    ]


def test_filters_refuse_unknown_event_types_and_confidences() -> None:
    with pytest.raises(SubscriberError, match="unknown event types"):
        make_filters(event_types=["picnic"])
    with pytest.raises(SubscriberError, match="between 0 and 1"):
        make_filters(min_confidence=2)


def test_every_filter_must_let_an_alert_through() -> None:
    subscriber = db.Subscriber(
        email="x@example.org",
        filters=make_filters(
            cases=["safarli-ramil"], countries=["az"], event_types=["arrest"], min_confidence=0.8
        ),
    )
    assert wants(subscriber, alert(), "AZ")
    assert not wants(subscriber, alert(case_id="other"), "AZ")
    assert not wants(subscriber, alert(), "GE")
    assert not wants(subscriber, alert(event_type="trial"), "AZ")
    assert not wants(subscriber, alert(confidence=0.5), "AZ")


def test_no_filters_let_everything_through() -> None:
    assert wants(db.Subscriber(email="x@example.org", filters={}), alert(), None)
