"""A delivery run killed with SIGKILL in the middle of an SMTP transaction, then run
again: nothing is lost, and a message that may have gone out is sent again with the same
Message-ID (at least once, recognisably the same)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.outbox import send_pending
from monitor.config import Settings
from monitor.db import models as db
from monitor.demo.mailserver import LocalMailServer, Received
from monitor.netutil import free_port
from monitor.subscribers import add_subscriber
from tests.alerts.conftest import raise_one


class StallInData:
    """An SMTP server that takes the message data and never answers."""

    def __init__(self) -> None:
        self.reached = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.reached.set()
        await asyncio.sleep(120)
        return "250 too late"


class StallAtRecipient:
    """An SMTP server that never answers RCPT: the message cannot have been accepted."""

    def __init__(self) -> None:
        self.reached = threading.Event()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        self.reached.set()
        await asyncio.sleep(120)
        return "250 too late"


def kill_mid_transaction(settings: Settings, handler: StallInData | StallAtRecipient) -> None:
    """Run `monitor alerts send` against a stalling server and SIGKILL it there."""
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_HOME=str(settings.home),
        MONITOR_DB_URL=settings.database_url,
        MONITOR_SMTP_HOST="127.0.0.1",
        MONITOR_SMTP_PORT=str(port),
        MONITOR_OPERATOR_EMAIL="operator@monitor.example",
    )
    sender = subprocess.Popen(
        [sys.executable, "-m", "monitor", "alerts", "send"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert handler.reached.wait(60), "the run never reached the stalling step"
        time.sleep(0.2)
        sender.send_signal(signal.SIGKILL)
        sender.wait(timeout=10)
    finally:
        if sender.poll() is None:
            sender.kill()
        controller.stop()


def seed(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        add_subscriber(session, "analyst@example.org")
        raise_one(session)
        session.commit()


def rerun(sessions: sessionmaker[Session], settings: Settings) -> tuple[int, list[Received]]:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)  # the dead run's lease is over
    with LocalMailServer() as server:
        smtp = replace(settings, smtp_host="127.0.0.1", smtp_port=server.port, smtp_timeout=5)
        report = send_pending(sessions, smtp, now=later)
        send_pending(sessions, smtp, now=later + dt.timedelta(hours=1))
        return report.unsure, server.received


def test_a_run_killed_during_smtp_data_sends_again_with_the_same_message_id(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    seed(sessions)
    kill_mid_transaction(mail_settings, StallInData())
    with sessions() as session:
        (delivery,) = session.scalars(
            select(db.Delivery).where(db.Delivery.recipient == "analyst@example.org")
        )
        assert delivery.status == "sending"  # killed between handing over and the answer
        handed_over = delivery.message_id
    unsure, received = rerun(sessions, mail_settings)
    assert unsure == 1
    assert [r.recipients for r in received] == [["analyst@example.org"]]
    assert received[0].message["Message-ID"] == handed_over
    with sessions() as session:
        delivery = session.get(db.Delivery, delivery.id)
        assert delivery is not None and delivery.status == "sent"


def test_a_run_killed_before_smtp_data_sends_the_message_once_on_rerun(
    sessions: sessionmaker[Session], mail_settings: Settings
) -> None:
    seed(sessions)
    kill_mid_transaction(mail_settings, StallAtRecipient())
    unsure, received = rerun(sessions, mail_settings)
    assert unsure == 0
    assert [r.recipients for r in received] == [["analyst@example.org"]]
    with sessions() as session:
        (delivery,) = session.scalars(select(db.Delivery))
        assert delivery.status == "sent"
