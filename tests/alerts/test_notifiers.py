"""The archiving notifier: SMTP (or any notifier) plus an .eml copy in the outbox."""

from email.message import EmailMessage
from pathlib import Path

import pytest

from monitor.alerts.notifiers import ArchivingNotifier, RecordingNotifier


def test_the_archiving_notifier_keeps_a_copy_of_what_the_server_accepted(tmp_path: Path) -> None:
    inner = RecordingNotifier()
    archive = ArchivingNotifier(inner, tmp_path / "outbox")
    message = EmailMessage()
    message["Message-ID"] = "<alert-1@monitor>"
    message["Subject"] = "Тофиг Ягублу: приговор"
    message.set_content("текст")
    assert archive.send(message) == "<alert-1@monitor>"
    assert len(inner.messages) == 1
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["alert-1_monitor.eml"]


def test_no_copy_is_kept_when_the_server_refuses(tmp_path: Path) -> None:
    archive = ArchivingNotifier(RecordingNotifier(failures=1), tmp_path / "outbox")
    message = EmailMessage()
    message["Message-ID"] = "<alert-2@monitor>"
    message.set_content("x")
    with pytest.raises(ConnectionRefusedError):
        archive.send(message)
    assert not (tmp_path / "outbox").exists()
