"""Case pages: search, timeline with sources, aliases, hand-made developments, exports."""

from __future__ import annotations

import csv
import io
import json

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.db import models as db
from monitor.review import judge_match
from tests.web.builders import Seeded, add_case
from tests.web.conftest import post_form


def test_cases_are_found_by_name_alias_or_id(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_case(s, "mammadli-gunel", "Gunel Mammadli")
    for query in ("gasimov", "TURAL GAS", "qasimov-tur"):
        html = analyst.get(f"/cases?q={query}").get_data(as_text=True)
        assert "/cases/qasimov-tural" in html, query
        assert "/cases/mammadli-gunel" not in html, query


def test_the_case_page_shows_the_timeline_with_links_to_its_sources(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        judge_match(s, seeded.match_id, "confirm", "ana@example.org")
    html = analyst.get(f"/cases/{seeded.case_id}").get_data(as_text=True)
    assert (
        "<td>transfer to another facility <small>(Penitentiary Institution No. 13)</small></td>"
        "<td>article</td><td>active</td>"
    ) in html
    assert f'href="/articles/{seeded.article_id}"' in html
    assert f'href="/review/match/{seeded.match_id}"' in html


def test_the_case_page_places_the_case_where_a_confirmed_transfer_took_it(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        judge_match(s, seeded.match_id, "confirm", "ana@example.org")
    html = analyst.get(f"/cases/{seeded.case_id}").get_data(as_text=True)
    assert '<strong id="case-facility">Penitentiary Institution No. 13</strong>' in html
    assert "the case list gave Baku Pretrial Detention Centre No. 1" in html


def test_an_analyst_alias_can_be_added_and_removed(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    page = f"/cases/{seeded.case_id}"
    assert (
        post_form(analyst, page, f"{page}/aliases", {"alias": "Турал Гасымов"}).status_code == 302
    )  # type: ignore[attr-defined]
    with sessions() as s:
        alias = s.scalars(select(db.CaseAlias).where(db.CaseAlias.origin == "analyst")).one()
        assert alias.alias == "Турал Гасымов"
    post_form(analyst, page, f"{page}/aliases/{alias.id}/delete")
    with sessions() as s:
        assert s.scalars(select(db.CaseAlias).where(db.CaseAlias.origin == "analyst")).all() == []


def test_an_imported_alias_cannot_be_removed_here(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions() as s:
        imported = s.scalars(select(db.CaseAlias)).one()
    page = f"/cases/{seeded.case_id}"
    post_form(analyst, page, f"{page}/aliases/{imported.id}/delete")
    assert "imported aliases are changed in the case list" in analyst.get(page).get_data(
        as_text=True
    )
    with sessions() as s:
        assert s.get(db.CaseAlias, imported.id) is not None


def test_an_analyst_adds_a_development_by_hand(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    page = f"/cases/{seeded.case_id}"
    data = {"type": "hunger_strike", "date": "2026-02-10", "summary": "Told by his lawyer."}
    assert post_form(analyst, page, f"{page}/developments", data).status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        development = s.scalars(select(db.Development)).one()
        assert (development.type, development.origin, str(development.date)) == (
            "hunger_strike",
            "analyst",
            "2026-02-10",
        )
        assert development.summary == "Told by his lawyer."


def test_a_development_of_an_unknown_type_is_refused(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    page = f"/cases/{seeded.case_id}"
    post_form(analyst, page, f"{page}/developments", {"type": "party", "summary": "x"})
    with sessions() as s:
        assert s.scalars(select(db.Development)).all() == []


def test_the_timeline_exports_as_csv_and_json(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        judge_match(s, seeded.match_id, "confirm", "ana@example.org")
    page = f"/cases/{seeded.case_id}"
    rows = list(
        csv.DictReader(io.StringIO(analyst.get(f"{page}/timeline.csv").get_data(as_text=True)))
    )
    assert [(r["type"], r["origin"], r["source_articles"]) for r in rows] == [
        ("transfer", "article", str(seeded.article_id))
    ]
    payload = json.loads(analyst.get(f"{page}/timeline.json").get_data(as_text=True))
    assert payload["case"]["id"] == seeded.case_id
    assert [d["type"] for d in payload["timeline"]] == ["transfer"]
    assert analyst.get(f"{page}/timeline.xml").status_code == 404


def test_the_case_page_reads_codes_as_words(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        case = s.get(db.Case, seeded.case_id)
        assert case is not None
        case.charges = ["drug_trafficking"]
        case.imported_status = "house_arrest"
        s.add(db.Development(case_id=case.id, type="ill_treatment", origin="imported"))
    html = analyst.get(f"/cases/{seeded.case_id}").get_data(as_text=True)
    assert "Charges: drug trafficking" in html
    assert '<strong id="case-status">under house arrest</strong>' in html
    assert "<td>ill-treatment in custody</td><td>case list</td>" in html
    for code in ("drug_trafficking", "ill_treatment", "house_arrest"):
        assert f">{code}<" not in html and f" {code}" not in html


def test_cases_are_found_by_a_name_in_another_script(analyst: FlaskClient, seeded: Seeded) -> None:
    html = analyst.get("/cases?q=Гасымов").get_data(as_text=True)
    assert "/cases/qasimov-tural" in html


def test_an_analyst_retracts_a_development_and_its_alert_is_corrected(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        judge_match(s, seeded.match_id, "confirm", "ana@example.org")
        development = s.scalars(select(db.Development)).one()
        s.add(
            db.Delivery(
                idempotency_key="k",
                alert_id=development_alert(s, development.id),
                recipient="m@example.org",
                status="sent",
            )
        )
    page = f"/cases/{seeded.case_id}"
    action = f"{page}/developments/{development.id}/retract"
    assert post_form(analyst, page, action, {"reason": "a duplicate"}).status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        assert s.get(db.Development, development.id).status == "retracted"  # type: ignore[union-attr]
        correction = s.scalars(select(db.Alert).where(db.Alert.kind == "correction")).one()
        assert correction.details["reason"] == "a duplicate (analyst@example.org)"
    html = analyst.get(page).get_data(as_text=True)
    assert "anyone alerted about it will get a correction" in html
    assert f'id="development-{development.id}"' in html and "<td>retracted</td>" in html


def development_alert(session: Session, development_id: int) -> int:
    alert = session.scalars(select(db.Alert).where(db.Alert.development_id == development_id)).one()
    return alert.id
