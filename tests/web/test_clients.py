"""The client address behind reverse proxies: what sign-in limits are counted against."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask

from monitor.config import Settings, load_settings
from monitor.web.app import create_app
from monitor.web.clients import ForwardedByProxies, client_address, trusted_networks
from tests.web.conftest import sign_in

PROXIES = trusted_networks("127.0.0.1, 10.0.0.0/8")


def test_a_direct_client_is_its_own_address_whatever_it_claims() -> None:
    assert client_address("198.51.100.7", "203.0.113.9", PROXIES) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwarded() -> None:
    assert client_address("127.0.0.1", "198.51.100.7", PROXIES) == "198.51.100.7"


def test_addresses_a_client_put_in_front_of_the_header_are_ignored() -> None:
    forged = "203.0.113.9, 198.51.100.7"  # the client wrote the first, the proxy the second
    assert client_address("127.0.0.1", forged, PROXIES) == "198.51.100.7"


def test_a_chain_of_trusted_proxies_is_walked_through() -> None:
    assert client_address("127.0.0.1", "198.51.100.7, 10.1.2.3", PROXIES) == "198.51.100.7"


def test_without_trusted_proxies_the_header_is_never_read() -> None:
    assert client_address("127.0.0.1", "198.51.100.7", []) == "127.0.0.1"


def test_a_bad_proxy_entry_is_refused_with_its_name() -> None:
    with pytest.raises(ValueError, match=r"'proxy\.local' is not an IP address"):
        load_settings({"MONITOR_TRUSTED_PROXIES": "127.0.0.1, proxy.local"})


def test_behind_the_proxy_one_guesser_locks_out_only_themselves(
    settings: Settings, db_url: str, app: Flask
) -> None:
    proxied = replace(settings, secret_key="k" * 32, trusted_proxies="127.0.0.1")
    client = create_app(proxied, login_limit="3/minute").test_client()  # from 127.0.0.1
    client.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.9"  # the guesser
    for _ in range(3):
        sign_in(client, "analyst@example.org", "wrong guess!")
    assert sign_in(client, "analyst@example.org").status_code == 429  # type: ignore[attr-defined]
    client.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.7"  # an analyst elsewhere
    assert sign_in(client, "analyst@example.org").status_code == 302  # type: ignore[attr-defined]


def _seen(remote: str) -> tuple[str, str, str]:
    """The address, scheme and host the app behind :class:`ForwardedByProxies` sees of a
    request from ``remote`` that carries forwarding headers."""
    seen: dict[str, str] = {}

    def app(env: dict[str, str], start_response: object) -> list[bytes]:
        seen.update(env)
        return []

    environ = {
        "REMOTE_ADDR": remote,
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "127.0.0.1:8080",
        "HTTP_X_FORWARDED_FOR": "198.51.100.7",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_HOST": "monitor.example.org",
    }
    ForwardedByProxies(app, PROXIES)(environ, lambda *_: None)  # type: ignore[arg-type]
    return seen["REMOTE_ADDR"], seen["wsgi.url_scheme"], seen["HTTP_HOST"]


def test_a_trusted_proxy_forwards_address_scheme_and_host() -> None:
    assert _seen("127.0.0.1") == ("198.51.100.7", "https", "monitor.example.org")


def test_anyone_else_keeps_address_scheme_and_host_whatever_they_send() -> None:
    assert _seen("203.0.113.9") == ("203.0.113.9", "http", "127.0.0.1:8080")


def test_serve_trusted_proxy_is_the_same_setting(
    settings: Settings, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from monitor.web.commands import serve

    apps: list[Flask] = []
    monkeypatch.setattr("werkzeug.serving.run_simple", lambda *args, **_: apps.append(args[2]))
    runner = CliRunner()
    result = runner.invoke(serve, ["--dev", "--trusted-proxy", "10.0.0.0/8"])
    assert result.exit_code == 0, result.output
    assert isinstance(apps[0].wsgi_app, ForwardedByProxies)
    assert apps[0].wsgi_app.networks == trusted_networks("10.0.0.0/8")
    bad = runner.invoke(serve, ["--dev", "--trusted-proxy", "proxy.local"])
    assert bad.exit_code == 2
    assert "--trusted-proxy: 'proxy.local' is not an IP address" in bad.output
