"""The SMTP notifier logs in with the credentials the settings read from the environment."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from monitor.alerts.smtp import SmtpNotifier
from monitor.config import Settings
from monitor.netutil import free_port


@dataclass
class Inbox:
    messages: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.original_content or envelope.content)
        return "250 OK"


def check_login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"monitor", b"s3cret")
    return AuthResult(success=ok)


@pytest.fixture
def server() -> Iterator[tuple[int, Inbox]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=check_login, auth_require_tls=False
    )
    controller.start()
    yield port, inbox
    controller.stop()


def message() -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "alerts@monitor.example"
    mail["To"] = "analyst@example.org"
    mail["Subject"] = "Рамиль Сафарли: arrested"
    mail["Message-ID"] = "<abc@monitor.example>"
    mail.set_content("Текст")
    return mail


def test_the_notifier_logs_in_and_hands_the_message_over(
    settings: Settings, server: tuple[int, Inbox]
) -> None:
    port, inbox = server
    notifier = SmtpNotifier(
        replace(
            settings,
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_user="monitor",
            smtp_password="s3cret",
            smtp_timeout=5,
        )
    )
    handed: list[bool] = []

    assert (
        notifier.send(message(), handing_over=lambda: handed.append(True))
        == "<abc@monitor.example>"
    )
    assert handed == [True]
    assert len(inbox.messages) == 1


def test_a_wrong_password_hands_nothing_over(settings: Settings, server: tuple[int, Inbox]) -> None:
    port, inbox = server
    notifier = SmtpNotifier(
        replace(
            settings,
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_user="monitor",
            smtp_password="wrong",
            smtp_timeout=2,
        )
    )
    handed: list[bool] = []
    with pytest.raises(smtplib.SMTPException):
        notifier.send(message(), handing_over=lambda: handed.append(True))
    assert handed == []
    assert inbox.messages == []
