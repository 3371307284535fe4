"""`monitor process`: analysis stored per article, timelines updated, workers agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.article_files import parse_text_article
from monitor.cases import load_cases
from monitor.db import models as db
from monitor.processing import claim_batch, process_pending, release_stale_claims
from monitor.registry import import_cases
from monitor.store import store_article

FILES = Path(__file__).parent / "files"


def seed(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        import_cases(session, load_cases(FILES / "cases.yaml"))
        for path in sorted((FILES / "articles").glob("*.txt")):
            article = parse_text_article(path.read_text(encoding="utf-8"))
            article.url = article.url or f"https://example.org/{path.stem}"
            store_article(session, article)
        session.commit()


def snapshot(session: Session) -> dict[str, object]:
    """What processing decided, independent of row ids and timing."""
    keys = {row.id: row.key for row in session.execute(select(db.Article.id, db.Article.key))}
    matches = sorted(
        (keys[m.article_id], m.case_id or "", m.decision)
        for m in session.scalars(select(db.MatchRecord))
    )
    developments = sorted(
        (d.case_id, d.type, str(d.date), d.origin) for d in session.scalars(select(db.Development))
    )
    alerts = sorted((a.case_id or "", a.type) for a in session.scalars(select(db.Alert)))
    return {"matches": matches, "developments": developments, "alerts": alerts}


def test_new_articles_are_analysed_stored_and_marked_processed(
    sessions: sessionmaker[Session],
) -> None:
    seed(sessions)
    report = process_pending(sessions)
    assert report.processed == 3 and report.failed == 0
    with sessions() as session:
        rows = session.scalars(select(db.Article).order_by(db.Article.key)).all()
        assert {r.status for r in rows} == {"processed"}
        assert {r.key: r.relevant for r in rows}["https://example.org/weather"] is False
        people = session.scalars(select(db.Mention).where(db.Mention.kind == "person")).all()
        assert any(p.value.startswith("Мохйаддин") for p in people)


def test_a_matched_development_enters_the_timeline_and_raises_one_alert(
    sessions: sessionmaker[Session],
) -> None:
    seed(sessions)
    process_pending(sessions)
    with sessions() as session:
        state = snapshot(session)
    assert ("orujov-mohyaddin", "sentence") in state["alerts"]  # type: ignore[operator]
    assert ("orujov-mohyaddin", "arrest") not in state["alerts"]  # type: ignore[operator]


def test_a_second_pass_finds_nothing_to_do(sessions: sessionmaker[Session]) -> None:
    seed(sessions)
    process_pending(sessions)
    again = process_pending(sessions)
    assert again.processed == 0 and again.developments == 0


def test_a_failing_article_is_marked_and_the_others_are_done(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(sessions)
    from monitor import analysis

    original = analysis.Analyzer.analyze_many

    def fragile(self: analysis.Analyzer, articles: list, batch_size: int = 16):  # type: ignore[no-untyped-def]
        if any("snow" in a.text.lower() for a in articles):
            raise RuntimeError("analysis blew up")
        return original(self, articles, batch_size)

    monkeypatch.setattr(analysis.Analyzer, "analyze_many", fragile)
    report = process_pending(sessions)
    assert (report.processed, report.failed) == (2, 1)
    with sessions() as session:
        failed = session.scalars(select(db.Article).where(db.Article.status == "failed")).one()
        assert "analysis blew up" in (failed.process_error or "")


def test_a_claim_is_exclusive(sessions: sessionmaker[Session]) -> None:
    seed(sessions)
    with sessions() as first, sessions() as second:
        taken = claim_batch(first, "worker-a", 2)
        rest = claim_batch(second, "worker-b", 10)
    assert len(taken) == 2 and len(rest) == 1
    assert not set(taken) & set(rest)


def test_claims_of_a_dead_worker_return_to_the_queue(sessions: sessionmaker[Session]) -> None:
    seed(sessions)
    with sessions() as session:
        claim_batch(session, "elsewhere:1:abc", 3)
        assert release_stale_claims(session) == 0
        later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        assert release_stale_claims(session, now=later) == 3


@pytest.mark.slow
def test_two_workers_give_the_same_result_as_one(tmp_path: Path) -> None:
    from monitor.db.session import session_factory, upgrade

    results = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        upgrade(url)
        sessions = session_factory(url)
        seed(sessions)
        report = process_pending(sessions, workers=workers)
        assert report.processed == 3, report.errors
        with sessions() as session:
            results.append(snapshot(session))
    assert results[0] == results[1]


def test_racing_workers_stop_only_when_nothing_is_left(sessions: sessionmaker[Session]) -> None:
    import threading

    from monitor.model import Article, Paragraph

    with sessions() as session:
        for n in range(60):
            store_article(
                session,
                Article(
                    title=f"Item {n}", paragraphs=[Paragraph("Text.")], url=f"https://x.org/{n}"
                ),
            )
        session.commit()
    claimed: dict[str, list[int]] = {"a": [], "b": []}
    left_when_stopped: list[int] = []

    def work(name: str) -> None:
        with sessions() as session:
            while ids := claim_batch(session, name, 2):
                claimed[name] += ids
            left_when_stopped.append(
                len(session.scalars(select(db.Article.id).where(db.Article.status == "new")).all())
            )

    threads = [threading.Thread(target=work, args=(name,)) for name in claimed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed["a"] + claimed["b"]) == sorted(set(claimed["a"] + claimed["b"]))
    assert len(claimed["a"]) + len(claimed["b"]) == 60
    assert left_when_stopped == [0, 0]


def test_an_unmatched_detainee_becomes_a_new_case_candidate(
    sessions: sessionmaker[Session],
) -> None:
    from monitor.candidates import new_case_candidates
    from monitor.model import Article, Paragraph

    seed(sessions)
    with sessions() as session:
        store_article(
            session,
            Article(
                title="Blogger detained in Baku",
                paragraphs=[Paragraph("Police in Baku detained blogger Ramiz Gurbanli on Monday.")],
                url="https://example.org/gurbanli",
                language="en",
            ),
        )
        session.commit()
    process_pending(sessions)
    with sessions() as session:
        names = [c.name for c in new_case_candidates(session)]
    assert "Ramiz Gurbanli" in names
    assert not any("Orujov" in name or "Оруджев" in name for name in names)
