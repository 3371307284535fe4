"""`monitor process`: extract and match every article not yet processed, and store it.

Two phases, so that any number of workers gives the same result as one:

1. **Analysis** (CPU-bound, parallel): workers claim batches of new articles (status
   ``new`` → ``processing``), run extraction and matching, store mentions, matches and
   event mentions, and mark them ``analyzed``. Claims are atomic on SQLite and PostgreSQL
   (``FOR UPDATE SKIP LOCKED`` there); a claim older than ``CLAIM_TIMEOUT`` (a worker that
   died) returns to the queue.
2. **Timeline** (serial, under the ``timeline`` lock): analysed articles enter the case
   timelines in publication order (:mod:`monitor.timeline`), which decides what is new
   and raises alerts. Order matters there, so it is never parallel.

Each article is committed on its own: a failure leaves the others done and the failed
one marked with its error.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import queue as queues
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.analysis import Analysis, Analyzer, analyze_each
from monitor.db import models as db
from monitor.db.session import count_rows, session_factory
from monitor.locks import DatabaseLock, owner_gone, owner_name
from monitor.registry import load_cases, load_judgements
from monitor.store import article_from_row
from monitor.timeline import record_developments

log = logging.getLogger(__name__)

CLAIM_BATCH = 16
CLAIM_TIMEOUT = dt.timedelta(minutes=30)


@dataclass
class ProcessReport:
    processed: int = 0
    failed: int = 0
    relevant: int = 0
    matches: int = 0
    needs_review: int = 0
    developments: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: ProcessReport) -> None:
        self.processed += other.processed
        self.failed += other.failed
        self.relevant += other.relevant
        self.matches += other.matches
        self.needs_review += other.needs_review
        self.developments += other.developments
        self.errors += other.errors


def build_analyzer(session: Session) -> Analyzer:
    return Analyzer(load_cases(session), load_judgements(session))


def save_analysis(session: Session, row: db.Article, analysis: Analysis) -> list[db.MatchRecord]:
    """Store one article's analysis, replacing an earlier one; returns the match rows.

    Everything is added as one object graph and written in one flush.
    """
    if row.mentions or row.event_mentions:
        session.execute(delete(db.MatchRecord).where(db.MatchRecord.article_id == row.id))
        row.event_mentions.clear()
        row.mentions.clear()
        session.flush()
    extraction = analysis.extraction
    people = [
        db.Mention(
            kind="person",
            text=person.name,
            value=person.normalized,
            role=person.role,
            start=person.spans[0][0] if person.spans else 0,
            end=person.spans[0][1] if person.spans else 0,
            spans=[list(span) for span in person.spans],
        )
        for person in extraction.people
    ]

    def person_of(index: int | None) -> db.Mention | None:
        return people[index] if index is not None else None

    row.mentions.extend(people)
    row.mentions.extend(
        db.Mention(
            kind="facility",
            text=f.text,
            value=f.canonical,
            start=f.start,
            end=f.end,
            spans=[[f.start, f.end]],
        )
        for f in extraction.facilities
    )
    row.mentions.extend(
        db.Mention(
            kind="charge",
            text=c.text,
            value=c.code,
            start=c.start,
            end=c.end,
            spans=[[c.start, c.end]],
            person=person_of(c.person),
        )
        for c in extraction.charges
    )
    row.event_mentions.extend(
        db.EventMention(
            type=e.type,
            date=e.date,
            date_precision=e.date_precision,
            sentence=e.sentence,
            start=e.start,
            end=e.end,
            background=e.background,
            person=person_of(e.person),
        )
        for e in extraction.events
        if not e.negated
    )
    records = [
        db.MatchRecord(
            article_id=row.id,
            mention=mention,
            case_id=match.case_id,
            score=match.confidence,
            decision=match.decision,
            explanation=list(match.explanation),
            review_status="pending",
        )
        for mention, match in zip(people, analysis.matches, strict=True)
    ]
    session.add_all(records)
    row.relevant = analysis.relevant
    row.status = "analyzed"
    row.process_error = None
    session.flush()
    return records


# --- phase 1: claims and analysis --------------------------------------------------------


def release_stale_claims(session: Session, now: dt.datetime | None = None) -> int:
    """Articles claimed by a worker that died go back to the queue: at once when the
    worker ran on this host, else when the claim is older than ``CLAIM_TIMEOUT``."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - CLAIM_TIMEOUT
    claimed = session.execute(
        select(db.Article.id, db.Article.claimed_by, db.Article.claimed_at).where(
            db.Article.status == "processing"
        )
    ).all()
    stale = [
        article_id
        for article_id, owner, claimed_at in claimed
        if claimed_at is None or claimed_at < cutoff or owner_gone(owner)
    ]
    if stale:
        session.execute(
            update(db.Article)
            .where(db.Article.id.in_(stale), db.Article.status == "processing")
            .values(status="new", claimed_by=None, claimed_at=None)
        )
    session.commit()
    return len(stale)


