"""Rows for the web tests, built by hand (no NLP): one article naming one person.

The texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from dataclasses import dataclass

from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.store import ensure_outlet

PASSWORD = "correct horse battery"


@dataclass
class Seeded:
    case_id: str
    article_id: int
    mention_id: int
    match_id: int


def add_case(session: Session, case_id: str, name: str, *, country: str = "AZ") -> db.Case:
    case = db.Case(
        id=case_id,
        name=name,
        country=country,
        status="imprisoned",
        imported_status="imprisoned",
        charges=["smuggling"],
        facility="Baku Pretrial Detention Centre No. 1",
        imported_facility="Baku Pretrial Detention Centre No. 1",
        aliases=[db.CaseAlias(alias=name.upper(), origin="imported")],
    )
    session.add(case)
    session.flush()
    return case


def seed_review_match(
    session: Session,
    *,
    title: str = "Reporter Tural Qasimov moved to another prison",
    name: str = "Tural Qasimov",
    sentence: str = "On Monday reporter Tural Qasimov was transferred to Prison No. 13.",
    case_id: str = "qasimov-tural",
    case_name: str = "Tural Gasimov",
    outlet: str = "test-outlet",
    language: str = "en",
    published: dt.date = dt.date(2026, 2, 3),
    decision: str = "review",
    score: float = 0.71,
    evidence: bytes | None = b"<html><body><p>The page as crawled.</p></body></html>",
    with_case: bool = True,
) -> Seeded:
    """A case, an article reporting a transfer of ``name``, and a match of the two."""
    if with_case and session.get(db.Case, case_id) is None:
        add_case(session, case_id, case_name)
    ensure_outlet(session, outlet, name=outlet, language=language)
    second = f"He is charged with smuggling, his lawyer said about {name}."
    text = "\n".join([title, sentence, second])
    digest = hashlib.sha256(text.encode()).hexdigest()
    url = f"https://{outlet}.example/{digest[:12]}"
    article = db.Article(
        key=url,
        outlet_slug=outlet,
        url=url,
        canonical_url=url,
        title=title,
        published_at=dt.datetime.combine(published, dt.time(10), tzinfo=dt.UTC),
        language=language,
        text=text,
        paragraphs=[{"text": sentence, "background": False}, {"text": second, "background": False}],
        content_hash=digest,
        status="processed",
        relevant=True,
        html_gz=gzip.compress(evidence) if evidence is not None else None,
    )
    session.add(article)
    session.flush()
    body_start = len(title) + 1
    name_at = text.index(name, body_start)
    mention = db.Mention(
        article_id=article.id,
        kind="person",
        text=name,
        value=name,
        role="detainee",
        start=name_at,
        end=name_at + len(name),
        spans=[[name_at, name_at + len(name)]],
    )
    session.add(mention)
    session.flush()
    charge_at = text.index("smuggling")
    session.add(
        db.Mention(
            article_id=article.id,
            kind="charge",
            text="smuggling",
            value="smuggling",
            start=charge_at,
            end=charge_at + len("smuggling"),
            spans=[[charge_at, charge_at + len("smuggling")]],
            person_id=mention.id,
        )
    )
    if "Prison No. 13" in text:
        at = text.index("Prison No. 13")
        session.add(
            db.Mention(
                article_id=article.id,
                kind="facility",
                text="Prison No. 13",
                value="Penitentiary Institution No. 13",
                start=at,
                end=at + len("Prison No. 13"),
                spans=[[at, at + len("Prison No. 13")]],
            )
        )
    session.add(
        db.EventMention(
            article_id=article.id,
            person_id=mention.id,
            type="transfer",
            sentence=sentence,
            start=body_start,
            end=body_start + len(sentence),
            background=False,
        )
    )
    match = db.MatchRecord(
        article_id=article.id,
        mention_id=mention.id,
        case_id=case_id if with_case else None,
        score=score,
        decision=decision,
        explanation=["name: one letter differs from the listed spelling", "charge agrees"],
        review_status="pending",
    )
    session.add(match)
    session.flush()
    return Seeded(case_id, article.id, mention.id, match.id)
