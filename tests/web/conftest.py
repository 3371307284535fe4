"""The web app on a temporary database, a client, and a signed-in analyst and admin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from monitor import users
from monitor.config import Settings
from monitor.users import add_user
from monitor.web.app import create_app
from tests.web.builders import PASSWORD, Seeded, seed_review_match

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str) -> str:
    """The CSRF token of the first form on ``path``, as a browser would submit it."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    found = TOKEN.search(page.get_data(as_text=True))
    assert found, f"no csrf_token on {path}"
    return found.group(1)


def post_form(
    client: FlaskClient, page: str, action: str, data: dict[str, object] | None = None
) -> object:
    """Fetch ``page``, take its CSRF token and POST ``data`` to ``action``."""
    fields = {"csrf_token": csrf_token(client, page), **(data or {})}
    return client.post(action, data=fields)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> object:
    return post_form(client, "/login", "/login", {"email": email, "password": password})


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters: the tests check behaviour, not hashing cost."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def app(settings: Settings, db_url: str, sessions: sessionmaker[Session]) -> Iterator[Flask]:
    with sessions.begin() as s:
        add_user(s, "analyst@example.org", PASSWORD, role="analyst")
        add_user(s, "admin@example.org", PASSWORD, role="admin")
    yield create_app(replace(settings, secret_key="test-secret-key-not-for-production"))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def analyst(client: FlaskClient) -> FlaskClient:
    response = sign_in(client, "analyst@example.org")
    assert response.status_code == 302  # type: ignore[attr-defined]
    return client


@pytest.fixture
def admin(app: Flask) -> FlaskClient:
    client = app.test_client()
    response = sign_in(client, "admin@example.org")
    assert response.status_code == 302  # type: ignore[attr-defined]
    return client


@pytest.fixture
def seeded(sessions: sessionmaker[Session]) -> Seeded:
    with sessions.begin() as s:
        return seed_review_match(s)
