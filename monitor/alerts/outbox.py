"""Delivering alerts: plan one delivery per (alert, recipient), then send what is due.

:func:`send_pending` is what ``monitor alerts send`` runs, as often as wanted, from any
number of processes on any number of machines at once:

1. **Plan.** Every case alert gets one delivery per active subscriber whose filters let
   it through (alerts raised before the subscriber joined are not sent to them), one per
   configured webhook, and operator alerts one to ``Settings.operator_email``. A
   correction (an alerted development was retracted) gets one delivery per delivery of
   the alert it corrects that went out, to the same recipient or webhook, at once. The
   idempotency key (``<alert key>:sub<id>``, ``:hook<hash>``, ``:operator``) is unique and
   rows are inserted with ``ON CONFLICT DO NOTHING``, so planning twice, or in two
   processes at once, plans each delivery once. Immediate alerts to immediate subscribers
   go out at once, one email per article (every development of it the subscriber
   follows); everything else waits for the day's digest (``Settings.digest_hour`` in
   ``Settings.timezone``), one email per subscriber.
2. **Resolve** deliveries left "sending" by a sender that died: at once when it ran on
   this host and its process is gone, else when its lease has run out.
3. **Claim and send** each due message (its deliveries: an article's developments for one
   recipient, or a digest). The claim is one conditional UPDATE (``pending``/``unsure``
   and due → ``sending``, signed with this sender's name and a lease), so of two senders
   only one gets a row; every later step changes only rows that still carry this
   sender's claim. Build the message, whose Message-ID derives from the key; when the
   notifier reaches the point after which the server may accept it (SMTP DATA), record
   the Message-ID and commit; once the server has accepted, mark it "sent" and commit at
   once. A definite failure puts it back to "pending" with exponential backoff (an SMTP
   outage delays alerts and loses none) until ``max_attempts``.
4. **Prune** the ``.eml`` copies in the outbox folder older than
   ``Settings.outbox_keep_days`` (never those of the plan window, which answer for sends
   a killed run left unsure).

Delivery guarantee: **at least once, with a stable Message-ID**. A delivery found
"sending" without a recorded Message-ID certainly never reached DATA and is sent again.
One whose connection ended after DATA (a slow server, a timeout, a killed sender) is
"unsure": the notifier is asked first (the outbox copy is written only after the server
accepted, so it proves a send), and when it cannot tell, the message is sent again after
the backoff delay with the same Message-ID, which mail systems use to drop the
duplicate. Losing a custody alert is worse than a recognisable duplicate, and the window
for one is only the moment between the server's acceptance and its record here.
Webhooks are at least once too: receivers drop repeats by the ``Idempotency-Key`` header.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.config import AlertConfig, load_alert_config
from monitor.alerts.email import alert_message
from monitor.alerts.notifiers import (
    ArchivingNotifier,
    FileNotifier,
    Notifier,
    PermanentFailure,
    TemporaryFailure,
    prune_copies,
)
from monitor.alerts.smtp import SmtpNotifier
from monitor.alerts.webhook import alert_payload, post_json
from monitor.config import Settings
from monitor.db import models as db
from monitor.db.session import insert_missing
from monitor.locks import owner_gone, owner_name
from monitor.subscribers import wants

log = logging.getLogger(__name__)

Poster = Callable[..., str]
DEFINITE = (PermanentFailure, TemporaryFailure, smtplib.SMTPResponseException)
CLAIMABLE = ("pending", "unsure")


@dataclass
class SendReport:
    planned: int = 0
    messages: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    resent_after_interruption: int = 0
    confirmed_after_interruption: int = 0
    unsure: int = 0
    pruned_copies: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failing(self) -> int:
        """Deliveries whose attempt in this pass failed or ended unsure."""
        return self.retrying + self.failed + self.unsure

    def lines(self) -> list[str]:
        """What a run did, for people: one line, then a line per problem."""
        if not (self.planned or self.messages or self.retrying or self.failed or self.unsure):
            head = "nothing was due: no alert waits for delivery"
        else:
            head = (
                f"sent {self.messages} message{'s' * (self.messages != 1)} "
                f"({self.sent} deliveries); {self.planned} new deliveries planned"
            )
        out = [head]
        if self.retrying:
            out.append(f"{self.retrying} deliveries failed for now and will be retried")
        if self.failed:
            out.append(f"{self.failed} deliveries failed for good (the operator is told)")
        if self.unsure:
            out.append(f"{self.unsure} deliveries may or may not have arrived (see the log)")
        if self.resent_after_interruption or self.confirmed_after_interruption:
            out.append(
                f"after an interrupted run: {self.resent_after_interruption} sent again, "
                f"{self.confirmed_after_interruption} found delivered"
            )
        if self.pruned_copies:
            out.append(f"{self.pruned_copies} old .eml copies deleted from the outbox folder")
        out += [f"  error: {e}" for e in self.errors[:10]]
        if len(self.errors) > 10:
            out.append(f"  ... and {len(self.errors) - 10} more errors")
        return out


def default_notifier(settings: Settings) -> Notifier:
    """SMTP with a copy of each sent message in the outbox folder; only the ``.eml``
    outbox when ``MONITOR_SMTP_HOST`` is empty."""
    if not settings.smtp_host:
        return FileNotifier(settings.outbox_dir)
    return ArchivingNotifier(SmtpNotifier(settings), settings.outbox_dir)


def next_digest_time(settings: Settings, after: dt.datetime) -> dt.datetime:
    """The first ``digest_hour`` o'clock in ``Settings.timezone`` after ``after`` (UTC)."""
    zone = ZoneInfo(settings.timezone)
    local = after.astimezone(zone)
    slot = local.replace(hour=settings.digest_hour, minute=0, second=0, microsecond=0)
    if slot <= local:
        slot = (local + dt.timedelta(days=1)).replace(
            hour=settings.digest_hour, minute=0, second=0, microsecond=0
        )
    return slot.astimezone(dt.UTC)


