"""The client address behind reverse proxies: what sign-in limits are counted against."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Flask

from monitor.config import Settings, load_settings
from monitor.web.app import create_app
from monitor.web.clients import client_address, trusted_networks
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
