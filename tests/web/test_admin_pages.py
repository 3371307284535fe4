"""Accounts page: admins only."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from monitor.users import get_user
from tests.web.conftest import csrf_token, post_form


def test_an_analyst_may_not_manage_accounts(analyst: FlaskClient) -> None:
    token = csrf_token(analyst, "/review")
    assert analyst.get("/admin/users").status_code == 403
    response = analyst.post(
        "/admin/users",
        data={"csrf_token": token, "email": "x@example.org", "role": "admin", "password": "p" * 12},
    )
    assert response.status_code == 403


def test_an_admin_adds_an_account(admin: FlaskClient, sessions: sessionmaker[Session]) -> None:
    data = {"email": "new@example.org", "role": "analyst", "password": "long enough pass"}
    assert post_form(admin, "/admin/users", "/admin/users", data).status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        row = get_user(s, "new@example.org")
        assert row is not None
        assert row.role == "analyst"
        assert "long enough pass" not in row.password_hash


def test_an_admin_disables_and_enables_an_account(
    admin: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    post_form(admin, "/admin/users", "/admin/users/analyst@example.org/disable")
    with sessions() as s:
        row = get_user(s, "analyst@example.org")
        assert row is not None
        assert row.active is False
    post_form(admin, "/admin/users", "/admin/users/analyst@example.org/enable")
    with sessions() as s:
        row = get_user(s, "analyst@example.org")
        assert row is not None
        assert row.active is True


def test_an_admin_cannot_lock_themself_out(
    admin: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    post_form(admin, "/admin/users", "/admin/users/admin@example.org/disable")
    with sessions() as s:
        row = get_user(s, "admin@example.org")
        assert row is not None
        assert row.active is True
