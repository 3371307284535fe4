"""Sending through an SMTP server: plain, STARTTLS or TLS, with login from the settings.

The transaction is run step by step (MAIL, RCPT, then DATA) so that ``handing_over`` is
called right before DATA, the only step after which the server may have accepted the
message. Refusals with a 5xx code are permanent failures, with a 4xx code temporary ones;
a connection lost during DATA leaves it unknown whether the message was accepted.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import getaddresses, parseaddr

from monitor.alerts.notifiers import HandingOver, PermanentFailure, TemporaryFailure
from monitor.config import Settings


class SmtpNotifier:
    def __init__(self, settings: Settings, ssl_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.ssl_context = ssl_context

    def _context(self) -> ssl.SSLContext:
        """One TLS context per notifier: loading the system's CA certificates takes tens
        of milliseconds, too much to repeat for every message."""
        if self.ssl_context is None:
            self.ssl_context = ssl.create_default_context()
        return self.ssl_context

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.smtp_security == "tls":
            return smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=s.smtp_timeout, context=self._context()
            )
        smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
        if s.smtp_security == "starttls":
            smtp.ehlo()
            smtp.starttls(context=self._context())
            smtp.ehlo()
        return smtp

    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        sender = parseaddr(str(message["From"]))[1]
        recipients = [addr for _, addr in getaddresses([str(v) for v in message.get_all("To", [])])]
        payload = message.as_bytes(policy=SMTP)
        with self._connect() as smtp:
            if self.settings.smtp_user:
                smtp.login(self.settings.smtp_user, self.settings.smtp_password)
            smtp.ehlo_or_helo_if_needed()
            code, reply = smtp.mail(sender)
            if code != 250:
                raise self._error(code, reply, "sender refused")
            accepted = 0
            last: tuple[int, bytes] = (0, b"")
            for recipient in recipients:
                code, reply = smtp.rcpt(recipient)
                if code in (250, 251):
                    accepted += 1
                last = (code, reply)
            if not accepted:
                smtp.rset()
                raise self._error(last[0], last[1], "recipients refused")
            if handing_over:
                handing_over()
            try:
                code, reply = smtp.data(payload)
            except smtplib.SMTPResponseException as refused:
                raise self._error(
                    refused.smtp_code, refused.smtp_error, "message refused"
                ) from None
            if code != 250:
                raise self._error(code, reply, "message refused")
        return str(message["Message-ID"])

    @staticmethod
    def _error(code: int, reply: bytes | str, what: str) -> Exception:
        said = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
        text = f"{what}: {code} {said}"
        return PermanentFailure(text) if 500 <= code < 600 else TemporaryFailure(text)

    def confirm(self, message_id: str) -> bool | None:
        return None  # an SMTP server cannot be asked what it accepted
