"""Article pages: the extraction beside the sandboxed page as crawled; untrusted text inert."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from tests.web.builders import Seeded, seed_review_match

HOSTILE_TITLE = '<script>window.pwned = 1</script> Arrest of <img src=x onerror="alert(1)">'
HOSTILE_NAME = 'Elvin "><b onmouseover=alert(2)>Isayev'


def seed_hostile(sessions: sessionmaker[Session]) -> Seeded:
    with sessions.begin() as s:
        return seed_review_match(
            s,
            title=HOSTILE_TITLE,
            name=HOSTILE_NAME,
            sentence=f"Police detained {HOSTILE_NAME} <script>window.pwned = 2</script> today.",
            evidence=b"<html><body><script>window.pwned = 3</script><p>copy</p></body></html>",
        )


def test_the_article_page_lists_people_facilities_charges_and_events(
    analyst: FlaskClient, seeded: Seeded
) -> None:
    html = analyst.get(f"/articles/{seeded.article_id}").get_data(as_text=True)
    assert "<td>Tural Qasimov</td>" in html
    assert "detainee" in html
    assert "Penitentiary Institution No. 13" in html
    assert "smuggling" in html
    assert "transfer" in html
    assert f'<iframe sandbox="" src="/articles/{seeded.article_id}/evidence"' in html


def test_the_evidence_is_served_sandboxed_without_scripts(
    analyst: FlaskClient, seeded: Seeded
) -> None:
    response = analyst.get(f"/articles/{seeded.article_id}/evidence")
    assert response.status_code == 200
    assert b"The page as crawled." in response.data
    csp = response.headers["Content-Security-Policy"]
    assert csp.startswith("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    assert "frame-ancestors 'self'" in csp
    assert "allow-scripts" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_an_article_without_a_stored_page_has_no_evidence(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        seeded = seed_review_match(s, evidence=None)
    assert analyst.get(f"/articles/{seeded.article_id}/evidence").status_code == 404
    assert "No copy of the page was kept." in analyst.get(
        f"/articles/{seeded.article_id}"
    ).get_data(as_text=True)


def test_markup_in_titles_text_and_names_is_shown_as_text_on_every_page(
    analyst: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    seeded = seed_hostile(sessions)
    for path in (
        "/review",
        f"/review/match/{seeded.match_id}",
        f"/articles/{seeded.article_id}",
        f"/cases/{seeded.case_id}",
    ):
        html = analyst.get(path).get_data(as_text=True)
        assert "<script>window" not in html, path
        assert "<img src=x" not in html, path
        assert "<b onmouseover" not in html, path
        assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html, path
