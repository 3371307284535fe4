"""What the article and review pages show of one stored article's extraction."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.db import models as db
from monitor.store import article_from_row
from monitor.web.highlight import Span, highlight


@dataclass(frozen=True)
class PersonRow:
    mention: db.Mention
    match: db.MatchRecord | None


def spans_of(row: db.Article, focus: int | None = None) -> list[Span]:
    """Every mention and event sentence of the article; ``focus`` marks one person."""
    spans: list[Span] = []
    for mention in row.mentions:
        ranges = mention.spans or [[mention.start, mention.end]]
        kind = mention.kind if mention.kind in ("person", "facility", "charge") else "person"
        for start, end in ranges:
            spans.append(Span(int(start), int(end), kind, mention.value))
            if mention.id == focus:
                spans.append(Span(int(start), int(end), "focus"))
    for event in row.event_mentions:
        label = event.type + (" (background)" if event.background else "")
        spans.append(Span(event.start, event.end, "event", label))
    return spans


def article_html(row: db.Article, focus: int | None = None) -> Markup:
    return highlight(row.text, spans_of(row, focus), article_from_row(row).background_ranges())


def people_of(session: Session, row: db.Article) -> list[PersonRow]:
    matches = {
        m.mention_id: m
        for m in session.scalars(select(db.MatchRecord).where(db.MatchRecord.article_id == row.id))
    }
    return [PersonRow(m, matches.get(m.id)) for m in row.mentions if m.kind == "person"]


def names_by_id(row: db.Article) -> dict[int, str]:
    return {m.id: m.text for m in row.mentions if m.kind == "person"}
