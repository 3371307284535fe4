"""Outlet files: identity across mirrors, language by path, base URL overrides."""

from __future__ import annotations

import pytest

from monitor.outlets import (
    OutletError,
    all_outlets,
    get_outlet,
    outlet_for_url,
    outlet_from_mapping,
)


def test_every_outlet_file_loads_with_a_schedule_and_a_start() -> None:
    outlets = all_outlets()
    assert {"kavkaz_uzel_ru", "kavkaz_uzel_en", "turan", "jamnews", "oc_media", "meydan_tv"} <= set(
        outlets
    )
    for outlet in outlets.values():
        assert outlet.schedule and (outlet.feeds or outlet.listings)


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.kavkaz-uzel.eu/articles/420287", "kavkaz_uzel_ru"),
        ("https://amp.kavkaz-uzel.eu/articles/420287/", "kavkaz_uzel_ru"),
        ("https://caucasianknot.com/articles/420287", "kavkaz_uzel_ru"),
        ("https://caucasianknot.org/articles/71765", "kavkaz_uzel_en"),
        ("https://www.eng.kavkaz-uzel.eu/articles/71765", "kavkaz_uzel_en"),
        ("https://turan.az/ru/politika/x-1", "turan"),
    ],
)
def test_mirrors_belong_to_their_edition(url: str, slug: str) -> None:
    outlet = outlet_for_url(url)
    assert outlet is not None and outlet.slug == slug


def test_identity_ignores_host_and_trailing_slash() -> None:
    ru = get_outlet("kavkaz_uzel_ru")
    assert ru.identity("https://m.kavkaz-uzel.eu/articles/420287/") == "ck-ru:420287"
    assert ru.identity("http://127.0.0.1:5000/articles/420287") == "ck-ru:420287"
    jam = get_outlet("jamnews")
    assert jam.identity("https://jam-news.net/some-story/") == jam.identity("http://h:1/some-story")


def test_language_by_path() -> None:
    turan = get_outlet("turan")
    assert turan.language_for("https://turan.az/ru/politika/x-1") == "ru"
    assert turan.language_for("https://turan.az/en/politics/x-1") == "en"


def test_base_url_override_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_OUTLET_URL_TURAN", "http://127.0.0.1:9/")
    assert get_outlet("turan").effective_base_url() == "http://127.0.0.1:9"
    assert get_outlet("turan").effective_base_url("http://x") == "http://x"


def test_an_outlet_file_without_article_pattern_is_refused() -> None:
    with pytest.raises(OutletError, match="article_url"):
        outlet_from_mapping({"slug": "x", "name": "X", "base_url": "https://x.org"})
