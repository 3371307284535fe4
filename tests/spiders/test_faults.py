"""A crawl against a misbehaving server finishes, stores the good page, counts the rest."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import Settings
from monitor.crawl import CrawlSummary, run_crawl
from monitor.db import models as db
from monitor.db.session import session_scope
from tests.spiders.conftest import FAST
from tests.spiders.faulty_site import FaultyServer

pytestmark = pytest.mark.slow

OUTLET_FILE = """\
slug: faulty
name: Faulty News
spider: generic
language: ru
base_url: https://faulty.example.org
timezone: Asia/Baku
listings: [/news]
article_url: '^/articles/(?P<number>\\d+)$'
selectors:
  container: [article]
"""


@pytest.fixture(scope="module")
def crawled(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Settings, CrawlSummary, FaultyServer]]:
    root = tmp_path_factory.mktemp("faults")
    outlets = root / "outlets"
    outlets.mkdir()
    (outlets / "faulty.yaml").write_text(OUTLET_FILE, encoding="utf-8")
    settings = Settings(home=root / "var", outlets_dir=outlets, max_page_bytes=1_000_000)
    with FaultyServer() as server:
        summaries = run_crawl(
            settings,
            ["faulty"],
            base_url_override={"faulty": server.url},
            scrapy_settings={**FAST, "RETRY_TIMES": "1", "DOWNLOAD_TIMEOUT": "1"},
            timeout=60,
        )
        yield settings, summaries[0], server


def test_the_crawl_finishes_and_records_its_run(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    _, summary, _ = crawled
    assert summary.status == "finished"
    assert summary.pages > 0 and summary.duration_s is not None


def test_the_one_good_page_is_stored_decoded(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    settings, summary, _ = crawled
    assert summary.new_articles == 1
    with session_scope(settings.database_url) as session:
        row = session.scalars(select(db.Article)).one()
        assert row.title == "Суд продлил арест активиста"
        assert row.url == "https://faulty.example.org/articles/8"


def test_server_errors_are_retried_once_then_counted(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    _, summary, server = crawled
    assert server.hits["/articles/1"] == 2
    # 500, time-out, oversized page and redirect loop are errors; 404/410 are not
    assert summary.errors >= 3


def test_a_redirect_loop_is_counted_not_silently_dropped(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    settings, _, server = crawled
    assert server.hits["/articles/7"] == 1 and server.hits["/articles/7b"] == 1
    with session_scope(settings.database_url) as session:
        message = session.scalars(select(db.CrawlRun.message)).one()
    assert message is not None and "redirect loops 1" in message


def test_gone_pages_are_not_retried(crawled: tuple[Settings, CrawlSummary, FaultyServer]) -> None:
    _, _, server = crawled
    assert server.hits["/articles/5"] == 1 and server.hits["/articles/6"] == 1


def test_binary_and_garbage_pages_are_not_stored(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    settings, _, _ = crawled
    with session_scope(settings.database_url) as session:
        urls = session.scalars(select(db.Article.url)).all()
    assert not any(url.endswith(("/3", "/4", "/9")) for url in urls)


def test_settings_cap_the_page_size(crawled: tuple[Settings, CrawlSummary, FaultyServer]) -> None:
    settings, _, _ = crawled
    assert dataclasses.replace(settings).max_page_bytes == 1_000_000
    assert Path(settings.home).name == "var"


def test_a_run_with_errors_keeps_no_validators_so_the_next_reads_the_listing_in_full(
    crawled: tuple[Settings, CrawlSummary, FaultyServer],
) -> None:
    settings, _, _ = crawled
    with session_scope(settings.database_url) as session:
        assert session.scalars(select(db.PageValidator)).all() == []
