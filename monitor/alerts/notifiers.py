"""The notifier interface, and the two notifiers that need no server.

A notifier hands one message over and returns its Message-ID. Just before the point
after which the message may have been accepted (SMTP ``DATA``, the file's final rename),
it calls ``handing_over()``: the outbox records that moment, so a run killed before it
is known not to have sent anything and a run killed after it is known to be unsure.
``confirm(message_id)`` answers, where the notifier can know, whether a message was
accepted (True), surely not (False), or cannot tell (None).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Protocol

HandingOver = Callable[[], None]


class PermanentFailure(Exception):
    """The message can never be delivered as it is (e.g. the recipient is refused)."""


class TemporaryFailure(Exception):
    """The server refused the message for now (4xx): certainly not accepted; retry."""


class Notifier(Protocol):
    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        """Deliver ``message``; return its Message-ID. Raises on failure."""
        ...

    def confirm(self, message_id: str) -> bool | None:
        """Whether the message was accepted: True, False, or None when unknown."""
        ...


def file_name(message_id: str) -> str:
    """A safe file name for a Message-ID."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", message_id.strip("<>")) + ".eml"


class FileNotifier:
    """Writes each message as an ``.eml`` file into a folder (the outbox, for demos)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        message_id = str(message["Message-ID"])
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / file_name(message_id)
        # named per send: two senders writing the same message never share a file
        partial = final.with_suffix(f".{uuid.uuid4().hex[:12]}.part")
        partial.write_bytes(message.as_bytes(policy=SMTP))
        if handing_over:
            handing_over()
        partial.replace(final)
        return message_id

    def confirm(self, message_id: str) -> bool | None:
        return (self.folder / file_name(message_id)).exists()


def prune_copies(folder: Path, before: dt.datetime) -> int:
    """Delete the ``.eml`` copies (and half-written ``.part`` files) written before
    ``before``; returns how many."""
    if not folder.is_dir():
        return 0
    limit = before.timestamp()
    pruned = 0
    for path in folder.iterdir():
        if path.suffix in (".eml", ".part") and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            pruned += 1
    return pruned


class ArchivingNotifier:
    """Sends through another notifier and keeps a copy of every accepted message as an
    ``.eml`` file: the outbox folder is the record of what was sent."""

    def __init__(self, inner: Notifier, folder: Path) -> None:
        self.inner = inner
        self.archive = FileNotifier(folder)

    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        message_id = self.inner.send(message, handing_over=handing_over)
        self.archive.send(message)
        return message_id

    def confirm(self, message_id: str) -> bool | None:
        answer = self.inner.confirm(message_id)
        if answer is None and self.archive.confirm(message_id):
            return True  # the copy is written only after the server accepted the message
        return answer


class RecordingNotifier:
    """Keeps messages in a list; can be told to fail a number of times (tests)."""

    def __init__(self, failures: int = 0) -> None:
        self.messages: list[EmailMessage] = []
        self.failures = failures
        self.calls = 0

    def send(self, message: EmailMessage, *, handing_over: HandingOver | None = None) -> str:
        self.calls += 1
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionRefusedError("recording notifier told to fail")
        if handing_over:
            handing_over()
        self.messages.append(message)
        return str(message["Message-ID"])

    def confirm(self, message_id: str) -> bool | None:
        return any(str(m["Message-ID"]) == message_id for m in self.messages)
