"""One email per article and case, one per development of several people, with the
development's own date and codes in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.notifiers import RecordingNotifier
from monitor.alerts.outbox import send_pending
from monitor.config import Settings
from monitor.db import models as db
from monitor.subscribers import add_subscriber, make_filters
from monitor.timeline import record_developments
from tests.alerts.builders import add_article, add_case, add_event

JAN_10 = dt.date(2026, 1, 10)
VERDICT = (
    "The Baku Grave Crimes Court sentenced Ramil Safarli to nine years, Aziz Karimov to "
    "eight years and Elchin Mammadov to seven years in prison."
)


def emails(
    sessions: sessionmaker[Session],
    settings: Settings,
    *articles: Callable[[Session], None],
    **subscriber: Any,
) -> list[EmailMessage]:
    """What a monitor who subscribed before ``articles`` came in receives at once."""
    with sessions() as session:
        add_subscriber(session, "monitor@example.org", **subscriber)
        session.commit()
        for article in articles:
            article(session)
    recorder = RecordingNotifier()
    send_pending(sessions, settings, recorder, now=dt.datetime.now(dt.UTC))
    return recorder.messages


def text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def known(session: Session, case_id: str, name: str) -> None:
    if session.get(db.Case, case_id) is None:
        add_case(session, case_id, name)


def hunger_strike_and_beating(session: Session) -> None:
    known(session, "safarli-ramil", "Ramil Safarli")
    title = "Ramil Safarli on hunger strike"
    lead = "Guards beat Ramil Safarli on 8 January after he refused food, his wife said."
    article = add_article(session, title, [lead], published=JAN_10)
    add_event(session, article, "safarli-ramil", "hunger_strike", title, name="Ramil Safarli")
    add_event(
        session,
        article,
        "safarli-ramil",
        "ill_treatment",
        lead,
        name="Ramil Safarli",
        date=dt.date(2026, 1, 8),
    )
    record_developments(session, article)
    session.commit()


def group_verdict(session: Session) -> None:
    known(session, "safarli-ramil", "Ramil Safarli")
    known(session, "karimov-aziz", "Aziz Karimov")
    known(session, "mammadov-tural", "Tural Mammadov")  # someone else entirely
    article = add_article(session, "Three activists sentenced in Baku", [VERDICT], published=JAN_10)
    add_event(session, article, "safarli-ramil", "sentence", VERDICT, name="Ramil Safarli")
    add_event(session, article, "karimov-aziz", "sentence", VERDICT, name="Aziz Karimov")
    add_event(session, article, None, "sentence", VERDICT, name="Elchin Mammadov", decision="none")
    record_developments(session, article)
    session.commit()


def test_two_developments_of_one_case_in_one_article_are_one_email(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    (message,) = emails(sessions, mail_settings, hunger_strike_and_beating)

    assert message["Subject"] == "Ramil Safarli: on hunger strike, ill-treatment in custody"
    body = text(message)
    assert "* On hunger strike" in body and "* Ill-treatment in custody" in body


def test_the_email_gives_the_developments_own_date_beside_the_articles(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    body = text(emails(sessions, mail_settings, hunger_strike_and_beating)[0])

    assert "When: 8 January 2026 (reported 10 January 2026)" in body
    assert "When: 10 January 2026, the day it was reported" in body


def test_a_date_given_without_a_day_reads_as_its_month(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    def moved_in_january(session: Session) -> None:
        add_case(session, "safarli-ramil", "Ramil Safarli")
        body = "Ramil Safarli was moved to another prison in January."
        article = add_article(session, "Blogger moved", [body], published=JAN_10)
        event = add_event(session, article, "safarli-ramil", "transfer", body, name="Ramil Safarli")
        event.date, event.date_precision = dt.date(2026, 1, 1), "month"
        record_developments(session, article)
        session.commit()

    (message,) = emails(sessions, mail_settings, moved_in_january)

    assert "When: January 2026 (reported 10 January 2026)" in text(message)


def test_codes_read_as_words(sessions: sessionmaker[Session], mail_settings: Settings) -> None:
    def charged_case(session: Session) -> None:
        case = add_case(session, "safarli-ramil", "Ramil Safarli")
        case.charges = ["drug_trafficking", "illegal_entrepreneurship"]
        hunger_strike_and_beating(session)

    body = text(emails(sessions, mail_settings, charged_case)[0])

    assert "Development: hunger strike (sent at once)" in body
    assert "Charges: drug trafficking, illegal entrepreneurship" in body
    assert "Ramil Safarli: imprisoned" in body
    for code in ("hunger_strike", "ill_treatment", "drug_trafficking", "illegal_entrepreneurship"):
        assert code not in body


def test_a_verdict_for_co_defendants_is_one_email_listing_each_ones_term(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    (message,) = emails(sessions, mail_settings, group_verdict)

    assert message["Subject"] == "Ramil Safarli and Aziz Karimov: sentenced"
    body = text(message)
    assert "Co-defendants:" in body
    assert "- Ramil Safarli: 9 years (case: Ramil Safarli)" in body
    assert "- Aziz Karimov: 8 years (case: Aziz Karimov)" in body
    assert "- Elchin Mammadov: 7 years (not on the case list)" in body


def test_a_monitor_following_one_co_defendant_still_sees_the_others(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with sessions() as session:
        known(session, "karimov-aziz", "Aziz Karimov")
        session.commit()
    (message,) = emails(
        sessions, mail_settings, group_verdict, filters=make_filters(cases=["karimov-aziz"])
    )

    assert message["Subject"] == "Aziz Karimov: sentenced to 8 years"
    body = text(message)
    assert "- Ramil Safarli: 9 years (case: Ramil Safarli)" in body
    assert "Tural Mammadov" not in body


def test_articles_about_different_cases_are_different_emails(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    messages = emails(sessions, mail_settings, hunger_strike_and_beating, group_verdict)

    subjects = sorted(str(m["Subject"]) for m in messages)

    assert subjects == [
        "Ramil Safarli and Aziz Karimov: sentenced",
        "Ramil Safarli: on hunger strike, ill-treatment in custody",
    ]


def test_a_lawyer_telling_of_the_verdict_is_no_co_defendant(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    def verdict_told_by_a_lawyer(session: Session) -> None:
        known(session, "safarli-ramil", "Ramil Safarli")
        lead = "Lawyer Nazim Musayev said the court sentenced Ramil Safarli to nine years."
        article = add_article(session, "Blogger sentenced", [lead], published=JAN_10)
        add_event(session, article, "safarli-ramil", "sentence", lead, name="Ramil Safarli")
        lawyer = add_event(
            session, article, None, "sentence", lead, name="Nazim Musayev", decision="none"
        )
        assert lawyer.person is not None
        lawyer.person.role = "lawyer"
        record_developments(session, article)
        session.commit()

    (message,) = emails(sessions, mail_settings, verdict_told_by_a_lawyer)

    assert message["Subject"] == "Ramil Safarli: sentenced to 9 years"
    assert "Co-defendants" not in text(message)


class NoAnswerAfterData(RecordingNotifier):
    """Hands each message over, then loses the connection: the server may have it."""

    def send(self, message: EmailMessage, *, handing_over: Any = None) -> str:
        if handing_over:
            handing_over()
        self.messages.append(message)
        raise TimeoutError("no answer after DATA")

    def confirm(self, message_id: str) -> bool | None:
        return None


def test_an_unsure_email_of_two_developments_goes_again_as_one_with_its_message_id(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    with sessions() as session:
        add_subscriber(session, "monitor@example.org")
        session.commit()
        hunger_strike_and_beating(session)
    start = dt.datetime.now(dt.UTC)
    lost = NoAnswerAfterData()
    first = send_pending(sessions, mail_settings, lost, now=start)
    with sessions() as session:
        unsure = session.query(db.Delivery).order_by(db.Delivery.id).all()
        assert [d.status for d in unsure] == ["unsure", "unsure"]
        assert len({d.next_attempt_at for d in unsure}) == 1  # due again together
    again = RecordingNotifier()
    send_pending(sessions, mail_settings, again, now=start + dt.timedelta(hours=1))

    assert first.unsure == 2
    (message,) = again.messages
    assert message["Message-ID"] == lost.messages[0]["Message-ID"]
    assert "* On hunger strike" in text(message) and "* Ill-treatment in custody" in text(message)
