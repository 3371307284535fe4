"""STARTTLS and TLS to the mail server, with a certificate made for the test, and login
only over the encrypted connection."""

from __future__ import annotations

import shutil
import smtplib
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from monitor.alerts.smtp import SmtpNotifier
from monitor.config import Settings
from monitor.netutil import free_port
from tests.alerts.test_smtp import Inbox, check_login, message


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def client_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


def settings_for(settings: Settings, port: int, security: str) -> Settings:
    return replace(
        settings,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=security,
        smtp_user="monitor",
        smtp_password="s3cret",
        smtp_timeout=5,
    )


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[int, Inbox]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=check_login,
        tls_context=server_context(certificate),
        require_starttls=True,
        auth_require_tls=True,
    )
    controller.start()
    yield port, inbox
    controller.stop()


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[int, Inbox]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=check_login,
        ssl_context=server_context(certificate),
        auth_require_tls=False,
    )
    controller.start()
    yield port, inbox
    controller.stop()


def test_starttls_then_login_then_send(
    settings: Settings, certificate: tuple[Path, Path], starttls_server: tuple[int, Inbox]
) -> None:
    port, inbox = starttls_server
    notifier = SmtpNotifier(settings_for(settings, port, "starttls"), client_context(certificate))
    assert notifier.send(message()) == "<abc@monitor.example>"
    assert len(inbox.messages) == 1


def test_implicit_tls_then_login_then_send(
    settings: Settings, certificate: tuple[Path, Path], tls_server: tuple[int, Inbox]
) -> None:
    port, inbox = tls_server
    notifier = SmtpNotifier(settings_for(settings, port, "tls"), client_context(certificate))
    notifier.send(message())
    assert len(inbox.messages) == 1


def test_an_untrusted_certificate_stops_the_send(
    settings: Settings, starttls_server: tuple[int, Inbox]
) -> None:
    port, inbox = starttls_server
    notifier = SmtpNotifier(settings_for(settings, port, "starttls"))  # system trust only
    with pytest.raises(ssl.SSLError):
        notifier.send(message())
    assert inbox.messages == []


def test_a_server_that_requires_starttls_refuses_a_plain_login(
    settings: Settings, starttls_server: tuple[int, Inbox]
) -> None:
    port, inbox = starttls_server
    notifier = SmtpNotifier(settings_for(settings, port, "none"))
    with pytest.raises(smtplib.SMTPException):
        notifier.send(message())
    assert inbox.messages == []
