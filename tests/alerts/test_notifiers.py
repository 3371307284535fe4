"""The archiving notifier: SMTP (or any notifier) plus an .eml copy in the outbox."""

import datetime as dt
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from monitor.alerts.notifiers import (
    ArchivingNotifier,
    FileNotifier,
    RecordingNotifier,
    prune_copies,
)


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


def test_two_senders_writing_the_same_message_to_the_outbox_do_not_collide(
    tmp_path: Path,
) -> None:
    outbox = FileNotifier(tmp_path / "outbox")
    message = EmailMessage()
    message["Message-ID"] = "<alert-3@monitor>"
    message.set_content("x")
    # the other sender writes the same message while this one is between write and rename
    assert outbox.send(message, handing_over=lambda: outbox.send(message)) == "<alert-3@monitor>"
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["alert-3_monitor.eml"]


def written_days_ago(path: Path, days: float) -> Path:
    path.write_bytes(b"From: monitor\r\n\r\nbody\r\n")
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).timestamp()
    os.utime(path, (when, when))
    return path


def test_pruning_deletes_copies_written_before_the_cutoff_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    written_days_ago(tmp_path / "old.eml", 100)
    written_days_ago(tmp_path / "old.part", 100)  # half-written by a killed run
    written_days_ago(tmp_path / "recent.eml", 10)
    written_days_ago(tmp_path / "notes.txt", 100)  # not ours
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=90)
    assert prune_copies(tmp_path, cutoff) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "recent.eml"]


def test_pruning_a_missing_outbox_folder_does_nothing(tmp_path: Path) -> None:
    assert prune_copies(tmp_path / "outbox", dt.datetime.now(dt.UTC)) == 0