def claim_batch(session: Session, worker: str, size: int = CLAIM_BATCH) -> list[int]:
    """Atomically take up to ``size`` new articles for ``worker``; their ids in order.

    Returns [] only when no article is left: a claim that lost a race to another worker
    for every candidate tries the next ones.
    """
    while True:
        candidates = (
            select(db.Article.id)
            .where(db.Article.status == "new")
            .order_by(db.Article.published_at.is_(None), db.Article.published_at, db.Article.id)
            .limit(size)
        )
        skipping = session.get_bind().dialect.name == "postgresql"
        if skipping:
            candidates = candidates.with_for_update(skip_locked=True)
        ids = list(session.scalars(candidates))
        if not ids:
            session.rollback()
            waiting = select(db.Article.id).where(db.Article.status == "new").limit(1)
            if skipping and session.scalar(waiting) is not None:
                # all skipped: another worker is claiming them; look again once it commits
                session.rollback()
                time.sleep(0.01)
                continue
            return []
        session.execute(
            update(db.Article)
            .where(db.Article.id.in_(ids), db.Article.status == "new")
            .values(status="processing", claimed_by=worker, claimed_at=dt.datetime.now(dt.UTC))
        )
        session.commit()
        # only what this worker really holds: on SQLite another one may have won some
        owned = list(
            session.scalars(
                select(db.Article.id)
                .where(db.Article.id.in_(ids), db.Article.claimed_by == worker)
                .where(db.Article.status == "processing")
                .order_by(db.Article.id)
            )
        )
        if owned:
            return owned


def _fail(sessions: sessionmaker[Session], article_id: int, error: BaseException) -> str:
    with sessions() as session:
        row = session.get(db.Article, article_id)
        if row is not None:
            row.status = "failed"
            row.process_error = f"{type(error).__name__}: {error}"
            row.claimed_by = None
            session.commit()
    return f"article {article_id}: {error}"


def analyse_claimed(
    sessions: sessionmaker[Session], analyzer: Analyzer, ids: Sequence[int], report: ProcessReport
) -> None:
    with sessions() as session:
        rows = [row for i in ids if (row := session.get(db.Article, i)) is not None]
        articles = [article_from_row(row) for row in rows]
    analyses = list(analyze_each(analyzer, articles))
    for row, analysis in zip(rows, analyses, strict=True):
        if isinstance(analysis, Exception):
            report.failed += 1
            report.errors.append(_fail(sessions, row.id, analysis))
            continue
        with sessions() as session:
            try:
                fresh = session.get(db.Article, row.id)
                assert fresh is not None
                records = save_analysis(session, fresh, analysis)
                fresh.claimed_by = None
                session.commit()
            except Exception as error:
                session.rollback()
                log.exception("storing the analysis of article %s failed", row.id)
                report.failed += 1
                report.errors.append(_fail(sessions, row.id, error))
                continue
        report.processed += 1
        report.relevant += bool(analysis.relevant)
        report.matches += sum(r.decision == "match" for r in records)
        report.needs_review += sum(r.decision == "review" for r in records)


