"""Politeness settings come from MONITOR_* variables; the replay site answers like a server."""

from __future__ import annotations

import importlib
import urllib.error
import urllib.request

import pytest

from monitor.demo.replay import ReplaySite


def test_scrapy_settings_are_polite_and_follow_monitor_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MONITOR_USER_AGENT", "case-monitor-test (+mailto:ops@example.org)")
    monkeypatch.setenv("MONITOR_MAX_PAGE_BYTES", "123456")
    monkeypatch.setenv("MONITOR_CONCURRENT_PER_DOMAIN", "7")
    import settings

    settings = importlib.reload(settings)
    assert settings.ROBOTSTXT_OBEY is True
    assert settings.USER_AGENT == "case-monitor-test (+mailto:ops@example.org)"
    assert settings.DOWNLOAD_MAXSIZE == 123456
    assert settings.CONCURRENT_REQUESTS_PER_DOMAIN == 2  # never more than two per domain
    assert settings.AUTOTHROTTLE_ENABLED and settings.RETRY_TIMES >= 1
    assert 500 in settings.RETRY_HTTP_CODES and 404 not in settings.RETRY_HTTP_CODES


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_replay_serves_outlet_paths_with_validators_and_304() -> None:
    with ReplaySite() as site:
        base = site.base_url("kavkaz_uzel_ru")
        status, headers, body = get(base + "/articles/420301")
        assert status == 200 and b"articles-body" in body
        assert get(base + "/articles/420301/")[0] == 200  # trailing slash is the same page
        assert get(base + "/articles.rss")[1]["Content-Type"] == "application/rss+xml"
        assert get(base + "/rubric/41?page=2")[0] == 200
        assert get(base + "/robots.txt")[0] == 200
        assert get(base + "/articles/1")[0] == 404
        assert get(base + "/articles/420301", {"If-None-Match": headers["ETag"]})[0] == 304
        since = {"If-Modified-Since": headers["Last-Modified"]}
        assert get(base + "/articles/420301", since)[0] == 304


def test_each_outlet_has_its_own_host() -> None:
    with ReplaySite() as site:
        urls = site.base_urls()
        assert set(urls) == {
            "kavkaz_uzel_ru",
            "kavkaz_uzel_en",
            "turan",
            "jamnews",
            "oc_media",
            "meydan_tv",
        }
        assert len(set(urls.values())) == len(urls)


def test_paths_cannot_escape_the_site_folder() -> None:
    with ReplaySite() as site:
        assert get(site.base_url("turan") + "/../../replay.py")[0] == 404
