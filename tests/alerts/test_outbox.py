"""Delivery through the outbox, against a real SMTP server on loopback."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from dataclasses import replace
from email import message_from_bytes
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.config import load_alert_config
from monitor.alerts.notifiers import (
    ArchivingNotifier,
    FileNotifier,
    HandingOver,
    Notifier,
    PermanentFailure,
    RecordingNotifier,
)
from monitor.alerts.outbox import next_digest_time, send_pending
from monitor.alerts.smtp import SmtpNotifier
from monitor.config import Settings
from monitor.db import models as db
from monitor.demo.mailserver import LocalMailServer
from monitor.netutil import free_port
from monitor.subscribers import add_subscriber, make_filters
from tests.alerts.builders import add_case
from tests.alerts.conftest import Hook, raise_one

LATER = dt.timedelta(hours=1)


def smtp(settings: Settings, port: int) -> Settings:
    return replace(settings, smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=5)


def subscribe(sessions: sessionmaker[Session], email: str, **kwargs: Any) -> None:
    with sessions() as session:
        add_subscriber(session, email, **kwargs)
        session.commit()


def raise_alert(
    sessions: sessionmaker[Session], event_type: str = "ill_treatment", day: int = 10
) -> db.Alert:
    with sessions() as session:
        return raise_one(session, event_type, day)


def deliveries(sessions: sessionmaker[Session]) -> list[db.Delivery]:
    with sessions() as session:
        return list(session.scalars(select(db.Delivery).order_by(db.Delivery.id)))


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Killed(BaseException):
    """Stands for the process being killed: nothing in the outbox may catch it."""


class KilledBeforeHandingOver:
    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        raise Killed

    def confirm(self, message_id: str) -> bool | None:
        return None


class KilledAfterAcceptance:
    def __init__(self, inner: Notifier) -> None:
        self.inner = inner

    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        self.inner.send(message, handing_over=handing_over)
        raise Killed

    def confirm(self, message_id: str) -> bool | None:
        return self.inner.confirm(message_id)


def test_an_immediate_alert_reaches_an_immediate_subscriber_once(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions)
    with LocalMailServer() as server:
        settings = smtp(mail_settings, server.port)
        report = send_pending(sessions, settings, now=now())
        send_pending(sessions, settings, now=now() + LATER)
        received = server.received
    assert report.sent == 1
    (mail,) = received
    assert mail.recipients == ["analyst@example.org"]
    (delivery,) = deliveries(sessions)
    assert delivery.status == "sent"
    assert mail.message["Message-ID"] == delivery.message_id


def test_digest_subscribers_get_one_email_a_day_at_the_digest_hour(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "digest@example.org", mode="digest")
    first = raise_alert(sessions, "ill_treatment", 10)
    raise_alert(sessions, "transfer", 20)
    digest_time = next_digest_time(mail_settings, first.created_at)
    recorder = RecordingNotifier()

    early = send_pending(
        sessions, mail_settings, recorder, now=digest_time - dt.timedelta(minutes=1)
    )
    on_time = send_pending(sessions, mail_settings, recorder, now=digest_time)

    assert early.messages == 0
    assert on_time.messages == 1 and on_time.sent == 2
    (message,) = recorder.messages
    assert "2 developments" in str(message["Subject"])


def test_the_digest_hour_is_read_in_the_configured_time_zone(mail_settings: Settings) -> None:
    settings = replace(mail_settings, timezone="Asia/Baku", digest_hour=8)
    after = dt.datetime(2026, 1, 10, 5, 0, tzinfo=dt.UTC)  # 09:00 in Baku
    assert next_digest_time(settings, after) == dt.datetime(2026, 1, 11, 4, 0, tzinfo=dt.UTC)


def test_immediate_subscribers_get_digest_severity_alerts_in_the_digest(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions, "trial")
    recorder = RecordingNotifier()
    assert send_pending(sessions, mail_settings, recorder, now=now()).messages == 0
    (delivery,) = deliveries(sessions)
    assert delivery.channel == "digest"


def test_an_smtp_outage_delays_alerts_and_loses_none(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions, "ill_treatment", 10)
    raise_alert(sessions, "transfer", 20)
    port = free_port()
    settings = smtp(mail_settings, port)
    start = now()

    down = send_pending(sessions, settings, now=start)

    assert down.retrying == 2 and down.sent == 0
    assert {d.status for d in deliveries(sessions)} == {"pending"}
    assert all(d.next_attempt_at == start + dt.timedelta(seconds=60) for d in deliveries(sessions))
    assert send_pending(sessions, settings, now=start + dt.timedelta(seconds=30)).messages == 0
    with LocalMailServer(port=port) as server:
        up = send_pending(sessions, settings, now=start + dt.timedelta(seconds=61))
        send_pending(sessions, settings, now=start + LATER)
        received = server.received
    assert up.sent == 2
    assert len(received) == 2
    assert {d.status for d in deliveries(sessions)} == {"sent"}
    assert [d.attempts for d in deliveries(sessions)] == [2, 2]


def killed_once(sessions: sessionmaker[Session], settings: Settings, notifier: Notifier) -> None:
    """One subscriber, one alert, and a delivery run killed inside ``notifier``."""
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions)
    with pytest.raises(Killed):
        send_pending(sessions, settings, notifier, now=now())


def test_a_run_killed_before_handing_over_sends_again_once(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with LocalMailServer() as server:
        settings = smtp(mail_settings, server.port)
        killed_once(sessions, settings, KilledBeforeHandingOver())
        (stuck,) = deliveries(sessions)
        assert (stuck.status, stuck.message_id) == ("sending", None)

        report = send_pending(sessions, settings, now=now() + LATER)
        send_pending(sessions, settings, now=now() + 2 * LATER)
        received = server.received
    assert report.resent_after_interruption == 1
    assert len(received) == 1
    assert deliveries(sessions)[0].status == "sent"


def test_a_run_killed_after_the_server_accepted_sends_again_with_the_same_message_id(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with LocalMailServer() as server:
        settings = smtp(mail_settings, server.port)
        killed_once(sessions, settings, KilledAfterAcceptance(SmtpNotifier(settings)))
        report = send_pending(sessions, settings, SmtpNotifier(settings), now=now() + LATER)
        send_pending(sessions, settings, SmtpNotifier(settings), now=now() + 2 * LATER)
        received = server.received
    assert report.unsure == 1
    assert [r.recipients for r in received] == [["analyst@example.org"]] * 2
    (delivery,) = deliveries(sessions)
    assert {r.message["Message-ID"] for r in received} == {delivery.message_id}
    assert delivery.status == "sent"


def test_an_unsure_delivery_whose_outbox_copy_exists_is_not_sent_again(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with LocalMailServer() as server:
        settings = smtp(mail_settings, server.port)
        archiving = ArchivingNotifier(SmtpNotifier(settings), settings.outbox_dir)
        killed_once(sessions, settings, KilledAfterAcceptance(archiving))  # after the copy
        report = send_pending(sessions, settings, now=now() + LATER)
        received = server.received
    assert report.confirmed_after_interruption == 1
    assert len(received) == 1
    assert deliveries(sessions)[0].status == "sent"


def test_the_file_outbox_confirms_a_delivery_whose_run_was_killed(
    sessions: sessionmaker[Session], mail_settings: Settings, tmp_path: Path
) -> None:
    outbox = FileNotifier(tmp_path / "outbox")
    killed_once(sessions, mail_settings, KilledAfterAcceptance(outbox))

    report = send_pending(sessions, mail_settings, outbox, now=now() + LATER)

    assert report.confirmed_after_interruption == 1
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
    assert deliveries(sessions)[0].status == "sent"


class SlowToAnswerData:
    """Accepts every message, but answers DATA only after ``delay`` seconds."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.message_ids: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(self.delay)
        parsed = message_from_bytes(envelope.original_content or envelope.content)
        self.message_ids.append(str(parsed["Message-ID"]))
        return "250 accepted"


