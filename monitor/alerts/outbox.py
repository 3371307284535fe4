"""Delivering alerts: plan one delivery per (alert, recipient), then send what is due.

:func:`send_pending` is what ``monitor alerts send`` runs, as often as wanted:

1. **Plan.** Every case alert gets one delivery per active subscriber whose filters let
   it through (alerts raised before the subscriber joined are not sent to them), one per
   configured webhook, and operator alerts one to ``Settings.operator_email``. A
   correction (an alerted development was retracted) gets one delivery per delivery of
   the alert it corrects that went out, to the same recipient or webhook, at once. The
   idempotency key (``<alert key>:sub<id>``, ``:hook<hash>``, ``:operator``) is unique, so
   planning twice plans nothing new. Immediate alerts to immediate subscribers go out at
   once, one email per article (every development of it the subscriber follows);
   everything else waits for the day's digest (``Settings.digest_hour`` in
   ``Settings.timezone``), one email per subscriber.
2. **Resolve** deliveries left "sending" by a run that died (their lease ran out).
3. **Send** each due delivery (a digest: the subscriber's due deliveries together): mark it
   "sending" and commit; build the message, whose Message-ID derives from the key; when
   the notifier reaches the point after which the server may accept it (SMTP DATA),
   record the Message-ID and commit; once the server has accepted, mark it "sent" and
   commit at once. A failure puts it back to "pending" with exponential backoff (an SMTP
   outage delays alerts and loses none) until ``max_attempts``.
4. **Prune** the ``.eml`` copies in the outbox folder older than
   ``Settings.outbox_keep_days`` (never those of the plan window, which answer for sends
   a killed run left unsure).

Delivery guarantee. Email is **at most once**: a delivery found "sending" without a
recorded Message-ID certainly never reached DATA and is sent again; one with a Message-ID
was interrupted in the milliseconds between handing the message over and recording the
acceptance, so unless the notifier can confirm either way (the file outbox can), it is
marked failed with an explanation and the operator is told, rather than risk sending it
twice. Webhooks are **at least once**: they are retried, and receivers drop repeats by
the ``Idempotency-Key`` header.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
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
from monitor.subscribers import wants

log = logging.getLogger(__name__)

Poster = Callable[..., str]
DEFINITE = (PermanentFailure, TemporaryFailure, smtplib.SMTPResponseException)


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
    """Create the deliveries not planned yet; returns how many."""
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
    planned = 0

    def plan(alert: db.Alert, key: str, **fields: Any) -> None:
        nonlocal planned
        if key in have:
            return
        session.add(db.Delivery(idempotency_key=key, alert_id=alert.id, status="pending", **fields))
        have.add(key)
        planned += 1

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
    session.flush()
    return planned


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
    """Tell the operator about a delivery problem (once per key)."""
    if session.scalars(select(db.Alert).where(db.Alert.key == key)).first() is None:
        session.add(
            db.Alert(
                key=key,
                kind="operator",
                type="delivery",
                severity="immediate",
                subject=subject,
                sentence=text,
                details={},
            )
        )


def _unsure(session: Session, delivery: db.Delivery, reason: str) -> None:
    delivery.status = "failed"
    delivery.last_error = (
        f"unsure whether the server accepted {delivery.message_id} ({reason}); not sent "
        "again to avoid a duplicate: check the mail server's log for this Message-ID"
    )
    alert = session.get(db.Alert, delivery.alert_id)
    if alert is not None and alert.kind != "operator":
        operator_alert(
            session,
            f"unsure:{delivery.id}",
            f"Alert delivery to {delivery.recipient} may not have arrived",
            f"{alert.subject}: {delivery.last_error}",
        )


def resolve_interrupted(
    session: Session, notifier: Notifier, now: dt.datetime, report: SendReport
) -> None:
    """Settle deliveries a dead run left "sending" (see the module's guarantee)."""
    stuck = session.scalars(
        select(db.Delivery)
        .where(db.Delivery.status == "sending")
        .where(or_(db.Delivery.next_attempt_at.is_(None), db.Delivery.next_attempt_at <= now))
        .order_by(db.Delivery.id)
    )
    for delivery in stuck:
        accepted = None
        if delivery.message_id is None or delivery.channel == "webhook":
            accepted = False
        else:
            accepted = notifier.confirm(delivery.message_id)
        if accepted is None:
            _unsure(session, delivery, "the run sending it was interrupted")
            report.unsure += 1
        elif accepted:
            delivery.status, delivery.sent_at = "sent", now
            report.confirmed_after_interruption += 1
        else:
            delivery.status, delivery.next_attempt_at = "pending", now
            delivery.last_error = "interrupted before the message was handed over; sending again"
            report.resent_after_interruption += 1


def _message_key(delivery: db.Delivery, alert: db.Alert) -> tuple[object, ...] | None:
    """Which message a due delivery goes into: a digest per recipient; an email per
    recipient and article (and kind: alerts and their corrections go apart); None for a
    message of its own (webhooks, operator alerts)."""
    if delivery.channel == "digest":
        return ("digest", delivery.recipient)
    article = (alert.details or {}).get("article_id")
    if delivery.channel == "email" and alert.kind != "operator" and article is not None:
        return ("email", delivery.recipient, alert.kind, article)
    return None


def due_groups(session: Session, now: dt.datetime) -> list[list[int]]:
    """Ids of due deliveries, one list per message (see :func:`_message_key`)."""
    due = session.execute(
        select(db.Delivery, db.Alert)
        .join(db.Alert, db.Alert.id == db.Delivery.alert_id)
        .where(db.Delivery.status == "pending")
        .where(or_(db.Delivery.next_attempt_at.is_(None), db.Delivery.next_attempt_at <= now))
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
        message_id = str(message["Message-ID"])
        return self.notifier.send(message, handing_over=lambda: handing_over(message_id))

    def send(self, session: Session, ids: Sequence[int]) -> None:
        rows = [
            r for r in (session.get(db.Delivery, i) for i in ids) if r and r.status == "pending"
        ]
        if not rows:
            return  # another run took them
        lease = dt.timedelta(seconds=self.config.sending_lease_seconds)
        for row in rows:
            row.status, row.attempts, row.message_id = "sending", row.attempts + 1, None
            row.next_attempt_at = self.now + lease
        session.commit()
        handed = False

        def handing_over(message_id: str) -> None:
            nonlocal handed
            for row in rows:
                row.message_id = message_id
            session.commit()
            handed = True

        try:
            message_id = self._deliver(session, rows, handing_over)
        except Exception as error:
            self._failed(session, rows, error, handed)
            session.commit()
            return
        for row in rows:
            row.status, row.message_id, row.sent_at, row.last_error = (
                "sent",
                message_id,
                self.now,
                None,
            )
        session.commit()
        self.report.messages += 1
        self.report.sent += len(rows)

    def _failed(
        self, session: Session, rows: Sequence[db.Delivery], error: Exception, handed: bool
    ) -> None:
        text = f"{type(error).__name__}: {error}"
        self.report.errors.append(f"{rows[0].recipient}: {text}")
        log.warning("delivery to %s failed: %s", rows[0].recipient, text)
        webhook = rows[0].channel == "webhook"
        for row in rows:
            if handed and not webhook and not isinstance(error, DEFINITE):
                _unsure(session, row, text)
                self.report.unsure += 1
                continue
            row.last_error = text
            if isinstance(error, PermanentFailure) or row.attempts >= self.config.max_attempts:
                row.status = "failed"
                self.report.failed += 1
                alert = session.get(db.Alert, row.alert_id)
                if alert is not None and alert.kind != "operator":
                    operator_alert(
                        session,
                        f"failed:{row.id}",
                        f"Alert delivery to {row.recipient} failed",
                        f"{alert.subject}: {text}",
                    )
            else:
                row.status = "pending"
                row.next_attempt_at = self.now + dt.timedelta(
                    seconds=self.config.backoff(row.attempts)
                )
                self.report.retrying += 1


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
