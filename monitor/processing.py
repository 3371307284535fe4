"""`monitor process`: extract and match every article not yet processed, and store it.

For each new article: the analysis (people, facilities, charges, developments, matches)
replaces whatever an earlier pass stored for it; then the case timelines take in the
developments of matched people (:mod:`monitor.timeline`). Each article is committed on
its own, so a failure leaves the others done and the failed one marked with its error.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from monitor.analysis import Analysis, Analyzer
from monitor.db import models as db
from monitor.registry import load_cases, load_judgements
from monitor.store import article_from_row
from monitor.timeline import record_developments

log = logging.getLogger(__name__)


@dataclass
class ProcessReport:
    processed: int = 0
    failed: int = 0
    relevant: int = 0
    matches: int = 0
    needs_review: int = 0
    developments: int = 0
    errors: list[str] = field(default_factory=list)


def build_analyzer(session: Session) -> Analyzer:
    return Analyzer(load_cases(session), load_judgements(session))


def save_analysis(session: Session, row: db.Article, analysis: Analysis) -> list[db.MatchRecord]:
    """Store one article's analysis, replacing an earlier one; returns the match rows."""
    session.execute(delete(db.MatchRecord).where(db.MatchRecord.article_id == row.id))
    row.event_mentions.clear()
    row.mentions.clear()
    session.flush()
    extraction = analysis.extraction
    people: list[db.Mention] = []
    for person in extraction.people:
        start, end = person.spans[0] if person.spans else (0, 0)
        mention = db.Mention(
            kind="person",
            text=person.name,
            value=person.normalized,
            role=person.role,
            start=start,
            end=end,
            spans=[list(s) for s in person.spans],
        )
        row.mentions.append(mention)
        people.append(mention)
    for facility in extraction.facilities:
        row.mentions.append(
            db.Mention(
                kind="facility",
                text=facility.text,
                value=facility.canonical,
                start=facility.start,
                end=facility.end,
                spans=[[facility.start, facility.end]],
            )
        )
    session.flush()
    for charge in extraction.charges:
        row.mentions.append(
            db.Mention(
                kind="charge",
                text=charge.text,
                value=charge.code,
                start=charge.start,
                end=charge.end,
                spans=[[charge.start, charge.end]],
                person_id=people[charge.person].id if charge.person is not None else None,
            )
        )
    for event in extraction.events:
        if event.negated:
            continue
        row.event_mentions.append(
            db.EventMention(
                type=event.type,
                date=event.date,
                sentence=event.sentence,
                start=event.start,
                end=event.end,
                background=event.background,
                person_id=people[event.person].id if event.person is not None else None,
            )
        )
    records = []
    for mention, match in zip(people, analysis.matches, strict=True):
        record = db.MatchRecord(
            article_id=row.id,
            mention_id=mention.id,
            case_id=match.case_id,
            score=match.confidence,
            decision=match.decision,
            explanation=list(match.explanation),
            review_status="pending",
        )
        session.add(record)
        records.append(record)
    row.relevant = analysis.relevant
    row.status = "processed"
    row.processed_at = dt.datetime.now(dt.UTC)
    row.process_error = None
    session.flush()
    return records


def pending_ids(session: Session, limit: int | None = None) -> list[int]:
    query = (
        select(db.Article.id)
        .where(db.Article.status == "new")
        .order_by(db.Article.published_at.is_(None), db.Article.published_at, db.Article.id)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def process_pending(
    sessions: sessionmaker[Session],
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    on_article: Callable[[db.Article], None] | None = None,
) -> ProcessReport:
    report = ProcessReport()
    with sessions() as session:
        ids = pending_ids(session, limit)
        if not ids:
            return report
        analyzer = analyzer or build_analyzer(session)
    for article_id in ids:
        with sessions() as session:
            row = session.get(db.Article, article_id)
            if row is None or row.status != "new":
                continue  # another worker took it
            try:
                analysis = analyzer.analyze(article_from_row(row))
                records = save_analysis(session, row, analysis)
                report.developments += len(record_developments(session, row))
                session.commit()
            except Exception as error:  # one bad article must not stop the run
                session.rollback()
                log.exception("processing article %s failed", article_id)
                row = session.get(db.Article, article_id)
                if row is not None:
                    row.status = "failed"
                    row.process_error = f"{type(error).__name__}: {error}"
                    session.commit()
                report.failed += 1
                report.errors.append(f"article {article_id}: {error}")
                continue
            report.processed += 1
            report.relevant += bool(analysis.relevant)
            report.matches += sum(r.decision == "match" for r in records)
            report.needs_review += sum(r.decision == "review" for r in records)
            if on_article:
                on_article(row)
    return report
