"""Case timelines: the developments each article adds to the cases it reports on.

:func:`record_developments` takes the event mentions of one processed article whose
person is matched to a case (decision "match", not rejected by an analyst) and either
opens a new development on the case's timeline or adds the article as a further source
of one the timeline already holds. Two reports are the same development when they name
the same case and type within ``window_days`` of each other (an undated event takes the
article's date), or when their sentences are near-duplicates (syndicated copies), so one
arrest reported in English and Russian by three outlets is one development with three
sources.

Only news opens a development: background paragraphs, events dated more than the
window before the article (facts restated), with ``lead_only`` mentions outside the
headline and lead paragraph, and earlier steps of the proceedings that the lead recaps
beside a later one (``supersedes``: an appeal article's mention of the sentence) can
only add a source. Every new development of an
active case raises one alert (:func:`monitor.alerts.raising.raise_alerts`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts.config import AlertConfig, load_alert_config
from monitor.alerts.raising import raise_alerts
from monitor.db import models as db
from monitor.model import long_before, title_is_lead_paragraph


@dataclass(frozen=True)
class Report:
    """One event mention of a matched case, as the timeline sees it."""

    event: db.EventMention
    match: db.MatchRecord
    date: dt.date | None
    news: bool


def derive_status(
    developments: Iterable[db.Development],
    config: AlertConfig | None = None,
    default: str = "unknown",
) -> str:
    """The case's current status after its timeline, in date order (undated first).

    Death is final; otherwise the latest development that changes the status wins, and
    a timeline that says nothing about custody keeps ``default``.
    """
    config = config or load_alert_config()
    status = default
    for development in _in_date_order(developments):
        if status == "deceased":
            break
        status = config.status_after.get(development.type, status)
    return status


def current_status(case: db.Case, config: AlertConfig | None = None) -> str:
    """The status the list gave, moved on by what articles and analysts added since."""
    if not case.imported_status:
        return derive_status(case.developments, config)
    added = [d for d in case.developments if d.origin != "imported"]
    return derive_status(added, config, case.imported_status)


def _in_date_order(developments: Iterable[db.Development]) -> list[db.Development]:
    return sorted(
        (d for d in developments if d.status == "active"),
        key=lambda d: (d.date is not None, d.date or dt.date.min, d.id or 0),
    )


def current_facility(case: db.Case, config: AlertConfig | None = None) -> str | None:
    """Where the case is held: the list's facility, moved on by the developments added
    since (``facility_after``: a transfer to the place its sentence names, none after a
    release), in date order."""
    config = config or load_alert_config()
    facility = case.imported_facility
    for development in _in_date_order(d for d in case.developments if d.origin != "imported"):
        rule = config.facility_after.get(development.type)
        if rule == "none":
            facility = None
        elif rule == "named" and development.facility:
            facility = development.facility
    return facility


def refresh_case(case: db.Case, config: AlertConfig | None = None) -> None:
    """Status and facility again from the timeline, after it changed."""
    config = config or load_alert_config()
    case.status = current_status(case, config)
    case.facility = current_facility(case, config)


_ALSO = re.compile(r"(?<!\w)(?:also|as\s+well|too|likewise|также|тоже|еще|ещё)(?!\w)", re.I)


def lead_ranges(row: db.Article, paragraphs: int) -> list[tuple[int, int]]:
    """Character ranges of the headline and the first news paragraphs with events."""
    ranges = [(0, len(row.title))]
    if title_is_lead_paragraph(row.title):
        return ranges
    starts = {e.start for e in row.event_mentions}
    offset = len(row.title) + 1
    for paragraph in row.paragraphs:
        text = str(paragraph.get("text", ""))
        end = offset + len(text)
        holds_event = any(offset <= s < end for s in starts)
        if len(ranges) <= paragraphs and holds_event and not paragraph.get("background"):
            ranges.append((offset, end))
        offset = end + 1
    return ranges


def _inside(start: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in ranges)


def paragraph_index(row: db.Article, start: int) -> int:
    """The paragraph holding character ``start`` of the article text (-1: the title)."""
    offset = len(row.title) + 1
    if start < offset:
        return -1
    for index, paragraph in enumerate(row.paragraphs):
        offset += len(str(paragraph.get("text", ""))) + 1
        if start < offset:
            return index
    return len(row.paragraphs)


def _news_types(
    reports: list[tuple[db.EventMention, db.MatchRecord]], row: db.Article, config: AlertConfig
) -> dict[str, set[str]]:
    """Per case, the event types the article is news about.

    The headline's types and the lead's; with
    ``case_lead``, a case the lead does not name with a development gets its own lead:
    the first paragraph reporting a development of it that has a date of its own, or
    that the lead reports for others and says so ("X was remanded as well"); an undated step
    of another kind further down is a recap. Types that a later step of the same
    proceedings supersedes are context.
    """
    ranges = lead_ranges(row, config.lead_paragraphs)
    title = (0, len(row.title))
    in_title: dict[str, set[str]] = {}
    in_lead: dict[str, set[str]] = {}
    by_paragraph: dict[str, dict[int, set[str]]] = {}
    undated: list[tuple[str, int, str, str]] = []
    for event, match in reports:
        if event.background or match.case_id is None:
            continue
        if _inside(event.start, [title]):
            in_title.setdefault(match.case_id, set()).add(event.type)
        if not config.lead_only or _inside(event.start, ranges):
            in_lead.setdefault(match.case_id, set()).add(event.type)
        where = paragraph_index(row, event.start)
        if event.date is None:
            undated.append((str(match.case_id), where, event.type, event.sentence))
        else:
            paragraphs = by_paragraph.setdefault(match.case_id, {})
            paragraphs.setdefault(where, set()).add(event.type)
    lead_types = set().union(*in_lead.values())
    # and what the headline and lead tell of people the article does not name there
    # ("the pardon of fifty political prisoners" ... "Also pardoned were A and B")
    lead_types |= {
        event.type
        for event in row.event_mentions
        if not event.background and _inside(event.start, [title, *ranges])
    }
    for case, where, type_, sentence in undated:
        if type_ in lead_types and _ALSO.search(sentence):
            by_paragraph.setdefault(case, {}).setdefault(where, set()).add(type_)
    if config.case_lead:
        for case, paragraphs in by_paragraph.items():
            if case not in in_lead:
                in_lead[case] = paragraphs[min(paragraphs)]
    # what the headline tells of nobody by name ("Convicted and freed") it tells of the
    # people the lead names with those developments: no later step makes it context
    reported = {id(event) for event, _ in reports}
    unnamed_in_title = {
        event.type
        for event in row.event_mentions
        if not event.background and id(event) not in reported and _inside(event.start, [title])
    }
    news: dict[str, set[str]] = {}
    for case, types in in_lead.items():
        headline = in_title.get(case, set()) | (unnamed_in_title & types)
        chosen = headline | types
        context = set().union(*(config.supersedes.get(t, frozenset()) for t in chosen))
        news[case] = headline | (chosen - context)  # what the headline says is never context
    return news


def article_reports(session: Session, row: db.Article, config: AlertConfig) -> list[Report]:
    """The article's event mentions of matched cases, dated, and marked news or not."""
    matches = {
        m.mention_id: m
        for m in session.scalars(
            select(db.MatchRecord)
            .where(db.MatchRecord.article_id == row.id)
            .where(db.MatchRecord.decision == "match")
            .where(db.MatchRecord.review_status != "rejected")
            .where(db.MatchRecord.case_id.is_not(None))
            .order_by(db.MatchRecord.id)
        )
    }
    pairs = [
        (event, matches[event.person_id])
        for event in row.event_mentions
        if event.person_id is not None and event.person_id in matches
    ]
    news_types = _news_types(pairs, row, config)
    published = row.published_at.date() if row.published_at else None
    reports = []
    for event, match in pairs:
        date = event.date or published
        stale = long_before(event.date, event.date_precision, published, config.window_days)
        news = (
            not event.background
            and not stale
            and event.type in news_types.get(str(match.case_id), set())
        )
        reports.append(Report(event, match, date, news))
    return reports


