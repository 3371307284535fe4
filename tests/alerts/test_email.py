"""Alert emails: who and what in the subject, the evidence in the body, safe HTML."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.email import alert_message, highlight_html, message_id
from monitor.config import Settings
from monitor.db import models as db
from tests.alerts.conftest import raise_one


def build(sessions: sessionmaker[Session], settings: Settings, alert: db.Alert) -> EmailMessage:
    with sessions() as session:
        row = session.get(db.Alert, alert.id)
        assert row is not None
        return alert_message(
            session, [row], settings, recipient="analyst@example.org", key="k1", token="tok-123"
        )


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def test_the_subject_says_who_and_what(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    message = build(sessions, mail_settings, alert)
    assert message["Subject"] == "Mohyaddin Orujov: ill-treatment in custody"


def test_the_body_highlights_the_matched_name_in_the_sentence(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    text, html = parts(build(sessions, mail_settings, alert))
    assert "<mark>Мохйаддина Оруджева</mark>" in html
    assert "*Мохйаддина Оруджева*" in text


def test_article_text_is_escaped_in_html(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    _, html = parts(build(sessions, mail_settings, alert))
    assert "&lt;b&gt;перевели&lt;/b&gt;" in html
    assert "<b>перевели</b>" not in html


def test_the_body_links_the_source_the_review_page_and_explains_the_match(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    text, html = parts(build(sessions, mail_settings, alert))
    for body in (text, html):
        assert "https://www.kavkaz-uzel.eu/articles/420210" in body
        assert f"https://monitor.example/review/match/{alert.details['match_id']}" in body
        assert "full name match Мохйаддина Оруджева" in body
        assert "confidence 0.93" in body
        assert "10 January 2026" in body
        assert "Mohyaddin Orujov: imprisoned" in text


def test_list_unsubscribe_carries_the_subscriber_token(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    message = build(sessions, mail_settings, alert)
    header = message["List-Unsubscribe"]
    assert "<https://monitor.example/unsubscribe/tok-123>" in header
    assert "mailto:alerts@monitor.example" in header
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_cyrillic_survives_the_trip_through_bytes(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    raw = build(sessions, mail_settings, alert).as_bytes(policy=policy.SMTP)
    raw.decode("ascii")  # every part is transfer-encoded
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    text, _ = parts(parsed)
    assert "Гобустанская тюрьма" in text


def test_the_message_id_depends_only_on_the_key(mail_settings: Settings) -> None:
    assert message_id("a", mail_settings) == message_id("a", mail_settings)
    assert message_id("a", mail_settings) != message_id("b", mail_settings)
    assert message_id("a", mail_settings).endswith("@monitor.example>")


def test_a_digest_lists_every_alert(
    sessions: sessionmaker[Session], mail_settings: Settings, alert: db.Alert
) -> None:
    with sessions() as session:
        second = raise_one(session, "transfer", day=20)
        rows = [session.get(db.Alert, alert.id), second]
        message = alert_message(
            session,
            [r for r in rows if r],
            mail_settings,
            recipient="analyst@example.org",
            key="d1",
            digest=second.created_at.date(),
        )
    text, html = parts(message)
    assert "2 developments" in str(message["Subject"])
    assert "Mohyaddin Orujov: ill-treatment in custody" in text
    assert "Mohyaddin Orujov: transferred to another facility" in html


def test_highlighting_escapes_the_name_too() -> None:
    assert str(highlight_html("x <i>A&B</i> y", ["<i>A&B</i>"])) == (
        "x <mark>&lt;i&gt;A&amp;B&lt;/i&gt;</mark> y"
    )
