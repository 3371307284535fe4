"""A lock in the database, so that two runs never process or send at the same time.

It works wherever the database is shared (SQLite file, PostgreSQL server), which is what
matters: cron on one machine and the scheduler service on another see the same lock.
Taking it is one INSERT (the primary key refuses a second holder) or one conditional
UPDATE of an expired lock, so two processes racing for it cannot both win.

A holder renews ``expires_at`` from a heartbeat thread. After a crash (kill -9) the lock
expires after ``ttl`` seconds; if the dead holder ran on this host, its process is
checked and the lock is taken over at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import RunLock

log = logging.getLogger(__name__)


class LockHeld(RuntimeError):
    """Another process holds the lock."""

    def __init__(self, name: str, holder: RunLock | None) -> None:
        self.holder = holder
        who = f"{holder.owner} since {holder.acquired_at:%Y-%m-%d %H:%M:%S}" if holder else "?"
        super().__init__(f"lock {name!r} is held by {who}")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _answers(send: Callable[[int, int], None], target: int) -> bool:
    """Whether signal 0 (a probe that delivers nothing) finds ``target``."""
    try:
        send(target, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def process_alive(pid: int) -> bool:
    return _answers(os.kill, pid)


def group_alive(pgid: int) -> bool:
    """Whether any process of the process group ``pgid`` is alive."""
    return _answers(os.killpg, pgid)


def owner_name() -> str:
    """``host:pid:random``: names whoever claims work in the database (a processing
    worker, a delivery sender), so that a claim of a dead process can be recognised."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_gone(owner: str | None) -> bool:
    """True when ``owner`` (see :func:`owner_name`) ran on this host and its process is
    dead: its claims can be taken back at once rather than when they expire."""
    host, _, rest = (owner or "").partition(":")
    pid = rest.partition(":")[0]
    return host == socket.gethostname() and pid.isdigit() and not process_alive(int(pid))


class DatabaseLock:
    """``with DatabaseLock(sessions, "pipeline"):`` or ``acquire()`` / ``release()``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        name: str,
        *,
        ttl: float = 120.0,
        heartbeat: float | None = None,
    ) -> None:
        self.sessions = sessions
        self.name = name
        self.ttl = ttl
        self.heartbeat = heartbeat if heartbeat is not None else ttl / 4
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.owner = owner_name()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _expiry(self) -> dt.datetime:
        return _now() + dt.timedelta(seconds=self.ttl)

    def _holder(self, session: Session) -> RunLock | None:
        return session.get(RunLock, self.name, populate_existing=True)

    def _stale(self, holder: RunLock) -> bool:
        if holder.expires_at <= _now():
            return True
        if holder.host != self.host or holder.pid == self.pid or process_alive(holder.pid):
            return False
        # the holder is dead; the crawlers it started may not be yet
        return not any(group_alive(int(pid)) for pid in (holder.children or "").split())

    def add_child(self, pid: int) -> None:
        """Record a process group this holder started (a crawler): while any process of
        it lives, the lock is not taken over, even if this holder is killed."""
        self._set_children(lambda pids: [*pids, str(pid)])

    def remove_child(self, pid: int) -> None:
        self._set_children(lambda pids: [p for p in pids if p != str(pid)])

    def _set_children(self, change: Callable[[list[str]], list[str]]) -> None:
        with self.sessions() as session:
            holder = self._holder(session)
            if holder is None or holder.owner != self.owner:
                return
            holder.children = " ".join(change((holder.children or "").split())) or None
            session.commit()

    def try_acquire(self) -> bool:
        """Take the lock if it is free (or stale); False when someone holds it, and also
        when the database stays busy longer than it waits (SQLite's single writer):
        either way the caller should try again later."""
        try:
            return self._try_acquire()
        except OperationalError as error:
            log.warning("lock %r: the database is busy (%s); taken as held", self.name, error)
            return False

    def _try_acquire(self) -> bool:
        with self.sessions() as session:
            now = _now()
            session.add(
                RunLock(
                    name=self.name,
                    owner=self.owner,
                    host=self.host,
                    pid=self.pid,
                    acquired_at=now,
                    expires_at=self._expiry(),
                )
            )
            try:
                session.commit()
                self._start_heartbeat()
                return True
            except IntegrityError:
                session.rollback()
            holder = self._holder(session)
            if holder is None or not self._stale(holder):
                return False
            log.warning("taking over stale lock %r from %s", self.name, holder.owner)
            taken = session.execute(
                update(RunLock)
                .where(RunLock.name == self.name, RunLock.owner == holder.owner)
                .values(
                    owner=self.owner,
                    host=self.host,
                    pid=self.pid,
                    acquired_at=now,
                    expires_at=self._expiry(),
                )
            )
            session.commit()
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                self._start_heartbeat()
                return True
            return False

    def acquire(self) -> None:
        if not self.try_acquire():
            with self.sessions() as session:
                raise LockHeld(self.name, self._holder(session))

    def renew(self) -> bool:
        """Push the expiry forward; False if the lock was lost (taken over as stale)."""
        with self.sessions() as session:
            result = session.execute(
                update(RunLock)
                .where(RunLock.name == self.name, RunLock.owner == self.owner)
                .values(expires_at=self._expiry())
            )
            session.commit()
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.heartbeat + 5)
            self._thread = None
        with self.sessions() as session:
            session.execute(
                delete(RunLock).where(RunLock.name == self.name, RunLock.owner == self.owner)
            )
            session.commit()

    def _start_heartbeat(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._beat, name=f"lock-heartbeat-{self.name}", daemon=True
        )
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            try:
                if not self.renew():
                    log.error("lock %r was lost to another process", self.name)
                    return
            except Exception:  # the database may be briefly unreachable; try again
                log.exception("could not renew lock %r", self.name)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def holders(sessions: sessionmaker[Session]) -> list[RunLock]:
    with sessions() as session:
        return list(session.scalars(select(RunLock).order_by(RunLock.name)))
