"""Analysts' verdicts on matches, and what each verdict changes.

:func:`judge_match` records one verdict as a :class:`~monitor.db.models.ReviewJudgement`
(who, when, the match's state before and after) and feeds it back:

- **confirm** (verdict ``positive``): the match becomes a ``match``, confirmed; the
  spelling the article used becomes an analyst alias of the case; the article's events
  of that person enter the case timeline (and raise alerts) through
  :func:`monitor.timeline.record_developments`.
- **reject** (``negative``): the match is rejected; the judgement carries the match's
  context (:func:`monitor.matching.context_key`) so the matcher does not pair that name
  and case again in the same situation; developments only this match supported are
  retracted: their deliveries not yet sent are cancelled, and everyone an alert about
  them reached gets a correction.
- **unsure**: recorded, nothing else changes.

:func:`reassign_match` says "not that case, this one": a rejection for the old case and
a confirmation for the new one. Analysts also edit aliases, add developments by hand and
retract wrong ones (:func:`retract_development`, corrected like a rejection).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from monitor.alerts.raising import raise_alerts, raise_corrections
from monitor.db import models as db
from monitor.matching import context_key
from monitor.model import (
    EVENT_TYPES,
    ChargeMention,
    Extraction,
    FacilityMention,
    PersonMention,
)
from monitor.store import article_from_row
from monitor.timeline import record_developments, refresh_case

VERDICTS = {"confirm": "positive", "reject": "negative", "unsure": "unsure"}
REVIEW_STATUS = {"positive": "confirmed", "negative": "rejected", "unsure": "unsure"}
UNSENT = ("pending", "unsure", "failed")  # not known to have gone out: never sent now


class ReviewError(ValueError):
    """A verdict or edit that cannot be applied; the message says why."""


def _state(match: db.MatchRecord) -> dict[str, Any]:
    return {
        "decision": match.decision,
        "review_status": match.review_status,
        "case_id": match.case_id,
    }


def _words(text: str) -> str:
    return " ".join(text.split())


def match_context(session: Session, match: db.MatchRecord) -> str:
    """The context key of a stored match, built as the matcher builds it at analysis."""
    row = session.get(db.Article, match.article_id)
    if row is None:
        raise ReviewError(f"match {match.id} has no article")
    people = [m for m in row.mentions if m.kind == "person"]
    index = {m.id: i for i, m in enumerate(people)}
    persons = [
        PersonMention(
            name=m.text,
            normalized=m.value,
            spans=[(int(s[0]), int(s[1])) for s in m.spans or [[m.start, m.end]]],
        )
        for m in people
    ]
    extraction = Extraction(
        language=row.language or "",
        relevant=bool(row.relevant),
        people=persons,
        facilities=[
            FacilityMention(m.text, m.value, m.start, m.end)
            for m in row.mentions
            if m.kind == "facility"
        ],
        charges=[
            ChargeMention(m.text, m.value, m.start, m.end, person=index.get(m.person_id or -1))
            for m in row.mentions
            if m.kind == "charge"
        ],
    )
    if match.mention_id not in index:
        raise ReviewError(f"match {match.id} has no person mention")
    return context_key(article_from_row(row), extraction, persons[index[match.mention_id]])


def _mention(session: Session, match: db.MatchRecord) -> db.Mention:
    mention = session.get(db.Mention, match.mention_id)
    if mention is None:
        raise ReviewError(f"match {match.id} has no person mention")
    return mention


def add_alias(session: Session, case: db.Case, alias: str) -> db.CaseAlias | None:
    """Add an analyst alias; None when the case already has this spelling (any case)."""
    alias = _words(alias)
    if not alias:
        raise ReviewError("an alias cannot be empty")
    known = {_words(a.alias).casefold() for a in case.aliases} | {case.name.casefold()}
    if alias.casefold() in known:
        return None
    row = db.CaseAlias(case_id=case.id, alias=alias, origin="analyst")
    case.aliases.append(row)
    session.flush()
    return row


def remove_alias(session: Session, case: db.Case, alias_id: int) -> None:
    """Remove an analyst alias; imported aliases belong to the case list and stay."""
    row = next((a for a in case.aliases if a.id == alias_id), None)
    if row is None:
        raise ReviewError(f"case {case.id} has no alias {alias_id}")
    if row.origin != "analyst":
        raise ReviewError("imported aliases are changed in the case list, not here")
    case.aliases.remove(row)
    session.flush()


def retract_developments(
    session: Session, developments: Sequence[db.Development], reason: str
) -> None:
    """Retract ``developments``: their deliveries not yet sent are cancelled, the alerts
    that went out are corrected (one correction each, to everyone they reached), and the
    cases' status and facility follow their timelines again."""
    for development in developments:
        development.status = "retracted"
    session.flush()
    if not developments:
        return
    alerts = select(db.Alert.id).where(db.Alert.development_id.in_([d.id for d in developments]))
    # one conditional UPDATE: a delivery a sender has claimed meanwhile is left to it
    # (once sent, its correction is planned like any other)
    session.execute(
        update(db.Delivery)
        .where(db.Delivery.alert_id.in_(alerts), db.Delivery.status.in_(UNSENT))
        .values(status="cancelled", next_attempt_at=None)
    )
    raise_corrections(session, developments, reason)
    for case_id in {d.case_id for d in developments}:
        case = session.get(db.Case, case_id)
        if case is not None:
            refresh_case(case)
    session.flush()


