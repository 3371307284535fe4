"""Corrections: an alert that went out about a development later retracted is withdrawn,
once, to everyone it reached, by the channel it reached them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from email.message import EmailMessage
from xml.etree import ElementTree as ET

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.config import load_alert_config
from monitor.alerts.feed import ATOM, build_atom
from monitor.alerts.notifiers import HandingOver, RecordingNotifier
from monitor.alerts.outbox import send_pending
from monitor.config import Settings
from monitor.db import models as db
from monitor.demo.mailserver import LocalMailServer
from monitor.review import judge_match, retract_development
from monitor.subscribers import add_subscriber
from monitor.timeline import record_developments
from tests.alerts.builders import add_article, add_case, add_event
from tests.alerts.conftest import Hook, raise_one

LATER = dt.timedelta(minutes=5)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def subscribe(sessions: sessionmaker[Session], email: str, mode: str = "immediate") -> None:
    with sessions() as session:
        add_subscriber(session, email, mode=mode)
        session.commit()


def reject(sessions: sessionmaker[Session], alert: db.Alert) -> None:
    with sessions() as session:
        judge_match(session, int(alert.details["match_id"]), "reject", "ana@example.org")
        session.commit()


def subjects(recorder: RecordingNotifier) -> list[str]:
    return [str(m["Subject"]) for m in recorder.messages]


def test_rejecting_an_alerted_match_sends_its_recipient_one_correction(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "monitor@example.org")
    with sessions() as session:
        alert = raise_one(session)
    with LocalMailServer() as server:
        settings = replace(mail_settings, smtp_host="127.0.0.1", smtp_port=server.port)
        send_pending(sessions, settings, now=now())
        reject(sessions, alert)
        send_pending(sessions, settings, now=now() + LATER)
        send_pending(sessions, settings, now=now() + 2 * LATER)
        received = server.received

    _, correction = received
    assert correction.recipients == ["monitor@example.org"]
    assert correction.message["Subject"] == (
        "Correction: Mohyaddin Orujov: ill-treatment in custody"
    )
    body = correction.message.get_body(("plain",))
    assert body is not None
    text = str(body.get_content())
    assert 'We withdraw the alert "Mohyaddin Orujov: ill-treatment in custody" sent on' in text
    assert "does not report on Mohyaddin Orujov (match rejected)" in text
    assert "https://www.kavkaz-uzel.eu/articles/420210" in text


def test_a_monitor_the_alert_never_reached_gets_no_correction(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "digest@example.org", mode="digest")
    with sessions() as session:
        alert = raise_one(session)
    recorder = RecordingNotifier()
    send_pending(sessions, mail_settings, recorder, now=now())  # the digest is not due yet
    reject(sessions, alert)

    send_pending(sessions, mail_settings, recorder, now=now() + dt.timedelta(days=2))

    assert recorder.messages == []
    with sessions() as session:
        statuses = session.scalars(select(db.Delivery.status)).all()
    assert statuses == ["cancelled"]


def test_one_rejection_retracting_two_developments_is_one_correction_email(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "monitor@example.org")
    with sessions() as session:
        add_case(session, "safarli-ramil", "Ramil Safarli")
        lead = "Ramil Safarli went on hunger strike after guards beat him on Monday."
        article = add_article(session, "Blogger protests", [lead], published=dt.date(2026, 1, 9))
        add_event(session, article, "safarli-ramil", "hunger_strike", lead, name="Ramil Safarli")
        event = add_event(
            session, article, "safarli-ramil", "ill_treatment", lead, name="Ramil Safarli"
        )
        event.person_id = article.event_mentions[0].person_id  # one person, two developments
        session.flush()
        record_developments(session, article)
        session.commit()
        alert = session.scalars(select(db.Alert).order_by(db.Alert.id)).first()
    assert alert is not None
    recorder = RecordingNotifier()
    send_pending(sessions, mail_settings, recorder, now=now())
    reject(sessions, alert)

    send_pending(sessions, mail_settings, recorder, now=now() + LATER)

    assert subjects(recorder) == [
        "Ramil Safarli: went on hunger strike, ill-treatment in custody",
        "Correction: Ramil Safarli: went on hunger strike, ill-treatment in custody",
    ]


def test_an_analyst_retracting_a_development_by_hand_corrects_its_alert(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "monitor@example.org")
    with sessions() as session:
        alert = raise_one(session)
    recorder = RecordingNotifier()
    send_pending(sessions, mail_settings, recorder, now=now())
    with sessions() as session:
        assert alert.development_id is not None
        retract_development(session, alert.development_id, "ana@example.org", "a duplicate")
        session.commit()

    send_pending(sessions, mail_settings, recorder, now=now() + LATER)

    correction = recorder.messages[-1]
    assert str(correction["Subject"]).startswith("Correction: ")
    body = correction.get_body(("plain",))
    assert body is not None and "Why: a duplicate (ana@example.org)" in str(body.get_content())


def test_a_webhook_that_received_the_alert_receives_its_correction(
    sessions: sessionmaker[Session], mail_settings: Settings, webhook: str
) -> None:
    config = replace(load_alert_config({}), webhooks=(webhook,))
    with sessions() as session:
        alert = raise_one(session)
    send_pending(sessions, mail_settings, RecordingNotifier(), now(), config=config)
    reject(sessions, alert)

    for later in (LATER, 2 * LATER):
        send_pending(sessions, mail_settings, RecordingNotifier(), now() + later, config=config)

    (_, original), (key, correction) = Hook.received
    assert correction["kind"] == "correction"
    assert correction["corrects"] == original["alert"] == alert.key
    assert "match rejected" in correction["reason"]
    assert key == correction["idempotency_key"] != original["idempotency_key"]


def test_the_atom_feed_shows_the_correction_as_an_entry_of_its_own(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as session:
        alert = raise_one(session)
    reject(sessions, alert)
    with sessions() as session:
        rows = session.scalars(select(db.Alert).order_by(db.Alert.id)).all()
        feed = ET.fromstring(build_atom(rows))

    entries = feed.findall(f"{{{ATOM}}}entry")
    titles = [e.findtext(f"{{{ATOM}}}title") for e in entries]
    assert titles == [
        "Correction: Mohyaddin Orujov: ill-treatment in custody",
        "Mohyaddin Orujov: ill-treatment in custody",
    ]
    category = entries[0].find(f"{{{ATOM}}}category")
    assert category is not None and category.get("term") == "correction"
    assert "match rejected" in (entries[0].findtext(f"{{{ATOM}}}summary") or "")


def test_a_rejection_while_the_alert_is_being_sent_is_corrected_once_it_went_out(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    subscribe(sessions, "monitor@example.org")
    with sessions() as session:
        alert = raise_one(session)

    class RejectedMeanwhile(RecordingNotifier):
        """An analyst rejects the match while the sender, holding its claim, sends."""

        def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
            if not self.messages:
                reject(sessions, alert)
            return super().send(message, handing_over=handing_over)

    recorder = RejectedMeanwhile()
    send_pending(sessions, mail_settings, recorder, now=now())
    send_pending(sessions, mail_settings, recorder, now=now() + LATER)
    send_pending(sessions, mail_settings, recorder, now=now() + 2 * LATER)

    assert subjects(recorder) == [
        "Mohyaddin Orujov: ill-treatment in custody",
        "Correction: Mohyaddin Orujov: ill-treatment in custody",
    ]
