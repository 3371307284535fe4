"""Deliveries that fail are seen: `monitor run` and `monitor alerts send` exit 1 while
any is failing, and `monitor status` lists them, with no operator address needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from monitor.cli import main
from monitor.config import Settings, load_settings
from monitor.netutil import free_port
from monitor.pipeline import run_once
from monitor.subscribers import add_subscriber
from tests.alerts.conftest import raise_one
from tests.spiders.slow_site import OUTLET_FILE, Site


@pytest.fixture
def refused(
    settings: Settings, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """An alert for a subscriber, and a mail server that refuses every connection."""
    with sessions() as session:
        add_subscriber(session, "analyst@example.org")
        raise_one(session)
        session.commit()
    monkeypatch.setenv("MONITOR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MONITOR_SMTP_PORT", str(free_port()))
    return load_settings()


def test_a_run_whose_deliveries_are_refused_exits_1(refused: Settings) -> None:
    result = run_once(refused, crawl=False)
    assert result.exit_code == 1
    assert any("deliveries failing" in line for line in result.failures)


def test_alerts_send_exits_1_while_a_delivery_waits_for_a_retry(refused: Settings) -> None:
    first = CliRunner().invoke(main, ["alerts", "send"])
    again = CliRunner().invoke(main, ["alerts", "send"])  # nothing due yet: still failing
    assert (first.exit_code, again.exit_code) == (1, 1)
    assert "ConnectionRefusedError" in first.output
    assert "1 deliveries wait for a retry" in again.output


def test_status_lists_the_failing_delivery(refused: Settings) -> None:
    CliRunner().invoke(main, ["alerts", "send"])
    shown = CliRunner(env={"COLUMNS": "240"}).invoke(main, ["status"])
    assert "1 retrying after a failure" in shown.output
    assert "analyst@example.org" in shown.output and "retrying" in shown.output


def test_status_as_json_counts_failing_deliveries(refused: Settings) -> None:
    import json

    CliRunner().invoke(main, ["alerts", "send"])
    state = json.loads(CliRunner().invoke(main, ["status", "--json"]).output)
    assert state["deliveries_retrying"] == 1
    assert state["delivery_problems"][0]["recipient"] == "analyst@example.org"


@pytest.mark.slow
def test_run_once_exits_1_when_the_mail_server_refuses(
    refused: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outlets = tmp_path / "outlets"
    outlets.mkdir()
    (outlets / "quick.yaml").write_text(OUTLET_FILE.format(slug="quick", extra=""))
    with Site() as site:
        monkeypatch.setenv("MONITOR_OUTLETS_DIR", str(outlets))
        monkeypatch.setenv("MONITOR_OUTLET_URL_QUICK", site.url)
        monkeypatch.setenv("MONITOR_DOWNLOAD_DELAY", "0")
        result = CliRunner().invoke(main, ["run", "--once", "quick"])
    assert "3 new articles, 0 errors (finished)" in result.output  # the crawl went well
    assert result.exit_code == 1
    assert "FAILED: deliveries failing" in result.output
