"""`make demo`: the whole pipeline offline, alerts derived from the crawled pages, and
nothing sent twice on a second run."""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
from email import policy
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