def _similar(a: str, b: str) -> float:
    return float(fuzz.ratio(" ".join(a.lower().split()), " ".join(b.lower().split())))


def find_development(
    developments: Sequence[db.Development],
    event_type: str,
    date: dt.date | None,
    sentence: str,
    config: AlertConfig,
) -> db.Development | None:
    """The development of the timeline this report is about, if any."""
    same_type = [d for d in developments if d.type == event_type and d.status == "active"]
    if date is None:
        return max(same_type, key=lambda d: (d.date or dt.date.min, d.id or 0), default=None)
    close = [
        d
        for d in same_type
        if d.date is not None and abs((d.date - date).days) <= config.window_days
    ]
    if close:
        return min(close, key=lambda d: (abs((d.date or date) - date).days, d.id or 0))
    for development in same_type:
        if any(
            _similar(s.sentence, sentence) >= config.near_duplicate_ratio
            for s in development.sources
        ):
            return development
    return None


def telling_first(reports: Sequence[Report], title_length: int) -> list[Report]:
    """The reports with, per case and type, the one that tells most first: news before
    context, a body sentence (with the date, place and term) before the headline, then
    in text order. The first report of a case and type is the one a new development is
    made of."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        groups.setdefault((str(report.match.case_id), report.event.type), []).append(report)
    return [
        report
        for group in groups.values()
        for report in sorted(
            group, key=lambda r: (not r.news, r.event.start < title_length, r.event.start)
        )
    ]


def named_facility(row: db.Article, event: db.EventMention) -> str | None:
    """The place of detention the event's sentence names last (a transfer's destination:
    "from the pretrial detention centre to Prison No. 13"); else the one the headline
    names last. A facility counts wherever its words recur, not only where extraction
    first found it."""
    facilities = [m for m in row.mentions if m.kind == "facility"]
    for start, end in ((event.start, event.end), (0, len(row.title))):
        text = row.text[start:end].lower()
        named = [
            (at, m.value)
            for m in facilities
            for at in [text.rfind(m.text.lower())]
            + [int(s[0]) - start for s in m.spans or [] if start <= int(s[0]) < end]
            if at >= 0
        ]
        if named:
            return max(named)[1]
    return None


def _attach(development: db.Development, row: db.Article, report: Report) -> None:
    for source in development.sources:
        if source.article_id == row.id:
            if source.event_mention_id is None:
                source.event_mention_id = report.event.id
                source.match_id = report.match.id
            return
    development.sources.append(
        db.DevelopmentSource(
            article_id=row.id,
            event_mention_id=report.event.id,
            match_id=report.match.id,
            sentence=report.event.sentence,
        )
    )


def record_developments(
    session: Session,
    row: db.Article,
    *,
    config: AlertConfig | None = None,
    alerts: bool = True,
) -> list[db.Development]:
    """Take one processed article into the case timelines; returns the new developments.

    Case statuses are derived again from the timelines touched; with ``alerts``, each
    new development of an active case raises its alert.
    """
    config = config or load_alert_config()
    created: list[db.Development] = []
    touched: dict[str, db.Case] = {}
    for report in telling_first(article_reports(session, row, config), len(row.title)):
        case = session.get(db.Case, report.match.case_id)
        if case is None:
            continue
        touched[case.id] = case
        found = find_development(
            case.developments, report.event.type, report.date, report.event.sentence, config
        )
        if found is not None:
            _attach(found, row, report)
            continue
        if not report.news:
            continue
        development = db.Development(
            case_id=case.id,
            type=report.event.type,
            date=report.date,
            date_precision=report.event.date_precision if report.event.date else "day",
            facility=named_facility(row, report.event),
            origin="article",
            status="active",
            summary=report.event.sentence,
        )
        case.developments.append(development)
        _attach(development, row, report)
        created.append(development)
    session.flush()
    for case in touched.values():
        refresh_case(case, config)
    if alerts and created:
        raise_alerts(session, created, config)
    return created
