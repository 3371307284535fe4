"""Several `monitor alerts send` processes at once, against a real SMTP server: every
message arrives once, and a sender killed in the middle loses nothing (at least once,
with the same Message-ID: at most the one message it was sending when it died twice)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.db import models as db
from monitor.demo.mailserver import LocalMailServer
from monitor.subscribers import add_subscriber
from tests.alerts.conftest import raise_one

pytestmark = pytest.mark.slow

SENDERS = 4
ALERTS = 5
SUBSCRIBERS = 100  # 500 deliveries


def seed(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        for n in range(SUBSCRIBERS):
            add_subscriber(session, f"monitor{n:03d}@example.org")
        session.commit()
        for day, event_type in enumerate(
            ("arrest", "transfer", "hunger_strike", "health", "ill_treatment"), start=10
        ):
            raise_one(session, event_type, day)


@pytest.fixture
def server() -> Iterator[LocalMailServer]:
    with LocalMailServer() as running:
        yield running


def sender(settings: Settings, server: LocalMailServer) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_HOME=str(settings.home),
        MONITOR_DB_URL=settings.database_url,
        MONITOR_SMTP_HOST=server.host,
        MONITOR_SMTP_PORT=str(server.port),
        MONITOR_SMTP_TIMEOUT="10",
    )
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "alerts", "send"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def message_ids(server: LocalMailServer) -> Counter[str]:
    return Counter(str(r.message["Message-ID"]) for r in server.received)


def statuses(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        rows = session.execute(
            select(db.Delivery.status, func.count()).group_by(db.Delivery.status)
        )
        return {str(status): int(count) for status, count in rows}


def test_four_senders_at_once_send_every_message_exactly_once(
    sessions: sessionmaker[Session], settings: Settings, server: LocalMailServer
) -> None:
    seed(sessions)
    running = [sender(settings, server) for _ in range(SENDERS)]
    errors = [p.communicate(timeout=120)[1].decode() for p in running]
    assert [p.returncode for p in running] == [0] * SENDERS, errors
    received = message_ids(server)
    assert len(received) == ALERTS * SUBSCRIBERS
    assert set(received.values()) == {1}
    assert statuses(sessions) == {"sent": ALERTS * SUBSCRIBERS}


def test_a_sender_killed_mid_run_and_restarted_loses_nothing(
    sessions: sessionmaker[Session], settings: Settings, server: LocalMailServer
) -> None:
    seed(sessions)
    running = [sender(settings, server) for _ in range(SENDERS)]
    deadline = time.monotonic() + 60
    while len(server.received) < 100 and time.monotonic() < deadline:
        time.sleep(0.01)
    running[0].send_signal(signal.SIGKILL)
    running[0].wait(timeout=10)
    for p in running[1:]:
        p.communicate(timeout=120)
    restarted = sender(settings, server)
    restarted.communicate(timeout=120)
    received = message_ids(server)
    assert len(received) == ALERTS * SUBSCRIBERS  # none lost
    doubled = [mid for mid, count in received.items() if count > 1]
    assert len(doubled) <= 1  # only the message the killed sender was handing over
    assert statuses(sessions) == {"sent": ALERTS * SUBSCRIBERS}
