"""Raising alerts: one per new development of an active case, and one only.

An alert's key is ``dev:<development id>``, so raising twice for the same development
returns the alert already raised. Its subject says who and what ("Mohyaddin Orujov:
sentenced to 9 years by the Supreme Court"), phrased from ``alerts.yaml``; its details
keep what the email shows: the development's own date and precision beside the article's,
the sentence's term, where the case is held, and everyone else the article reports the
same development of (the co-defendants of a verdict, with each one's term).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts.config import AlertConfig, load_alert_config
from monitor.alerts.terms import term_of
from monitor.db import models as db
from monitor.model import long_before

COURT_TYPES = frozenset({"appeal", "sentence", "trial"})
NOT_DEFENDANTS = frozenset({"lawyer", "relative", "official"})
TERM_TYPES = frozenset({"sentence", "appeal", "arrest", "pretrial_detention", "house_arrest"})


def event_phrase(
    event_type: str,
    sentence: str,
    config: AlertConfig,
    term: str | None = None,
    *,
    group: bool = False,
) -> str:
    """What happened, in a few words, from the type, the triggering sentence and the
    prison term it gives the person (by default the sentence's first; a phrase with
    ``{term}`` needs one). A ``group`` phrase, said of several people, has no term."""
    term = None if group else term or term_of(sentence, 0)
    phrase = config.phrases.get(event_type, event_type.replace("_", " "))
    for refinement in config.refinements.get(event_type, ()):
        if "{term}" in refinement.phrase and not term:
            continue
        found = refinement.pattern.search(sentence)
        if found:
            years = found.group(1) if found.groups() else ""
            phrase = refinement.phrase.format(years=years, term=term)
            break
    if event_type in COURT_TYPES:
        court = next((c.phrase for c in config.courts if c.pattern.search(sentence)), None)
        if court:
            phrase = f"{phrase} by {court}"
    return phrase


def name_forms(session: Session, match: db.MatchRecord | None) -> list[str]:
    """The surface forms of the matched person in the article, longest first."""
    if match is None:
        return []
    mention = session.get(db.Mention, match.mention_id)
    article = session.get(db.Article, match.article_id)
    if mention is None:
        return []
    forms = {mention.text}
    if article is not None:
        for span in mention.spans or []:
            start, end = int(span[0]), int(span[1])
            if 0 <= start < end <= len(article.text):
                forms.add(article.text[start:end])
    return sorted((f for f in forms if f.strip()), key=lambda f: (-len(f), f))


def _position(sentence: str, names: Sequence[str]) -> int:
    """Where the first of ``names`` stands in ``sentence`` (0 when none does)."""
    lower = sentence.lower()
    found = [lower.find(n.lower()) for n in names if n.strip()]
    return min((f for f in found if f >= 0), default=0)


def _person_starts(mention: db.Mention, start: int, end: int) -> list[int]:
    """Where ``mention`` is named between ``start`` and ``end``, relative to ``start``."""
    spans = mention.spans or [[mention.start, mention.end]]
    return [int(s[0]) - start for s in spans if start <= int(s[0]) < end]


def co_reported(
    session: Session, article: db.Article, development: db.Development, config: AlertConfig
) -> list[dict[str, Any]]:
    """Everyone the article reports this development of, each with their case (if any)
    and the term their sentence gives them, in text order: the co-defendants of a
    verdict, the prisoners of a pardon list. Empty when only one person is reported.

    As for news, background and facts dated more than the window before the article
    are left out."""
    published = article.published_at.date() if article.published_at else None
    matches = {
        m.mention_id: m
        for m in session.scalars(
            select(db.MatchRecord).where(db.MatchRecord.article_id == article.id)
        )
        if m.decision == "match" and m.review_status != "rejected" and m.case_id
    }
    people = [m for m in article.mentions if m.kind == "person"]
    found: dict[object, dict[str, Any]] = {}
    for event in article.event_mentions:
        if event.type != development.type or event.background or event.person is None:
            continue
        if long_before(event.date, event.date_precision, published, config.window_days):
            continue
        match = matches.get(event.person.id)
        if match is None and event.person.role in NOT_DEFENDANTS:
            continue  # the lawyer, the judge or a relative telling of it
        key: object = match.case_id if match else event.person.id
        if key in found:
            continue
        at = _person_starts(event.person, event.start, event.end)
        others = [
            p
            for m in people
            if m is not event.person
            for p in _person_starts(m, event.start, event.end)
        ]
        case = session.get(db.Case, match.case_id) if match and match.case_id else None
        found[key] = {
            "name": event.person.value or event.person.text,
            "case_id": case.id if case else None,
            "case_name": case.name if case else None,
            "term": term_of(event.sentence, at[0] if at else 0, others)
            if development.type in TERM_TYPES
            else None,
        }
    return list(found.values()) if len(found) > 1 else []


def _details(
    session: Session, development: db.Development, case: db.Case, config: AlertConfig
) -> dict[str, Any]:
    source = development.sources[0] if development.sources else None
    match = session.get(db.MatchRecord, source.match_id) if source and source.match_id else None
    article = session.get(db.Article, source.article_id) if source else None
    sentence = source.sentence if source else ""
    names = name_forms(session, match)
    term = term_of(sentence, _position(sentence, names)) if development.type in TERM_TYPES else None
    published = article.published_at if article else None
    return {
        "case_name": case.name,
        "country": case.country,
        "date": development.date.isoformat() if development.date else None,
        "date_precision": development.date_precision or "day",
        "published": published.date().isoformat() if published else None,
        "article_id": source.article_id if source else None,
        "match_id": match.id if match else None,
        "explanation": list(match.explanation) if match else [],
        "names": names,
        "case_status": case.status,
        "case_facility": case.facility,
        "term": term,
        "phrase": event_phrase(development.type, sentence, config, term),
        "group_phrase": event_phrase(development.type, sentence, config, group=True),
        "co_reported": co_reported(session, article, development, config) if article else [],
    }


def raise_alerts(
    session: Session,
    developments: Sequence[db.Development],
    config: AlertConfig | None = None,
) -> list[db.Alert]:
    """The alert of each development of an active case, raised once; in input order."""
    config = config or load_alert_config()
    raised: list[db.Alert] = []
    for development in developments:
        case = session.get(db.Case, development.case_id)
        if case is None or not case.active or development.status != "active":
            continue
        key = f"dev:{development.id}"
        alert = session.scalars(select(db.Alert).where(db.Alert.key == key)).one_or_none()
        if alert is None:
            details = _details(session, development, case, config)
            sentence = development.sources[0].sentence if development.sources else ""
            match = (
                session.get(db.MatchRecord, details["match_id"]) if details["match_id"] else None
            )
            alert = db.Alert(
                key=key,
                kind="case",
                development_id=development.id,
                case_id=case.id,
                type=development.type,
                severity=config.severity_of(development.type),
                subject=f"{case.name}: {details['phrase']}",
                sentence=sentence,
                confidence=match.score if match else None,
                details=details,
            )
            session.add(alert)
            session.flush()
        raised.append(alert)
    return raised


def raise_corrections(
    session: Session, developments: Sequence[db.Development], reason: str
) -> list[db.Alert]:
    """A correction of each alert raised for ``developments`` (now retracted), once:
    the outbox sends it to everyone the alert reached, by the same channel."""
    ids = [d.id for d in developments]
    raised: list[db.Alert] = []
    for alert in session.scalars(
        select(db.Alert)
        .where(db.Alert.development_id.in_(ids))
        .where(db.Alert.kind == "case")
        .order_by(db.Alert.id)
    ):
        key = f"correction:{alert.key}"
        if session.scalars(select(db.Alert.id).where(db.Alert.key == key)).first() is not None:
            continue
        details = dict(alert.details or {})
        correction = db.Alert(
            key=key,
            kind="correction",
            development_id=alert.development_id,
            case_id=alert.case_id,
            type=alert.type,
            severity="immediate",
            subject=f"Correction: {alert.subject}",
            sentence=alert.sentence,
            confidence=None,
            details={
                "corrects": alert.key,
                "reason": reason,
                "article_id": details.get("article_id"),
                "case_name": details.get("case_name"),
                "date": details.get("date"),
            },
        )
        session.add(correction)
        raised.append(correction)
    session.flush()
    return raised


def clean_subject(text: str) -> str:
    """A subject without line breaks (header injection) and of reasonable length."""
    single = re.sub(r"[\r\n\t]+", " ", text).strip()
    return single if len(single) <= 200 else single[:197].rstrip() + "..."