def test_a_send_that_times_out_after_data_is_retried_with_the_same_message_id(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions)
    handler = SlowToAnswerData(delay=2.0)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings = replace(smtp(mail_settings, controller.port), smtp_timeout=0.5)
        start = now()
        first = send_pending(sessions, settings, SmtpNotifier(settings), now=start)
        (delivery,) = deliveries(sessions)
        assert (first.unsure, delivery.status) == (1, "unsure")
        handler.delay = 0
        again = send_pending(sessions, settings, SmtpNotifier(settings), now=start + LATER)
    finally:
        controller.stop()
    assert again.sent == 1
    # the server saw it (aiosmtpd drops the first when the client hangs up) under one id
    assert set(handler.message_ids) == {delivery.message_id}
    assert deliveries(sessions)[0].status == "sent"


def test_a_refused_message_fails_at_once_and_the_operator_is_told(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    class Refusing(RecordingNotifier):
        def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
            if message["To"] == "gone@example.org":
                raise PermanentFailure("recipients refused: 550 no such user")
            return super().send(message, handing_over=handing_over)

    subscribe(sessions, "gone@example.org")
    raise_alert(sessions)
    recorder = Refusing()

    report = send_pending(sessions, mail_settings, recorder, now=now())

    assert report.failed == 1
    assert [str(m["To"]) for m in recorder.messages] == ["operator@monitor.example"]


def test_after_max_attempts_a_delivery_is_failed(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions)
    config = replace(load_alert_config({}), max_attempts=2)
    notifier = RecordingNotifier(failures=5)
    start = now()
    for minutes in (0, 5, 10):
        send_pending(
            sessions, mail_settings, notifier, start + dt.timedelta(minutes=minutes), config=config
        )
    assert deliveries(sessions)[0].status == "failed"
    assert deliveries(sessions)[0].attempts == 2


def test_filters_decide_who_receives_an_alert(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with sessions() as session:
        add_case(session, "orujov-mohyaddin", "Mohyaddin Orujov")
        add_case(session, "someone-else", "Someone Else")
        session.commit()
    subscribe(sessions, "case@example.org", filters=make_filters(cases=["orujov-mohyaddin"]))
    subscribe(sessions, "other@example.org", filters=make_filters(cases=["someone-else"]))
    subscribe(sessions, "ge@example.org", filters=make_filters(countries=["GE"]))
    subscribe(sessions, "types@example.org", filters=make_filters(event_types=["death"]))
    subscribe(sessions, "sure@example.org", filters=make_filters(min_confidence=0.99))
    subscribe(
        sessions, "az@example.org", filters=make_filters(countries=["az"], min_confidence=0.9)
    )
    raise_alert(sessions)
    recorder = RecordingNotifier()

    send_pending(sessions, mail_settings, recorder, now=now())

    assert sorted(str(m["To"]) for m in recorder.messages) == ["az@example.org", "case@example.org"]


def test_alerts_raised_before_someone_subscribed_are_not_sent_to_them(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    raise_alert(sessions)
    subscribe(sessions, "late@example.org")
    recorder = RecordingNotifier()
    send_pending(sessions, mail_settings, recorder, now=now())
    assert recorder.messages == []


def test_operator_alerts_go_to_the_operator(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    with sessions() as session:
        session.add(
            db.Alert(
                key="crawl:kavkaz-uzel-ru:2026-01-10",
                kind="operator",
                type="crawl",
                severity="immediate",
                subject="Outlet kavkaz-uzel-ru yielded no articles",
                sentence="The last three crawls found no new article.",
                details={"outlet": "kavkaz-uzel-ru", "problem": "no articles"},
            )
        )
        session.commit()
    recorder = RecordingNotifier()
    send_pending(sessions, mail_settings, recorder, now=now())
    (message,) = recorder.messages
    assert message["To"] == "operator@monitor.example"
    assert "Outlet kavkaz-uzel-ru yielded no articles" in str(message["Subject"])
    body = message.get_body(("plain",))
    assert body is not None and "problem: no articles" in str(body.get_content())


def test_a_webhook_receives_each_alert_once_as_json(
    sessions: sessionmaker[Session], mail_settings: Settings, webhook: str
) -> None:
    raise_alert(sessions)
    config = replace(load_alert_config({}), webhooks=(webhook,))
    for later in (dt.timedelta(0), LATER):
        send_pending(sessions, mail_settings, RecordingNotifier(), now() + later, config=config)
    ((key, payload),) = Hook.received
    assert payload["case_id"] == "orujov-mohyaddin"
    assert payload["type"] == "ill_treatment"
    assert payload["idempotency_key"] == key
    assert "Мохйаддина Оруджева" in payload["sentence"]


def test_an_alert_whose_development_was_retracted_is_not_planned(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "analyst@example.org")
    alert = raise_alert(sessions)
    with sessions() as session:
        development = session.get(db.Development, alert.development_id)
        assert development is not None
        development.status = "retracted"
        session.commit()
    report = send_pending(sessions, mail_settings, notifier=RecordingNotifier(), now=now())
    assert report.planned == 0
    assert deliveries(sessions) == []


def test_only_recent_alerts_are_planned(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    from monitor.alerts.outbox import PLAN_WINDOW

    subscribe(sessions, "analyst@example.org")
    raise_alert(sessions)
    much_later = now() + PLAN_WINDOW + dt.timedelta(days=1)
    report = send_pending(sessions, mail_settings, notifier=RecordingNotifier(), now=much_later)
    assert report.planned == 0


def test_sending_prunes_outbox_copies_past_their_retention_but_never_inside_the_plan_window(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    outbox = mail_settings.outbox_dir
    outbox.mkdir(parents=True, exist_ok=True)
    for name, days in (("ancient.eml", 40), ("last-week.eml", 7)):
        (outbox / name).write_bytes(b"x")
        when = (now() - dt.timedelta(days=days)).timestamp()
        os.utime(outbox / name, (when, when))
    keep_a_day = replace(mail_settings, outbox_keep_days=1)
    report = send_pending(sessions, keep_a_day, notifier=RecordingNotifier(), now=now())
    assert report.pruned_copies == 1
    assert [p.name for p in outbox.iterdir()] == ["last-week.eml"]


def test_an_outbox_retention_of_zero_keeps_every_copy(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    outbox = mail_settings.outbox_dir
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / "ancient.eml").write_bytes(b"x")
    later = now() + dt.timedelta(days=3650)
    forever = replace(mail_settings, outbox_keep_days=0)
    assert (
        send_pending(sessions, forever, notifier=RecordingNotifier(), now=later).pruned_copies == 0
    )
    assert (outbox / "ancient.eml").exists()
