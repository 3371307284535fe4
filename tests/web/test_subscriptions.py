"""A monitor's own alert filters; admins edit anyone's."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from monitor.subscribers import add_subscriber, get_subscriber
from tests.web.builders import Seeded
from tests.web.conftest import post_form

FILTERS = {
    "cases": "qasimov-tural",
    "countries": "az, ge",
    "event_types": ["sentence", "release"],
    "min_confidence": "0.8",
    "mode": "digest",
}


def test_the_first_save_subscribes_the_signed_in_address(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    response = post_form(analyst, "/subscriptions", "/subscriptions", FILTERS)
    assert response.status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        row = get_subscriber(s, "analyst@example.org")
        assert row is not None
        assert row.mode == "digest"
        assert row.filters == {
            "cases": ["qasimov-tural"],
            "countries": ["AZ", "GE"],
            "event_types": ["release", "sentence"],
            "min_confidence": 0.8,
        }


def test_saving_again_replaces_the_filters(
    analyst: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    post_form(analyst, "/subscriptions", "/subscriptions", FILTERS)
    post_form(analyst, "/subscriptions", "/subscriptions", {"mode": "immediate"})
    with sessions() as s:
        row = get_subscriber(s, "analyst@example.org")
        assert row is not None
        assert (row.mode, row.filters) == ("immediate", {})


def test_the_form_shows_the_saved_filters(analyst: FlaskClient, seeded: Seeded) -> None:
    post_form(analyst, "/subscriptions", "/subscriptions", FILTERS)
    html = analyst.get("/subscriptions").get_data(as_text=True)
    assert 'value="qasimov-tural"' in html
    assert 'value="AZ, GE"' in html
    assert html.count("checked") == 2


def test_an_unknown_case_is_refused_and_nothing_is_saved(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    response = post_form(
        analyst, "/subscriptions", "/subscriptions", {"cases": "nobody", "mode": "digest"}
    )
    assert "no such cases: nobody" in response.get_data(as_text=True)  # type: ignore[attr-defined]
    with sessions() as s:
        assert get_subscriber(s, "analyst@example.org") is None


def test_a_minimum_confidence_above_one_is_refused(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    response = post_form(
        analyst, "/subscriptions", "/subscriptions", {"min_confidence": "3", "mode": "digest"}
    )
    assert response.status_code == 200  # type: ignore[attr-defined]
    with sessions() as s:
        assert get_subscriber(s, "analyst@example.org") is None


def test_an_analyst_cannot_edit_someone_elses_filters(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_subscriber(s, "other@example.org")
    assert analyst.get("/subscriptions?email=other@example.org").status_code == 403


def test_an_admin_edits_someone_elses_filters(
    admin: FlaskClient, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_subscriber(s, "other@example.org")
    page = "/subscriptions?email=other@example.org"
    response = post_form(admin, page, page, {"event_types": ["death"], "mode": "immediate"})
    assert response.status_code == 302  # type: ignore[attr-defined]
    with sessions() as s:
        row = get_subscriber(s, "other@example.org")
        assert row is not None
        assert row.filters == {"event_types": ["death"]}
        assert get_subscriber(s, "admin@example.org") is None
