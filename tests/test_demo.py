"""`make demo`: the whole pipeline offline, alerts derived from the crawled pages, and
nothing sent twice on a second run; the emails it sends are what a monitor can act on."""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def run_demo(home: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def figure(output: str, label: str) -> tuple[int, int]:
    match = re.search(rf"{label}: (\d+) \D*?\((\d+) new", output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def test_the_demo_raises_alerts_from_crawled_pages_and_never_twice(tmp_path: Path) -> None:
    home = tmp_path / "var"
    first = run_demo(home)
    articles, new_articles = figure(first, "articles")
    alerts, new_alerts = figure(first, "alerts")
    assert articles == new_articles > 10
    assert alerts == new_alerts > 0
    emails = sorted((home / "outbox").glob("*.eml"))
    assert emails, first
    message = email.message_from_bytes(emails[0].read_bytes(), policy=policy.default)
    assert message["To"] == "monitor@example.org"
    assert "http://127.0.0.1:" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    second = run_demo(home)
    assert figure(second, "articles") == (articles, 0)
    assert figure(second, "alerts") == (alerts, 0)
    assert "0 sent through SMTP this run" in second
    assert sorted((home / "outbox").glob("*.eml")) == emails


@pytest.fixture(scope="module")
def demo_emails(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The demo's emails, run once: subject to plain-text body."""
    home = tmp_path_factory.mktemp("demo") / "var"
    run_demo(home)
    mails: dict[str, str] = {}
    for path in sorted((home / "outbox").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        body = message.get_body(("plain",))
        assert body is not None
        mails[str(message["Subject"])] = str(body.get_content())
    yield mails


def test_the_demo_emails_give_the_developments_own_date(demo_emails: dict[str, str]) -> None:
    body = demo_emails["Mohyaddin Orujov: went on hunger strike"]
    assert "When: 2 February 2026 (reported 3 February 2026)" in body
    assert "2 февраля объявил голодовку" in body  # the body sentence with the date, not the title
    for text in demo_emails.values():
        assert re.search(r"When: \d{1,2} [A-Z][a-z]+ 20\d\d", text), text


def test_the_demo_emails_read_codes_as_words(demo_emails: dict[str, str]) -> None:
    everything = "\n".join(demo_emails.values())
    assert "Development: ill-treatment in custody (sent at once)" in everything
    assert "Charges: drug trafficking" in everything
    assert "charge in case: drug trafficking" in everything
    assert re.findall(r"\b[a-z]+_[a-z_]+\b", everything) == []
    assert "occupation near the name: Abzas" not in everything


def test_the_demo_sends_one_email_per_article_and_case(demo_emails: dict[str, str]) -> None:
    sources = [  # the URL of the article each email tells
        next(line for line in text.splitlines() if line.startswith("http"))
        for text in demo_emails.values()
    ]
    assert len(sources) == len(set(sources))
    both = demo_emails["Ulvi Hasanli: went on hunger strike, ill-treatment in custody"]
    assert "* Went on hunger strike" in both and "* Ill-treatment in custody" in both
