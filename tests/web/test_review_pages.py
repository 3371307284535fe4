"""The review queue and match pages: order, filters, verdict buttons, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.db import models as db
from monitor.web.queue import MAX_PAGE
from tests.web.builders import Seeded, add_case, seed_review_match
from tests.web.conftest import post_form


def seed_three(sessions: sessionmaker[Session]) -> list[Seeded]:
    with sessions.begin() as s:
        return [
            seed_review_match(s, decision="match", score=0.95, published=dt.date(2026, 3, 1)),
            seed_review_match(
                s,
                title="Суд продлил арест Турала Гасымова",
                name="Турал Гасымов",
                sentence="Турал Гасымов переведён в тюрьму.",
                outlet="ru-outlet",
                language="ru",
                published=dt.date(2026, 1, 5),
            ),
            seed_review_match(s, published=dt.date(2026, 2, 1), outlet="second-outlet"),
        ]


def queue_ids(client: FlaskClient, query: str = "") -> list[int]:
    rows = json.loads(client.get(f"/review/export.json{query}").get_data(as_text=True))
    return [row["match_id"] for row in rows["matches"]]


def test_the_queue_lists_review_decisions_first_then_the_newest(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    sure, russian, second = seed_three(sessions)
    assert queue_ids(analyst) == [second.match_id, russian.match_id, sure.match_id]
    page = analyst.get("/review").get_data(as_text=True)
    assert page.index(f"#{second.match_id}<") < page.index(f"#{sure.match_id}<")


def test_the_queue_filters_by_outlet_language_case_event_date_and_status(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    _, russian, second = seed_three(sessions)
    assert queue_ids(analyst, "?outlet=second-outlet") == [second.match_id]
    assert queue_ids(analyst, "?language=ru") == [russian.match_id]
    assert queue_ids(analyst, "?case=nobody") == []
    assert queue_ids(analyst, "?event_type=release") == []
    assert len(queue_ids(analyst, "?event_type=transfer")) == 3
    assert queue_ids(analyst, "?date_from=2026-02-01&date_to=2026-02-28") == [second.match_id]
    with sessions.begin() as s:
        row = s.get(db.MatchRecord, russian.match_id)
        assert row is not None
        row.review_status = "rejected"
    assert queue_ids(analyst, "?status=rejected") == [russian.match_id]


def test_the_match_page_shows_explanation_confidence_and_marked_text(
    analyst: FlaskClient, seeded: Seeded
) -> None:
    html = analyst.get(f"/review/match/{seeded.match_id}").get_data(as_text=True)
    assert "name: one letter differs from the listed spelling" in html
    assert "0.71" in html
    assert 'class="hl-person hl-event hl-focus"' in html
    assert 'class="hl-facility hl-event"' in html
    assert '<mark class="hl-charge" title="smuggling">smuggling</mark>' in html
    for key in ("c", "r", "u"):
        assert f'data-key="{key}"' in html


def test_the_match_page_links_the_next_and_previous_items_for_j_and_k(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    _, russian, second = seed_three(sessions)
    html = analyst.get(f"/review/match/{russian.match_id}").get_data(as_text=True)
    assert f'href="/review/match/{second.match_id}" data-key="k"' in html
    assert 'data-key="j"' in html


def test_confirm_changes_the_match_and_moves_on_to_the_next_item(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    _, russian, second = seed_three(sessions)
    page = f"/review/match/{second.match_id}"
    response = post_form(analyst, page, f"{page}/confirm")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response.headers["Location"] == f"/review/match/{russian.match_id}"  # type: ignore[attr-defined]
    with sessions() as s:
        match = s.get(db.MatchRecord, second.match_id)
        assert match is not None
        assert (match.decision, match.review_status) == ("match", "confirmed")
        (judgement,) = s.scalars(select(db.ReviewJudgement)).all()
        assert (judgement.verdict, judgement.reviewer) == ("positive", "analyst@example.org")
        assert [d.type for d in s.scalars(select(db.Development))] == ["transfer"]


def test_reject_and_unsure_record_their_verdicts(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    _, russian, second = seed_three(sessions)
    for seeded, verdict in ((second, "reject"), (russian, "unsure")):
        page = f"/review/match/{seeded.match_id}"
        assert post_form(analyst, page, f"{page}/{verdict}").status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        rows = s.execute(
            select(db.ReviewJudgement.match_id, db.ReviewJudgement.verdict).order_by(
                db.ReviewJudgement.id
            )
        )
        assert [tuple(r) for r in rows] == [
            (second.match_id, "negative"),
            (russian.match_id, "unsure"),
        ]
        statuses = {m.id: m.review_status for m in s.scalars(select(db.MatchRecord))}
        assert statuses[second.match_id] == "rejected"
        assert statuses[russian.match_id] == "unsure"


def test_an_unknown_verdict_or_match_is_not_found(analyst: FlaskClient, seeded: Seeded) -> None:
    page = f"/review/match/{seeded.match_id}"
    assert post_form(analyst, page, f"{page}/delete").status_code == 404  # type: ignore[attr-defined]
    assert analyst.get("/review/match/999").status_code == 404


def test_reassigning_from_the_page_confirms_the_other_case(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        s.add(db.Case(id="other-case", name="Tural Qasimov", status="unknown", charges=[]))
    page = f"/review/match/{seeded.match_id}"
    response = post_form(analyst, page, f"{page}/reassign", {"case_id": "other-case"})
    assert response.status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        match = s.get(db.MatchRecord, seeded.match_id)
        assert match is not None
        assert (match.case_id, match.review_status) == ("other-case", "confirmed")


def test_reassigning_to_a_case_that_does_not_exist_says_so(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    page = f"/review/match/{seeded.match_id}"
    post_form(analyst, page, f"{page}/reassign", {"case_id": "no-such-case"})
    assert "there is no case" in analyst.get(page).get_data(as_text=True)
    with sessions() as s:
        assert s.scalars(select(db.ReviewJudgement)).all() == []


def test_the_queue_exports_as_csv_with_its_filters(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    _, russian, _ = seed_three(sessions)
    response = analyst.get("/review/export.csv?language=ru")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(r["match_id"], r["name"], r["outlet"]) for r in rows] == [
        (str(russian.match_id), "Турал Гасымов", "ru-outlet")
    ]


def test_exported_cells_cannot_start_a_spreadsheet_formula(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        seed_review_match(s, title='=HYPERLINK("http://x.example") Tural Qasimov news')
    rows = list(
        csv.DictReader(io.StringIO(analyst.get("/review/export.csv").get_data(as_text=True)))
    )
    assert rows[0]["title"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("page", ["99999999999999999999999", "1000001"])
def test_a_page_number_past_any_queue_is_not_found_not_an_error(
    analyst: FlaskClient, page: str
) -> None:
    assert analyst.get(f"/review?page={page}").status_code == 404


def test_the_last_allowed_page_is_an_empty_page(analyst: FlaskClient) -> None:
    response = analyst.get(f"/review?page={MAX_PAGE}")
    assert response.status_code == 200
    assert "Nothing to review" in response.get_data(as_text=True)


def test_another_case_is_found_by_its_name_written_in_cyrillic(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_case(s, "mammadli-gunel", "Gunel Mammadli")
        add_case(s, "hasanov-elvin", "Elvin Hasanov")
    page = f"/review/match/{seeded.match_id}"
    for typed in ("Гюнель Мамедли", "Мамедлы", "gunel mamm", "mammadli-gunel"):
        html = analyst.get(f"{page}?find={typed}").get_data(as_text=True)
        found = html.split('id="found-cases"')[1]
        assert 'data-case="mammadli-gunel"' in found, typed
        assert "hasanov-elvin" not in found, typed


def test_a_search_that_finds_no_case_says_so(analyst: FlaskClient, seeded: Seeded) -> None:
    html = analyst.get(f"/review/match/{seeded.match_id}?find=Ниязов").get_data(as_text=True)
    assert "No case is called “Ниязов”." in html


def test_the_queue_and_the_match_page_name_outlets_not_slugs(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        seeded = seed_review_match(s, outlet="kavkaz_uzel_ru")
        s.get(db.Outlet, "kavkaz_uzel_ru").name = "Кавказский узел"  # type: ignore[union-attr]
    for page in ("/review", f"/review/match/{seeded.match_id}", f"/articles/{seeded.article_id}"):
        html = analyst.get(page).get_data(as_text=True)
        assert "Кавказский узел" in html, page
        assert ">kavkaz_uzel_ru<" not in html and " kavkaz_uzel_ru " not in html, page
