"""End to end in a real headless Chromium: sign in, confirm a match, see the timeline;
reject a match that was alerted and see the correction reach a real SMTP server; find
another case by its Cyrillic name and reassign the match to it.

The app runs in a thread on a free loopback port over a temporary SQLite database. The
run leaves a screenshot of the review page in ``<MONITOR_HOME>/screenshots/review.png``,
copied to the project's git-ignored ``var/screenshots/`` when ``var/`` exists.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.serving import make_server

from monitor.alerts.outbox import send_pending
from monitor.config import Settings
from monitor.db import models as db
from monitor.demo.mailserver import LocalMailServer
from monitor.review import judge_match
from monitor.subscribers import add_subscriber
from tests.web.builders import PASSWORD, Seeded, add_case, seed_review_match

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROJECT_VAR = Path(__file__).resolve().parents[3] / "var"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no system Chromium at /usr/bin/chromium"),
]


@pytest.fixture
def server(app: Flask) -> Iterator[str]:
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def page() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context()
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        try:
            yield tab
        finally:
            context.close()
            browser.close()


def sign_in(page: Any, server: str, path: str) -> None:
    page.goto(f"{server}{path}")
    assert "/login" in page.url
    page.fill("#email", "analyst@example.org")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_url(f"{server}{path}")


def screenshot(page: Any, settings: Settings) -> Path:
    target = settings.home / "screenshots" / "review.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    if PROJECT_VAR.is_dir():
        copy = PROJECT_VAR / "screenshots" / "review.png"
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
    return target


def test_an_analyst_confirms_a_match_by_keyboard_and_sees_the_timeline(
    page: Any, server: str, seeded: Seeded, settings: Settings
) -> None:
    sign_in(page, server, f"/review/match/{seeded.match_id}")
    assert page.text_content("#review-status") == "pending"
    assert page.locator("#article-text mark.hl-focus").first.text_content() == "Tural Qasimov"
    assert screenshot(page, settings).stat().st_size > 10_000

    page.keyboard.press("c")
    page.wait_for_selector("text=confirm recorded")
    assert page.text_content("#review-status") == "confirmed"
    assert page.text_content("#decision") == "matched"

    page.click("#case-link")
    page.wait_for_url(f"{server}/cases/{seeded.case_id}")
    row = page.locator("#timeline tbody tr").first.text_content()
    assert "transfer to another facility" in row
    assert "article" in row
    assert "Reporter Tural Qasimov moved to another prison" in row

    page.click("#sign-out")
    page.wait_for_url(f"{server}/login")
    page.goto(f"{server}/review")
    assert "/login" in page.url


def test_the_verdict_buttons_work_with_a_click_too(page: Any, server: str, seeded: Seeded) -> None:
    sign_in(page, server, f"/review/match/{seeded.match_id}")
    page.click("button.reject")
    page.wait_for_selector("text=reject recorded")
    assert page.text_content("#review-status") == "rejected"


def test_no_script_from_article_text_runs(
    page: Any, server: str, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        hostile = seed_review_match(
            s,
            title="<script>window.pwned = 1</script> Detention <img src=x onerror=window.pwned=2>",
            name='Ruslan "><svg onload=window.pwned=3>Aliyev',
            sentence="Police held <script>window.pwned = 4</script> Ruslan Aliyev.",
            evidence=b"<html><body><script>parent.pwned = 5</script>copy</body></html>",
        )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server, f"/review/match/{hostile.match_id}")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in page.text_content("#article-text")
    for path in (f"/articles/{hostile.article_id}", "/review", f"/cases/{hostile.case_id}"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.pwned") == "undefined", path
    assert dialogs == []


def test_the_evidence_frame_shows_the_page_but_runs_none_of_its_scripts(
    page: Any, server: str, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        hostile = seed_review_match(
            s,
            title="Evidence with a script",
            evidence=b"<html><head><title>kept</title></head><body><p id=p>copy</p>"
            b"<script>document.title='ran'</script></body></html>",
        )
    sign_in(page, server, f"/articles/{hostile.article_id}")
    assert page.frame_locator("iframe").locator("#p").text_content() == "copy"
    (frame,) = [f for f in page.frames if f.url.endswith("/evidence")]
    assert frame.title() == "kept"


def test_rejecting_an_alerted_match_delivers_a_correction(
    page: Any, server: str, seeded: Seeded, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_subscriber(s, "monitor@example.org")
    with sessions.begin() as s:
        judge_match(s, seeded.match_id, "confirm", "admin@example.org")  # raises the alert
    with LocalMailServer() as mail:
        smtp = replace(settings, smtp_host="127.0.0.1", smtp_port=mail.port)
        send_pending(sessions, smtp)
        (alert,) = mail.received

        sign_in(page, server, f"/review/match/{seeded.match_id}")
        page.click("button.reject")
        page.wait_for_selector("text=reject recorded")
        send_pending(sessions, smtp)
        send_pending(sessions, smtp)
        _, correction = mail.received

    assert alert.message["Subject"] == "Tural Gasimov: transferred to another facility"
    assert correction.recipients == ["monitor@example.org"]
    assert correction.message["Subject"] == f"Correction: {alert.message['Subject']}"
    body = correction.message.get_body(("plain",))
    assert body is not None and "does not report on Tural Gasimov" in body.get_content()


def test_an_analyst_finds_a_case_by_its_cyrillic_name_and_reassigns_the_match(
    page: Any, server: str, seeded: Seeded, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        add_case(s, "mammadli-gunel", "Gunel Mammadli")
        add_case(s, "hasanov-elvin", "Elvin Hasanov")
    sign_in(page, server, f"/review/match/{seeded.match_id}")

    page.fill("#find", "Гюнель Мамедли")
    page.press("#find", "Enter")
    page.wait_for_selector("#found-cases")
    assert page.locator("#found-cases button.assign").count() == 1
    page.click('button[data-case="mammadli-gunel"]')
    page.wait_for_selector("text=assigned to Gunel Mammadli and confirmed")

    assert page.text_content("#case-link") == "Gunel Mammadli"
    assert page.text_content("#review-status") == "confirmed"
    with sessions() as s:
        match = s.get(db.MatchRecord, seeded.match_id)
        assert match is not None and match.case_id == "mammadli-gunel"
