"""`monitor users ...` and `monitor serve` (the commands the main CLI registers)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.netutil import free_port
from monitor.users import authenticate, get_user
from monitor.web.commands import serve, users


@pytest.fixture
def runner(settings: Settings, db_url: str) -> CliRunner:
    return CliRunner()


def test_users_add_takes_the_password_from_the_environment(
    runner: CliRunner, sessions: sessionmaker[Session]
) -> None:
    result = runner.invoke(
        users,
        ["add", "Monitor@Example.org", "--role", "admin"],
        env={"MONITOR_NEW_USER_PASSWORD": "twelve chars ok"},
    )
    assert result.exit_code == 0, result.output
    assert "added monitor@example.org (admin)" in result.output
    assert "twelve chars ok" not in result.output
    with sessions() as s:
        assert authenticate(s, "monitor@example.org", "twelve chars ok") is not None


def test_users_add_prompts_for_the_password_twice(
    runner: CliRunner, sessions: sessionmaker[Session]
) -> None:
    result = runner.invoke(
        users, ["add", "a@example.org"], input="prompted password\nprompted password\n"
    )
    assert result.exit_code == 0, result.output
    with sessions() as s:
        row = get_user(s, "a@example.org")
        assert row is not None
        assert row.role == "analyst"


def test_a_short_password_or_a_second_account_is_refused(runner: CliRunner) -> None:
    env = {"MONITOR_NEW_USER_PASSWORD": "short"}
    result = runner.invoke(users, ["add", "a@example.org"], env=env)
    assert result.exit_code == 2
    assert "at least 10 characters" in result.output
    env = {"MONITOR_NEW_USER_PASSWORD": "long enough now"}
    assert runner.invoke(users, ["add", "a@example.org"], env=env).exit_code == 0
    result = runner.invoke(users, ["add", "a@example.org"], env=env)
    assert "already has an account" in result.output


def test_users_list_set_password_and_disable(
    runner: CliRunner, sessions: sessionmaker[Session]
) -> None:
    env = {"MONITOR_NEW_USER_PASSWORD": "first password"}
    runner.invoke(users, ["add", "a@example.org"], env=env)
    env = {"MONITOR_NEW_USER_PASSWORD": "second password"}
    assert runner.invoke(users, ["set-password", "a@example.org"], env=env).exit_code == 0
    assert runner.invoke(users, ["disable", "a@example.org"]).exit_code == 0
    listing = runner.invoke(users, ["list"]).output
    assert "a@example.org\tanalyst\tdisabled\tlast sign-in never" in listing
    with sessions() as s:
        assert authenticate(s, "a@example.org", "second password") is None
    runner.invoke(users, ["disable", "--enable", "a@example.org"])
    with sessions() as s:
        assert authenticate(s, "a@example.org", "first password") is None
        assert authenticate(s, "a@example.org", "second password") is not None


def test_serve_refuses_to_start_without_a_secret_key(runner: CliRunner) -> None:
    result = runner.invoke(serve, [])
    assert result.exit_code == 2
    assert "MONITOR_SECRET_KEY is not set" in result.output


def test_serve_dev_makes_up_a_key_and_says_so(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int, bool]] = []

    def fake_run(host: str, port: int, app: object, **options: object) -> None:
        calls.append((host, port, bool(options.get("threaded"))))

    monkeypatch.setattr("werkzeug.serving.run_simple", fake_run)
    result = runner.invoke(serve, ["--dev", "--port", "8099"])
    assert result.exit_code == 0, result.output
    assert "random secret key" in result.output
    assert calls == [("127.0.0.1", 8099, True)]


def serving(args: list[str], key: str | None = "a-secret-key-for-this-test") -> str:
    """Start `monitor serve ARGS` on a free port; the Server header of its sign-in page."""
    port = free_port()
    env = {**os.environ, **({"MONITOR_SECRET_KEY": key} if key else {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "monitor", "serve", "--port", str(port), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as page:
                    assert page.status == 200
                    return str(page.headers["Server"])
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    raise AssertionError(f"serve did not answer: {output}") from None
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_runs_a_production_server_by_default(settings: Settings, db_url: str) -> None:
    assert serving([]) == "case-monitor"  # waitress, named by its ident


def test_serve_dev_runs_the_development_server(settings: Settings, db_url: str) -> None:
    assert serving(["--dev"], key=None).startswith("Werkzeug/")
