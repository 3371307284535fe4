"""Raising alerts: one per new development of an active case, and one only.

An alert's key is ``dev:<development id>``, so raising twice for the same development
returns the alert already raised. Its subject says who and what ("Mohyaddin Orujov:
appeal rejected by the Supreme Court"), phrased from ``alerts.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts.config import AlertConfig, load_alert_config
from monitor.db import models as db

COURT_TYPES = frozenset({"appeal", "sentence", "trial"})


def event_phrase(event_type: str, sentence: str, config: AlertConfig) -> str:
    """What happened, in a few words, from the type and the triggering sentence."""
    phrase = config.phrases.get(event_type, event_type.replace("_", " "))
    for refinement in config.refinements.get(event_type, ()):
        found = refinement.pattern.search(sentence)
        if found:
            years = found.group(1) if found.groups() else ""
            phrase = refinement.phrase.format(years=years)
            break
    if event_type in COURT_TYPES:
        court = next((c.phrase for c in config.courts if c.pattern.search(sentence)), None)
        if court:
            phrase = f"{phrase} by {court}"
    return phrase


def subject_line(case_name: str, event_type: str, sentence: str, config: AlertConfig) -> str:
    return f"{case_name}: {event_phrase(event_type, sentence, config)}"


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


def _details(session: Session, development: db.Development, case: db.Case) -> dict[str, Any]:
    source = development.sources[0] if development.sources else None
    match = session.get(db.MatchRecord, source.match_id) if source and source.match_id else None
    return {
        "case_name": case.name,
        "country": case.country,
        "date": development.date.isoformat() if development.date else None,
        "article_id": source.article_id if source else None,
        "match_id": match.id if match else None,
        "explanation": list(match.explanation) if match else [],
        "names": name_forms(session, match),
        "case_status": case.status,
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
            details = _details(session, development, case)
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
                subject=subject_line(case.name, development.type, sentence, config),
                sentence=sentence,
                confidence=match.score if match else None,
                details=details,
            )
            session.add(alert)
            session.flush()
        raised.append(alert)
    return raised


def clean_subject(text: str) -> str:
    """A subject without line breaks (header injection) and of reasonable length."""
    single = re.sub(r"[\r\n\t]+", " ", text).strip()
    return single if len(single) <= 200 else single[:197].rstrip() + "..."
