"""`monitor alerts simulate`: the alerts the pipeline would raise for a set of articles.

Articles are replayed one by one in order of their date (then file name; undated files
last) into a fresh temporary SQLite store holding only the cases and their known
events, through the same code as production: storing, analysis, timelines, alerts.
Nothing is sent. One dict per alert is yielded in the order raised; alerts that later
articles gave further sources are repeated at the end with ``"update": true`` and their
complete sources (see the analysis contract).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.article_files import ArticleFileError, read_articles
from monitor.db import models as db
from monitor.db.session import get_engine, session_factory, upgrade
from monitor.model import Article, Case

if TYPE_CHECKING:
    from monitor.analysis import Analysis


class Analyzes(Protocol):
    def analyze(self, article: Article) -> Analysis: ...


def replay_order(items: Sequence[tuple[Path, Article]]) -> list[tuple[Path, Article]]:
    """By date, then file name; undated articles last."""

    def key(item: tuple[Path, Article]) -> tuple[bool, dt.datetime, str]:
        published = item[1].published
        when = published.astimezone(dt.UTC) if published else dt.datetime.max.replace(tzinfo=dt.UTC)
        return (published is None, when, item[0].name)

    return sorted(items, key=key)


def _sources(session: Session, development_id: int | None, files: dict[int, str]) -> list[str]:
    if development_id is None:
        return []
    rows = session.scalars(
        select(db.DevelopmentSource)
        .where(db.DevelopmentSource.development_id == development_id)
        .order_by(db.DevelopmentSource.id)
    )
    return [files[r.article_id] for r in rows if r.article_id in files]


def _line(
    alert: db.Alert, development: db.Development | None, sources: list[str]
) -> dict[str, Any]:
    return {
        "case_id": alert.case_id,
        "type": alert.type,
        "date": development.date.isoformat() if development and development.date else None,
        "severity": alert.severity,
        "sources": sources,
        "sentence": alert.sentence,
    }


def simulate(
    cases: list[Case], paths: list[Path], *, analyzer: Analyzes | None = None
) -> Iterator[dict[str, Any]]:
    """Replay ``paths`` against ``cases``; yield one JSON-able dict per alert raised.

    ``analyzer`` replaces the extraction and matching pipelines (tests); by default they
    are built for ``cases``.
    """
    from monitor.analysis import Analyzer  # the NLP pipelines load only when needed
    from monitor.processing import save_analysis
    from monitor.registry import import_cases, load_cases
    from monitor.store import store_article
    from monitor.timeline import record_developments

    articles = [(p, a) for p, a in read_articles(paths) if not isinstance(a, ArticleFileError)]
    with tempfile.TemporaryDirectory(prefix="monitor-simulate-") as folder:
        url = f"sqlite:///{Path(folder) / 'simulate.db'}"
        upgrade(url)
        sessions = session_factory(url)
        try:
            with sessions() as session:
                import_cases(session, cases)
                session.commit()
                analyzer = analyzer or Analyzer(load_cases(session))
            files: dict[int, str] = {}
            printed: list[tuple[int, list[str]]] = []
            for path, article in replay_order(articles):
                # one row per file, even when two files share a URL
                stored = replace(article, edition="file", number=path.name)
                with sessions() as session:
                    row = store_article(session, stored).row
                    files[row.id] = path.name
                    save_analysis(session, row, analyzer.analyze(article))
                    created = record_developments(session, row)
                    session.commit()
                    for development in created:
                        alert = session.scalars(
                            select(db.Alert).where(db.Alert.development_id == development.id)
                        ).one_or_none()
                        if alert is None:
                            continue
                        sources = _sources(session, development.id, files)
                        printed.append((alert.id, sources))
                        yield _line(alert, development, sources)
            with sessions() as session:
                for alert_id, sources in printed:
                    alert = session.get(db.Alert, alert_id)
                    if alert is None:
                        continue
                    complete = _sources(session, alert.development_id, files)
                    if complete != sources:
                        found = (
                            session.get(db.Development, alert.development_id)
                            if alert.development_id
                            else None
                        )
                        yield {**_line(alert, found, complete), "update": True}
        finally:
            get_engine(url).dispose()
