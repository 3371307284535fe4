import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import RunLock
from monitor.locks import DatabaseLock, LockHeld, holders


def test_a_second_holder_is_refused_until_the_first_releases(
    sessions: sessionmaker[Session],
) -> None:
    first, second = DatabaseLock(sessions, "pipeline"), DatabaseLock(sessions, "pipeline")
    first.acquire()
    with pytest.raises(LockHeld, match="held by"):
        second.acquire()
    first.release()
    assert second.try_acquire()
    second.release()
    assert holders(sessions) == []


def test_locks_with_other_names_do_not_interfere(sessions: sessionmaker[Session]) -> None:
    with DatabaseLock(sessions, "pipeline"), DatabaseLock(sessions, "scheduler"):
        assert [h.name for h in holders(sessions)] == ["pipeline", "scheduler"]


def test_of_many_processes_racing_exactly_one_wins(sessions: sessionmaker[Session]) -> None:
    locks = [DatabaseLock(sessions, "pipeline") for _ in range(8)]
    results: list[bool] = []
    barrier = threading.Barrier(len(locks))

    def race(lock: DatabaseLock) -> None:
        barrier.wait()
        results.append(lock.try_acquire())

    threads = [threading.Thread(target=race, args=(lock,)) for lock in locks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    for lock, won in zip(locks, results, strict=False):
        if won:
            lock.release()


def test_an_expired_lock_is_taken_over(sessions: sessionmaker[Session]) -> None:
    crashed = DatabaseLock(sessions, "pipeline")
    crashed.acquire()
    crashed._stop.set()  # its heartbeat dies with it
    with sessions() as session:
        session.execute(
            update(RunLock).values(
                host="elsewhere", expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
            )
        )
        session.commit()
    successor = DatabaseLock(sessions, "pipeline")
    assert successor.try_acquire()
    assert not crashed.renew()
    successor.release()


def test_the_heartbeat_keeps_a_long_run_locked(sessions: sessionmaker[Session]) -> None:
    with DatabaseLock(sessions, "pipeline", ttl=3.0, heartbeat=0.3):
        time.sleep(4.0)
        assert not DatabaseLock(sessions, "pipeline").try_acquire()


HOLDER = """
import subprocess, sys, time
from monitor.db.session import session_factory
from monitor.locks import DatabaseLock
lock = DatabaseLock(session_factory(sys.argv[1]), "pipeline", ttl=3600)
lock.acquire()
if sys.argv[2:] == ["with-crawler"]:
    crawler = subprocess.Popen(["sleep", "600"], start_new_session=True)
    lock.add_child(crawler.pid)
    print(crawler.pid, flush=True)
else:
    print("locked", flush=True)
time.sleep(600)
"""


def test_a_lock_left_by_kill_9_on_this_host_is_recovered_at_once(
    db_url: str, sessions: sessionmaker[Session]
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        assert not DatabaseLock(sessions, "pipeline").try_acquire()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        successor = DatabaseLock(sessions, "pipeline")
        assert successor.try_acquire()
        successor.release()
    finally:
        if child.poll() is None:
            child.kill()


def test_a_lock_whose_killed_holder_left_a_child_running_is_not_taken_over(
    db_url: str, sessions: sessionmaker[Session]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url, "with-crawler"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    crawler = int(holder.stdout.readline())
    try:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        assert not DatabaseLock(sessions, "pipeline").try_acquire()
        os.killpg(crawler, signal.SIGKILL)
        deadline = time.monotonic() + 10
        successor = DatabaseLock(sessions, "pipeline")
        while not successor.try_acquire():  # until init has reaped the orphan
            assert time.monotonic() < deadline
            time.sleep(0.05)
        successor.release()
    finally:
        if holder.poll() is None:
            holder.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(crawler, signal.SIGKILL)