def analyse_pending(
    sessions: sessionmaker[Session],
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> ProcessReport:
    """Phase 1 in this process: claim and analyse until the queue is empty."""
    report = ProcessReport()
    worker = owner_name()
    with sessions() as session:
        release_stale_claims(session)
    while limit is None or report.processed + report.failed < limit:
        size = CLAIM_BATCH if limit is None else min(CLAIM_BATCH, limit - report.processed)
        with sessions() as session:
            ids = claim_batch(session, worker, size)
            if not ids:
                break
            if analyzer is None:
                analyzer = build_analyzer(session)
        analyse_claimed(sessions, analyzer, ids, report)
        if on_batch:
            on_batch(len(ids))
    return report


# --- phase 2: the timeline, in publication order -------------------------------------------


def record_analyzed(
    sessions: sessionmaker[Session], report: ProcessReport, *, settled_only: bool = False
) -> None:
    """Take analysed articles into the case timelines, oldest first, one run at a time.

    With ``settled_only``, stop at the first article still waiting for analysis: what
    comes after it must wait, so that the order (and so the result) is that of one
    worker. Workers' analysis and this step then overlap.
    """
    with DatabaseLock(sessions, "timeline"):
        with sessions() as session:
            queued = session.execute(
                select(db.Article.id, db.Article.status)
                .where(db.Article.status.in_(["new", "processing", "analyzed"]))
                .order_by(db.Article.published_at.is_(None), db.Article.published_at, db.Article.id)
            ).all()
        ids = []
        for article_id, status in queued:
            if status != "analyzed":
                if settled_only:
                    break
                continue
            ids.append(article_id)
        for article_id in ids:
            with sessions() as session:
                row = session.get(db.Article, article_id)
                if row is None or row.status != "analyzed":
                    continue
                try:
                    report.developments += len(record_developments(session, row))
                    row.status = "processed"
                    row.processed_at = dt.datetime.now(dt.UTC)
                    session.commit()
                except Exception as error:
                    session.rollback()
                    log.exception("timeline update for article %s failed", article_id)
                    report.failed += 1
                    report.errors.append(_fail(sessions, article_id, error))


# --- entry points ----------------------------------------------------------------------------


def _worker_main(url: str, queue: multiprocessing.Queue[ProcessReport]) -> None:
    from monitor.logs import setup_logging

    setup_logging()
    queue.put(analyse_pending(session_factory(url)))


def process_pending(
    sessions: sessionmaker[Session],
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> ProcessReport:
    """Analyse every new article (``workers`` processes), then update the timelines."""
    if workers <= 1:
        report = analyse_pending(sessions, limit=limit, analyzer=analyzer, on_batch=on_batch)
    else:
        report = run_workers(sessions, workers, on_batch)
    record_analyzed(sessions, report)
    return report


def waiting(sessions: sessionmaker[Session]) -> int:
    """Articles waiting for analysis."""
    with sessions() as session:
        return count_rows(session, db.Article.id, db.Article.status == "new")


def run_workers(
    sessions: sessionmaker[Session],
    workers: int,
    on_batch: Callable[[int], None] | None = None,
) -> ProcessReport:
    """Phase 1 in ``workers`` separate processes (spaCy is CPU-bound), while this one
    takes what they have analysed into the timelines, in order, as it becomes ready."""
    bind = sessions.kw["bind"]
    url = bind.url.render_as_string(hide_password=False)
    report = ProcessReport()
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue[ProcessReport] = context.Queue()
    procs = [context.Process(target=_worker_main, args=(url, results)) for _ in range(workers)]
    for proc in procs:
        proc.start()
    left = waiting(sessions)
    received = 0
    while received < workers:
        try:
            report.add(results.get(timeout=1.0))
            received += 1
        except queues.Empty:
            if not any(proc.is_alive() for proc in procs) and results.empty():
                break  # a worker died without reporting; its claims expire and requeue
        record_analyzed(sessions, report, settled_only=True)
        if on_batch is not None:
            now_left = waiting(sessions)
            on_batch(left - now_left)
            left = now_left
    for proc in procs:
        proc.join()
        if proc.exitcode:
            report.errors.append(f"a worker exited with status {proc.exitcode}")
    with sessions() as session:
        release_stale_claims(session)  # what a dead worker held is queued again
    return report
