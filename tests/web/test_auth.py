"""Signing in: required everywhere, wrong passwords, rate limits, CSRF, cookies, roles."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.users import set_active, set_password
from monitor.web.app import SecretKeyMissing, create_app
from tests.web.builders import Seeded
from tests.web.conftest import csrf_token, post_form, sign_in

PAGES = [
    "/",
    "/review",
    "/review/match/{match}",
    "/review/export.csv",
    "/review/export.json",
    "/cases",
    "/cases/{case}",
    "/cases/{case}/timeline.csv",
    "/cases/{case}/timeline.json",
    "/articles/{article}",
    "/articles/{article}/evidence",
    "/subscriptions",
    "/admin/users",
]


def paths(seeded: Seeded) -> list[str]:
    return [
        p.format(match=seeded.match_id, case=seeded.case_id, article=seeded.article_id)
        for p in PAGES
    ]


def test_every_page_sends_a_stranger_to_the_sign_in_form(
    client: FlaskClient, seeded: Seeded
) -> None:
    for path in paths(seeded):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/login"), path


def test_a_post_without_signing_in_changes_nothing(client: FlaskClient, seeded: Seeded) -> None:
    token = csrf_token(client, "/login")
    response = client.post(f"/review/match/{seeded.match_id}/confirm", data={"csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_signed_in_the_analyst_sees_every_page_but_the_admin_one(
    analyst: FlaskClient, seeded: Seeded
) -> None:
    for path in paths(seeded):
        expected = 403 if path.startswith("/admin") else (302 if path == "/" else 200)
        assert analyst.get(path).status_code == expected, path


def test_a_wrong_password_is_refused_with_a_message(client: FlaskClient) -> None:
    response = sign_in(client, "analyst@example.org", "not the password")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "Wrong email or password." in response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert client.get("/review").status_code == 302


def test_an_unknown_email_gets_the_same_answer_as_a_wrong_password(client: FlaskClient) -> None:
    response = sign_in(client, "nobody@example.org", "whatever it is")
    assert "Wrong email or password." in response.get_data(as_text=True)  # type: ignore[attr-defined]


def test_signing_in_goes_to_the_page_asked_for_but_never_off_site(client: FlaskClient) -> None:
    token = csrf_token(client, "/login")
    data = {
        "csrf_token": token,
        "email": "analyst@example.org",
        "password": "correct horse battery",
    }
    response = client.post("/login?next=/cases", data=data)
    assert response.headers["Location"] == "/cases"
    client.post("/logout", data={"csrf_token": csrf_token(client, "/cases")})
    token = csrf_token(client, "/login")
    response = client.post("/login?next=//evil.example/x", data={**data, "csrf_token": token})
    assert response.headers["Location"] == "/review"


def test_a_form_posted_without_its_csrf_token_is_refused(
    analyst: FlaskClient, seeded: Seeded
) -> None:
    response = analyst.post(f"/review/match/{seeded.match_id}/confirm")
    assert response.status_code == 400
    response = analyst.post(
        f"/review/match/{seeded.match_id}/confirm", data={"csrf_token": "forged"}
    )
    assert response.status_code == 400


def test_signing_in_needs_the_csrf_token_too(client: FlaskClient) -> None:
    response = client.post(
        "/login", data={"email": "analyst@example.org", "password": "correct horse battery"}
    )
    assert response.status_code == 400


def test_signing_out_ends_the_session(analyst: FlaskClient) -> None:
    response = post_form(analyst, "/review", "/logout")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert analyst.get("/review").status_code == 302


def test_too_many_attempts_lock_the_address_out_for_a_while(
    settings: Settings, db_url: str, app: Flask
) -> None:
    strict = create_app(replace(settings, secret_key="k" * 32), login_limit="3/minute")
    client = strict.test_client()
    for _ in range(3):
        assert sign_in(client, "analyst@example.org", "wrong guess!").status_code == 200  # type: ignore[attr-defined]
    response = sign_in(client, "analyst@example.org")
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Too many sign-in attempts" in response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert client.get("/review").status_code == 302


def test_a_disabled_account_can_no_longer_sign_in_nor_use_its_session(
    analyst: FlaskClient, client: FlaskClient, sessions: sessionmaker[Session], app: Flask
) -> None:
    with sessions.begin() as s:
        set_active(s, "analyst@example.org", False)
    assert analyst.get("/review").status_code == 302
    other = app.test_client()
    assert sign_in(other, "analyst@example.org").status_code == 200  # type: ignore[attr-defined]


def test_changing_the_password_ends_sessions_signed_in_before(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        set_password(s, "analyst@example.org", "a brand new passphrase")
    assert analyst.get("/review").status_code == 302


def test_the_session_cookie_is_httponly_and_samesite_lax(client: FlaskClient) -> None:
    response = sign_in(client, "analyst@example.org")
    cookie = response.headers["Set-Cookie"]  # type: ignore[attr-defined]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # served over http://127.0.0.1 in these tests


def test_cookies_are_secure_when_the_site_is_https(
    settings: Settings, db_url: str, app: Flask
) -> None:
    https = create_app(replace(settings, secret_key="k" * 32, base_url="https://monitor.example"))
    assert https.config["SESSION_COOKIE_SECURE"] is True
    off = create_app(
        replace(settings, secret_key="k" * 32, base_url="https://monitor.example"),
        cookie_secure=False,
    )
    assert off.config["SESSION_COOKIE_SECURE"] is False


def test_the_app_refuses_to_start_without_a_secret_key(settings: Settings) -> None:
    with pytest.raises(SecretKeyMissing):
        create_app(replace(settings, secret_key=""))


def test_every_page_carries_the_security_headers(analyst: FlaskClient) -> None:
    for path in ("/review", "/login"):
        headers = analyst.get(path).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_a_session_cookie_copied_before_signing_out_no_longer_works(
    analyst: FlaskClient, app: Flask
) -> None:
    copied = analyst.get_cookie("monitor_session")
    assert copied is not None
    post_form(analyst, "/review", "/logout")
    thief = app.test_client()
    thief.set_cookie("monitor_session", copied.value)
    response = thief.get("/review")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_signing_out_ends_only_that_session(app: Flask) -> None:
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, "analyst@example.org")
    sign_in(phone, "analyst@example.org")
    post_form(laptop, "/review", "/logout")
    assert phone.get("/review").status_code == 200