def retract_match(session: Session, match: db.MatchRecord) -> list[db.Development]:
    """Retract the article developments only this match supported; returns them.

    A development other reports also support keeps them and loses this match's source.
    """
    sources = list(
        session.scalars(
            select(db.DevelopmentSource).where(db.DevelopmentSource.match_id == match.id)
        )
    )
    retracted: list[db.Development] = []
    for development in {s.development for s in sources}:
        if development.origin != "article" or development.status != "active":
            continue
        others = [s for s in development.sources if s.match_id != match.id]
        if others:
            for source in [s for s in development.sources if s.match_id == match.id]:
                development.sources.remove(source)
            continue
        retracted.append(development)
    case = session.get(db.Case, match.case_id) if match.case_id else None
    name = case.name if case else "this case"
    reason = f"an analyst found that the article does not report on {name} (match rejected)"
    retract_developments(session, sorted(retracted, key=lambda d: d.id), reason)
    return retracted


def retract_development(
    session: Session, development_id: int, reviewer: str, reason: str = ""
) -> db.Development:
    """An analyst withdraws one development of a timeline (a wrong report, a duplicate);
    an alert sent about it is corrected."""
    development = session.get(db.Development, development_id)
    if development is None:
        raise ReviewError(f"there is no development {development_id}")
    if development.status != "active":
        raise ReviewError(f"development {development_id} is already retracted")
    why = _words(reason) or "an analyst found that it did not happen as reported"
    retract_developments(session, [development], f"{why} ({reviewer})")
    return development


def _judgement(
    session: Session,
    match: db.MatchRecord,
    case_id: str,
    verdict: str,
    reviewer: str,
    before: dict[str, Any],
    context: str | None,
) -> db.ReviewJudgement:
    row = db.ReviewJudgement(
        match_id=match.id,
        case_id=case_id,
        name=_mention(session, match).value,
        verdict=verdict,
        context=context,
        reviewer=reviewer,
        before=before,
        after=_state(match),
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return row


def judge_match(session: Session, match_id: int, verdict: str, reviewer: str) -> db.ReviewJudgement:
    """Record ``verdict`` (confirm/positive, reject/negative, unsure) on a match."""
    verdict = VERDICTS.get(verdict, verdict)
    if verdict not in REVIEW_STATUS:
        raise ReviewError(f"verdict must be confirm, reject or unsure, not {verdict!r}")
    match = session.get(db.MatchRecord, match_id)
    if match is None:
        raise ReviewError(f"there is no match {match_id}")
    if match.case_id is None:
        raise ReviewError("this person is matched to no case: assign a case first")
    case_id = match.case_id
    before = _state(match)
    context: str | None = None
    match.review_status = REVIEW_STATUS[verdict]
    if verdict == "positive":
        match.decision = "match"
        case = session.get(db.Case, case_id)
        mention = _mention(session, match)
        if case is not None:
            for spelling in (mention.text, mention.value):
                add_alias(session, case, spelling)
        session.flush()
        article = session.get(db.Article, match.article_id)
        if article is not None:
            record_developments(session, article)
    elif verdict == "negative":
        context = match_context(session, match)
        session.flush()
        retract_match(session, match)
    return _judgement(session, match, case_id, verdict, reviewer, before, context)


def reassign_match(
    session: Session, match_id: int, case_id: str, reviewer: str
) -> db.ReviewJudgement:
    """Say the person is ``case_id``, not the case the matcher chose; returns the confirmation."""
    match = session.get(db.MatchRecord, match_id)
    if match is None:
        raise ReviewError(f"there is no match {match_id}")
    if session.get(db.Case, case_id) is None:
        raise ReviewError(f"there is no case {case_id!r}")
    if match.case_id == case_id:
        return judge_match(session, match_id, "positive", reviewer)
    if match.case_id is not None:
        judge_match(session, match_id, "negative", reviewer)
    match.case_id = case_id
    match.review_status = "pending"
    session.flush()
    return judge_match(session, match_id, "positive", reviewer)


def add_development(
    session: Session,
    case: db.Case,
    event_type: str,
    date: dt.date | None,
    summary: str,
    *,
    article_id: int | None = None,
    alerts: bool = True,
) -> db.Development:
    """A development an analyst adds by hand (origin "analyst"), optionally with its source."""
    if event_type not in EVENT_TYPES:
        raise ReviewError(f"unknown event type {event_type!r}")
    development = db.Development(
        case_id=case.id,
        type=event_type,
        date=date,
        origin="analyst",
        summary=_words(summary) or None,
        status="active",
    )
    case.developments.append(development)
    if article_id is not None:
        if session.get(db.Article, article_id) is None:
            raise ReviewError(f"there is no article {article_id}")
        development.sources.append(
            db.DevelopmentSource(article_id=article_id, sentence=_words(summary))
        )
    session.flush()
    refresh_case(case)
    if alerts:
        raise_alerts(session, [development])
    session.flush()
    return development
