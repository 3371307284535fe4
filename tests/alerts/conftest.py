"""A database holding one case, one article about it and the alert it raised."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.db import models as db
from monitor.timeline import record_developments
from tests.alerts.builders import add_article, add_case, add_event

SENTENCE = "Гобустанская тюрьма: Мохйаддина Оруджева <b>перевели</b> в карцер, сообщил адвокат."


@pytest.fixture
def mail_settings(settings: Settings) -> Settings:
    return replace(
        settings,
        mail_from="Case Monitor <alerts@monitor.example>",
        base_url="https://monitor.example",
        operator_email="operator@monitor.example",
    )


def raise_one(session: Session, event_type: str = "ill_treatment", day: int = 10) -> db.Alert:
    """An article about a known case and the alert it raises."""
    if session.get(db.Case, "orujov-mohyaddin") is None:
        add_case(session, "orujov-mohyaddin", "Mohyaddin Orujov")
    article = add_article(
        session,
        f"Активиста наказали ({event_type}, {day})",
        [SENTENCE],
        published=dt.date(2026, 1, day),
        outlet="kavkaz-uzel-ru",
        url=f"https://www.kavkaz-uzel.eu/articles/4202{day:02d}",
        language="ru",
    )
    add_event(
        session, article, "orujov-mohyaddin", event_type, SENTENCE, name="Мохйаддина Оруджева"
    )
    (development,) = record_developments(session, article)
    alert = session.query(db.Alert).filter_by(development_id=development.id).one()
    session.commit()
    return alert


@pytest.fixture
def alert(sessions: sessionmaker[Session]) -> db.Alert:
    with sessions() as session:
        return raise_one(session)


class Hook(BaseHTTPRequestHandler):
    """A webhook receiver on loopback; what it received is in ``Hook.received``."""

    received: list[tuple[str, dict[str, Any]]] = []  # noqa: RUF012 (the server shares it)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hook.received.append((self.headers["Idempotency-Key"], json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[str]:
    Hook.received = []
    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()
    server.server_close()
