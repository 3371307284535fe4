"""The List-Unsubscribe link of alert emails works without signing in."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from monitor.db import models as db
from monitor.subscribers import add_subscriber


def subscriber_token(sessions: sessionmaker[Session]) -> str:
    with sessions() as session:
        row = add_subscriber(session, "monitor@example.org")
        session.commit()
        return row.token


def is_active(sessions: sessionmaker[Session]) -> bool:
    with sessions() as session:
        row = session.query(db.Subscriber).one()
        return row.active


def test_the_link_shows_a_confirmation_and_changes_nothing(
    client: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    token = subscriber_token(sessions)
    page = client.get(f"/unsubscribe/{token}")
    assert page.status_code == 200
    assert b"monitor@example.org" in page.data
    assert is_active(sessions)


def test_one_click_post_unsubscribes_without_a_session_or_csrf_token(
    client: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    token = subscriber_token(sessions)
    done = client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert not is_active(sessions)


def test_an_unknown_token_is_not_found(client: FlaskClient) -> None:
    assert client.get("/unsubscribe/not-a-token").status_code == 404
    assert client.post("/unsubscribe/not-a-token").status_code == 404


def test_the_rest_of_the_app_still_needs_a_sign_in(client: FlaskClient) -> None:
    assert client.get("/review").status_code in (302, 401)