def _hook_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]


# Deliveries are planned for alerts raised within this window: enough for any outage of
# the delivery runs, and each run reads recent alerts only, however long the history.
PLAN_WINDOW = dt.timedelta(days=14)


def plan_deliveries(
    session: Session, settings: Settings, config: AlertConfig, now: dt.datetime
) -> int:
    """Create the deliveries not planned yet; returns how many this call added."""
    cutoff = now - PLAN_WINDOW
    recent_ids = select(db.Alert.id).where(db.Alert.created_at >= cutoff)
    have = set(
        session.scalars(
            select(db.Delivery.idempotency_key).where(db.Delivery.alert_id.in_(recent_ids))
        )
    )
    subscribers = list(session.scalars(select(db.Subscriber).where(db.Subscriber.active.is_(True))))
    countries = {
        row.id: row.country for row in session.execute(select(db.Case.id, db.Case.country))
    }
    rows: list[dict[str, Any]] = []

    def plan(alert: db.Alert, key: str, **fields: Any) -> None:
        if key in have:
            return
        rows.append(dict(idempotency_key=key, alert_id=alert.id, status="pending", **fields))
        have.add(key)

    recent = (
        select(db.Alert)
        .outerjoin(db.Development, db.Alert.development_id == db.Development.id)
        .where(db.Alert.created_at >= cutoff)
        # an analyst retracted the development: only its correction goes out
        .where(
            or_(
                db.Alert.kind == "correction",
                db.Development.status.is_(None),
                db.Development.status != "retracted",
            )
        )
    )
    active = {s.id for s in subscribers}
    for alert in session.scalars(recent.order_by(db.Alert.id)):
        created = alert.created_at or now
        if alert.kind == "correction":
            for sent in _sent_deliveries(session, str(alert.details.get("corrects"))):
                if sent.subscriber_id is not None and sent.subscriber_id not in active:
                    continue  # unsubscribed since
                webhook = sent.channel == "webhook"
                plan(
                    alert,
                    f"{alert.key}:{sent.idempotency_key.rpartition(':')[2]}",
                    subscriber_id=sent.subscriber_id,
                    channel="webhook" if webhook else "email",
                    recipient=sent.recipient,
                    next_attempt_at=now,
                )
            continue
        if alert.kind == "operator":
            if settings.operator_email:
                plan(
                    alert,
                    f"{alert.key}:operator",
                    channel="email",
                    recipient=settings.operator_email,
                    next_attempt_at=now,
                )
            continue
        for subscriber in subscribers:
            if subscriber.created_at and created < subscriber.created_at:
                continue
            if not wants(subscriber, alert, countries.get(alert.case_id or "")):
                continue
            at_once = subscriber.mode == "immediate" and alert.severity == "immediate"
            plan(
                alert,
                f"{alert.key}:sub{subscriber.id}",
                subscriber_id=subscriber.id,
                channel="email" if at_once else "digest",
                recipient=subscriber.email,
                next_attempt_at=now if at_once else next_digest_time(settings, created),
            )
        for url in config.webhooks:
            plan(
                alert,
                f"{alert.key}:hook{_hook_key(url)}",
                channel="webhook",
                recipient=url,
                next_attempt_at=now,
            )
    return insert_missing(session, db.Delivery, rows)


