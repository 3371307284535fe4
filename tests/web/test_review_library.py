"""monitor.review: what confirming, rejecting and re-assigning a match change."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.matching.feedback import Rejections
from monitor.matching.names import name_words
from monitor.registry import load_judgements
from monitor.review import ReviewError, add_alias, add_development, judge_match, reassign_match
from tests.web.builders import add_case, seed_review_match


def deliver(session: Session, alert: db.Alert, recipient: str, status: str) -> db.Delivery:
    row = db.Delivery(
        idempotency_key=f"{alert.key}:{recipient}",
        alert_id=alert.id,
        recipient=recipient,
        status=status,
    )
    session.add(row)
    session.flush()
    return row


def test_confirming_makes_a_confirmed_match_and_records_before_and_after(session: Session) -> None:
    seeded = seed_review_match(session)

    judgement = judge_match(session, seeded.match_id, "confirm", "ana@example.org")

    match = session.get(db.MatchRecord, seeded.match_id)
    assert match is not None
    assert (match.decision, match.review_status) == ("match", "confirmed")
    assert judgement.verdict == "positive"
    assert judgement.reviewer == "ana@example.org"
    assert judgement.name == "Tural Qasimov"
    assert judgement.before == {
        "decision": "review",
        "review_status": "pending",
        "case_id": "qasimov-tural",
    }
    assert judgement.after == {
        "decision": "match",
        "review_status": "confirmed",
        "case_id": "qasimov-tural",
    }
    assert judgement.created_at is not None


def test_confirming_adds_the_spelling_as_an_analyst_alias_once(session: Session) -> None:
    seeded = seed_review_match(session)
    judge_match(session, seeded.match_id, "confirm", "ana@example.org")
    judge_match(session, seeded.match_id, "confirm", "ana@example.org")

    aliases = session.scalars(
        select(db.CaseAlias).where(db.CaseAlias.case_id == seeded.case_id)
    ).all()
    assert sorted((a.alias, a.origin) for a in aliases) == [
        ("TURAL GASIMOV", "imported"),
        ("Tural Qasimov", "analyst"),
    ]


def test_confirming_puts_the_development_on_the_timeline_with_an_alert(session: Session) -> None:
    seeded = seed_review_match(session)

    judge_match(session, seeded.match_id, "confirm", "ana@example.org")

    case = session.get(db.Case, seeded.case_id)
    assert case is not None
    (development,) = case.developments
    assert (development.type, development.origin, development.status) == (
        "transfer",
        "article",
        "active",
    )
    assert [s.match_id for s in development.sources] == [seeded.match_id]
    (alert,) = session.scalars(select(db.Alert)).all()
    assert alert.development_id == development.id


def test_a_review_match_stays_off_the_timeline_until_confirmed(session: Session) -> None:
    seeded = seed_review_match(session)
    judge_match(session, seeded.match_id, "unsure", "ana@example.org")

    case = session.get(db.Case, seeded.case_id)
    assert case is not None
    assert case.developments == []
    match = session.get(db.MatchRecord, seeded.match_id)
    assert match is not None
    assert (match.decision, match.review_status) == ("review", "unsure")


def test_rejecting_records_a_negative_judgement_the_matcher_honours(session: Session) -> None:
    seeded = seed_review_match(session)

    judgement = judge_match(session, seeded.match_id, "reject", "ana@example.org")

    assert judgement.verdict == "negative"
    assert judgement.context == "test-outlet|smuggling|Penitentiary Institution No. 13"
    rejections = Rejections(load_judgements(session))
    words = name_words("Tural Qasimov")
    assert rejections.rejected(seeded.case_id, words, judgement.context)
    assert not rejections.rejected(seeded.case_id, words, "other-outlet||")
    match = session.get(db.MatchRecord, seeded.match_id)
    assert match is not None
    assert match.review_status == "rejected"


def test_rejecting_retracts_what_only_this_match_reported_and_cancels_unsent_mail(
    session: Session,
) -> None:
    seeded = seed_review_match(session, decision="match")
    judge_match(session, seeded.match_id, "confirm", "ana@example.org")
    (alert,) = session.scalars(select(db.Alert)).all()
    waiting = deliver(session, alert, "a@example.org", "pending")
    failed = deliver(session, alert, "b@example.org", "failed")
    sent = deliver(session, alert, "c@example.org", "sent")

    judge_match(session, seeded.match_id, "reject", "ana@example.org")

    case = session.get(db.Case, seeded.case_id)
    assert case is not None
    assert [d.status for d in case.developments] == ["retracted"]
    assert (waiting.status, failed.status, sent.status) == ("cancelled", "cancelled", "sent")


def test_rejecting_keeps_a_development_other_articles_also_report(session: Session) -> None:
    first = seed_review_match(session, decision="match")
    second = seed_review_match(
        session,
        title="Tural Qasimov is in a new prison, his family says",
        sentence="Tural Qasimov was transferred to Prison No. 13 this week.",
        outlet="second-outlet",
        decision="match",
        published=dt.date(2026, 2, 4),
    )
    judge_match(session, first.match_id, "confirm", "ana@example.org")
    judge_match(session, second.match_id, "confirm", "ana@example.org")

    judge_match(session, first.match_id, "reject", "ana@example.org")

    case = session.get(db.Case, first.case_id)
    assert case is not None
    (development,) = case.developments
    assert development.status == "active"
    assert [s.article_id for s in development.sources] == [second.article_id]


def test_reassigning_rejects_the_old_case_and_confirms_the_new_one(session: Session) -> None:
    seeded = seed_review_match(session)
    add_case(session, "qasimov-tural-2", "Tural Qasimov")

    confirmed = reassign_match(session, seeded.match_id, "qasimov-tural-2", "ana@example.org")

    verdicts = session.execute(
        select(db.ReviewJudgement.case_id, db.ReviewJudgement.verdict).order_by(
            db.ReviewJudgement.id
        )
    )
    assert [tuple(v) for v in verdicts] == [
        ("qasimov-tural", "negative"),
        ("qasimov-tural-2", "positive"),
    ]
    assert confirmed.after["case_id"] == "qasimov-tural-2"
    new_case = session.get(db.Case, "qasimov-tural-2")
    assert new_case is not None
    assert [d.type for d in new_case.developments] == ["transfer"]


def test_a_match_without_a_case_cannot_be_confirmed(session: Session) -> None:
    seeded = seed_review_match(session, with_case=False, decision="review")
    with pytest.raises(ReviewError, match="assign a case"):
        judge_match(session, seeded.match_id, "confirm", "ana@example.org")


def test_an_unknown_verdict_is_refused(session: Session) -> None:
    seeded = seed_review_match(session)
    with pytest.raises(ReviewError, match="verdict"):
        judge_match(session, seeded.match_id, "maybe", "ana@example.org")


def test_an_alias_the_case_already_has_in_another_case_is_not_added(session: Session) -> None:
    case = add_case(session, "aliyev-ilham", "Ilham Aliyev")
    assert add_alias(session, case, "  ilham   ALIYEV ") is None
    added = add_alias(session, case, "Ильхам Алиев")
    assert added is not None
    assert added.origin == "analyst"


def test_an_analyst_development_enters_the_timeline_and_raises_an_alert(session: Session) -> None:
    case = add_case(session, "aliyev-ilham", "Ilham Aliyev")

    development = add_development(
        session, case, "release", dt.date(2026, 3, 1), "Released after serving the term."
    )

    assert (development.origin, development.status) == ("analyst", "active")
    assert case.status == "released"
    (alert,) = session.scalars(select(db.Alert)).all()
    assert alert.development_id == development.id