def _sent_deliveries(session: Session, alert_key: str) -> list[db.Delivery]:
    """The deliveries of the alert with ``alert_key`` that went out."""
    return list(
        session.scalars(
            select(db.Delivery)
            .join(db.Alert, db.Alert.id == db.Delivery.alert_id)
            .where(db.Alert.key == alert_key)
            .where(db.Delivery.status == "sent")
            .order_by(db.Delivery.id)
        )
    )


def operator_alert(session: Session, key: str, subject: str, text: str) -> None:
    """Tell the operator about a delivery problem (once per key, whoever says it first)."""
    insert_missing(
        session,
        db.Alert,
        [
            {
                "key": key,
                "kind": "operator",
                "type": "delivery",
                "severity": "immediate",
                "subject": subject,
                "sentence": text,
                "details": {},
            }
        ],
    )


def _due(now: dt.datetime) -> ColumnElement[bool]:
    return or_(db.Delivery.next_attempt_at.is_(None), db.Delivery.next_attempt_at <= now)


def _held_by(owner: str | None) -> ColumnElement[bool]:
    """Rows still "sending" under this claim (unclaimed rows of an older version too)."""
    claimed = db.Delivery.claimed_by.is_(None) if owner is None else db.Delivery.claimed_by == owner
    return (db.Delivery.status == "sending") & claimed


def _settle(session: Session, ids: Sequence[int], owner: str | None, **values: Any) -> int:
    """Change deliveries only while this claim still holds them; how many it changed."""
    result = session.execute(
        update(db.Delivery).where(db.Delivery.id.in_(list(ids)), _held_by(owner)).values(**values)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _unsure_note(message_id: str | None, reason: str, retry_at: dt.datetime) -> str:
    return (
        f"unsure whether the server accepted {message_id} ({reason}); sent again with the "
        f"same Message-ID after {retry_at:%Y-%m-%d %H:%M} UTC unless the outbox copy shows "
        "it went out"
    )


def resolve_interrupted(
    session: Session, notifier: Notifier, now: dt.datetime, report: SendReport
) -> None:
    """Settle deliveries a dead sender left "sending" (see the module's guarantee)."""
    stuck = session.scalars(
        select(db.Delivery).where(db.Delivery.status == "sending").order_by(db.Delivery.id)
    ).all()
    for delivery in stuck:
        expired = delivery.next_attempt_at is None or delivery.next_attempt_at <= now
        if not expired and not owner_gone(delivery.claimed_by):
            continue  # its sender is still at work
        accepted = None
        if delivery.message_id is None or delivery.channel == "webhook":
            accepted = False
        else:
            accepted = notifier.confirm(delivery.message_id)
        if accepted:
            values: dict[str, Any] = {"status": "sent", "sent_at": now, "last_error": None}
        elif accepted is None:
            note = _unsure_note(delivery.message_id, "the sender was interrupted", now)
            values = {"status": "unsure", "next_attempt_at": now, "last_error": note}
        else:
            values = {
                "status": "pending",
                "next_attempt_at": now,
                "last_error": "interrupted before the message was handed over; sending again",
            }
        if not _settle(session, [delivery.id], delivery.claimed_by, claimed_by=None, **values):
            continue  # another sender settled it first
        if accepted:
            report.confirmed_after_interruption += 1
        elif accepted is None:
            report.unsure += 1
        else:
            report.resent_after_interruption += 1


def _message_key(delivery: db.Delivery, alert: db.Alert) -> tuple[object, ...] | None:
    """Which message a due delivery goes into: a digest per recipient; an email per
    recipient and article (and kind: alerts and their corrections go apart); None for a
    message of its own (webhooks, operator alerts). Deliveries whose message may have gone
    out (unsure) stay with that message's Message-ID, so it is sent again as the same one."""
    if delivery.channel == "digest":
        return ("digest", delivery.recipient, delivery.message_id)
    article = (alert.details or {}).get("article_id")
    if delivery.channel == "email" and alert.kind != "operator" and article is not None:
        return ("email", delivery.recipient, alert.kind, article, delivery.message_id)
    return None


def due_groups(session: Session, now: dt.datetime) -> list[list[int]]:
    """Ids of due deliveries, one list per message (see :func:`_message_key`)."""
    due = session.execute(
        select(db.Delivery, db.Alert)
        .join(db.Alert, db.Alert.id == db.Delivery.alert_id)
        .where(db.Delivery.status.in_(CLAIMABLE), _due(now))
        .order_by(db.Delivery.id)
    )
    groups: list[list[int]] = []
    shared: dict[tuple[object, ...], list[int]] = {}
    for delivery, alert in due:
        key = _message_key(delivery, alert)
        if key is None:
            groups.append([delivery.id])
            continue
        if key not in shared:
            shared[key] = []
            groups.append(shared[key])
        shared[key].append(delivery.id)
    return groups


class _Sender:
    def __init__(
        self,
        settings: Settings,
        config: AlertConfig,
        notifier: Notifier,
        post: Poster,
        now: dt.datetime,
        report: SendReport,
    ) -> None:
        self.settings, self.config, self.notifier, self.post = settings, config, notifier, post
        self.now, self.report = now, report
        self.owner = owner_name()

    def _deliver(
        self, session: Session, rows: Sequence[db.Delivery], handing_over: Callable[[str], None]
    ) -> str:
        first = rows[0]
        if first.channel == "webhook":
            alert = session.get(db.Alert, first.alert_id)
            assert alert is not None
            handing_over(first.idempotency_key)
            self.post(
                first.recipient,
                alert_payload(alert, first.idempotency_key),
                key=first.idempotency_key,
                timeout=self.settings.smtp_timeout,
            )
            return first.idempotency_key
        subscriber = (
            session.get(db.Subscriber, first.subscriber_id) if first.subscriber_id else None
        )
        token = subscriber.token if subscriber else None
        alerts = [a for a in (session.get(db.Alert, r.alert_id) for r in rows) if a]
        joined = hashlib.sha256("|".join(r.idempotency_key for r in rows).encode()).hexdigest()
        digest = first.channel == "digest"
        day = self.now.astimezone(ZoneInfo(self.settings.timezone)).date()
        message = alert_message(
            session,
            alerts,
            self.settings,
            recipient=first.recipient,
            key=f"digest:{joined}"
            if digest
            else (first.idempotency_key if len(rows) == 1 else f"mail:{joined}"),
            token=token,
            now=self.now,
            digest=day if digest else None,
        )
        recorded = {row.message_id for row in rows}
        if len(recorded) == 1 and (earlier := recorded.pop()):
            message.replace_header("Message-ID", earlier)  # unsure before: the same message
        message_id = str(message["Message-ID"])
        return self.notifier.send(message, handing_over=lambda: handing_over(message_id))

    def claim(self, session: Session, ids: Sequence[int]) -> list[db.Delivery]:
        """Take the due deliveries among ``ids`` that no other sender took first."""
        lease = dt.timedelta(seconds=self.config.sending_lease_seconds)
        session.execute(
            update(db.Delivery)
            .where(db.Delivery.id.in_(list(ids)))
            .where(db.Delivery.status.in_(CLAIMABLE), _due(self.now))
            .values(
                status="sending",
                claimed_by=self.owner,
                attempts=db.Delivery.attempts + 1,
                next_attempt_at=self.now + lease,
            )
        )
        session.commit()
        return list(
            session.scalars(
                select(db.Delivery)
                .where(db.Delivery.id.in_(list(ids)), _held_by(self.owner))
                .order_by(db.Delivery.id)
                .execution_options(populate_existing=True)
            )
        )

    def _confirmed(self, session: Session, rows: list[db.Delivery]) -> list[db.Delivery]:
        """Drop from ``rows`` the unsure ones the notifier confirms went out; the rest."""
        left = []
        for row in rows:
            if (
                row.message_id
                and row.channel != "webhook"
                and self.notifier.confirm(row.message_id)
            ):
                _settle(session, [row.id], self.owner, status="sent", sent_at=self.now)
                self.report.confirmed_after_interruption += 1
            else:
                left.append(row)
        session.commit()
        return left

    def send(self, session: Session, ids: Sequence[int]) -> None:
        rows = self._confirmed(session, self.claim(session, ids))
        if not rows:
            return  # another sender took them, or they had gone out already
        held = [row.id for row in rows]
        handed: str | None = None  # the Message-ID handed over, once it has been

        def handing_over(message_id: str) -> None:
            nonlocal handed
            _settle(session, held, self.owner, message_id=message_id)
            session.commit()
            handed = message_id

        try:
            message_id = self._deliver(session, rows, handing_over)
        except Exception as error:
            session.rollback()
            self._failed(session, rows, error, handed)
            session.commit()
            return
        settled = _settle(
            session,
            held,
            self.owner,
            status="sent",
            message_id=message_id,
            sent_at=self.now,
            last_error=None,
            claimed_by=None,
        )
        session.commit()
        if settled < len(held):
            log.warning("a delivery to %s was settled by another sender", recipient_label(rows[0]))
        self.report.messages += 1
        self.report.sent += len(rows)

    def _failed(
        self,
        session: Session,
        rows: Sequence[db.Delivery],
        error: Exception,
        handed: str | None,
    ) -> None:
        text = f"{type(error).__name__}: {error}"
        self.report.errors.append(f"{recipient_label(rows[0])}: {text}")
        log.warning("delivery to %s failed: %s", recipient_label(rows[0]), text)
        webhook = rows[0].channel == "webhook"
        # one retry time for the whole message, so that its deliveries are sent together again
        tried = max(row.attempts for row in rows)
        retry_at = self.now + dt.timedelta(seconds=self.config.backoff(tried))
        for row in rows:
            maybe_accepted = bool(handed) and not webhook and not isinstance(error, DEFINITE)
            # an earlier attempt that was handed over and never confirmed stays unsure
            unsure = maybe_accepted or (bool(row.message_id) and not webhook)
            out_of_attempts = row.attempts >= self.config.max_attempts
            if isinstance(error, PermanentFailure) or out_of_attempts:
                _settle(
                    session, [row.id], self.owner, status="failed", last_error=text, claimed_by=None
                )
                self.report.failed += 1
                self._tell_operator(session, row, "unsure" if unsure else "failed", text)
                continue
            note = _unsure_note(handed, text, retry_at) if maybe_accepted else text
            _settle(
                session,
                [row.id],
                self.owner,
                status="unsure" if unsure else "pending",
                next_attempt_at=retry_at,
                last_error=note,
                claimed_by=None,
            )
            if maybe_accepted:
                self.report.unsure += 1
            else:
                self.report.retrying += 1

    @staticmethod
    def _tell_operator(session: Session, row: db.Delivery, what: str, text: str) -> None:
        alert = session.get(db.Alert, row.alert_id)
        if alert is None or alert.kind == "operator":
            return
        subject = (
            f"Alert delivery to {recipient_label(row)} failed"
            if what == "failed"
            else f"Alert delivery to {recipient_label(row)} may not have arrived"
        )
        operator_alert(session, f"{what}:{row.id}", subject, f"{alert.subject}: {text}")


def recipient_label(row: db.Delivery) -> str:
    """Who a delivery goes to, fit for logs: a webhook by its host and key, since its
    URL may carry a secret."""
    if row.channel != "webhook":
        return row.recipient
    return f"webhook {urlsplit(row.recipient).hostname or '?'} ({_hook_key(row.recipient)})"


def send_pending(
    session_factory: sessionmaker[Session],
    settings: Settings,
    notifier: Notifier | None = None,
    now: dt.datetime | None = None,
    *,
    config: AlertConfig | None = None,
    post: Poster = post_json,
) -> SendReport:
    """Plan, resolve interrupted deliveries, and send everything due (module docs)."""
    now = now or dt.datetime.now(dt.UTC)
    config = config or load_alert_config()
    notifier = notifier or default_notifier(settings)
    report = SendReport()
    with session_factory() as session:
        resolve_interrupted(session, notifier, now, report)
        session.commit()
        report.planned = plan_deliveries(session, settings, config, now)
        session.commit()
        groups = due_groups(session, now)
    sender = _Sender(settings, config, notifier, post, now, report)
    for ids in groups:
        with session_factory() as session:
            sender.send(session, ids)
    # problems found above are operator alerts: plan and send those too, once
    with session_factory() as session:
        extra = plan_deliveries(session, settings, config, now)
        session.commit()
        report.planned += extra
        groups = due_groups(session, now) if extra else []
    for ids in groups:
        with session_factory() as session:
            sender.send(session, ids)
    if settings.outbox_keep_days:
        # copies inside the plan window answer for sends a killed run left unsure
        keep = max(dt.timedelta(days=settings.outbox_keep_days), PLAN_WINDOW)
        report.pruned_copies = prune_copies(settings.outbox_dir, now - keep)
    return report


def send_and_check(
    session_factory: sessionmaker[Session], settings: Settings
) -> tuple[SendReport, str | None]:
    """:func:`send_pending`, and a line saying that deliveries are failing when an attempt
    of this pass failed or deliveries still wait for a retry (None when all is well):
    `monitor run` and `monitor alerts send` exit 1 on it, so cron sees the trouble."""
    from monitor.status import failing_deliveries

    report = send_pending(session_factory, settings)
    with session_factory() as session:
        waiting = failing_deliveries(session)
    if not report.failing and not waiting:
        return report, None
    first = f"; first error: {report.errors[0]}" if report.errors else ""
    return report, (
        f"deliveries failing: {report.failing} attempts failed or ended unsure in this pass, "
        f"{waiting} deliveries wait for a retry (monitor status lists them){first}"
    )
