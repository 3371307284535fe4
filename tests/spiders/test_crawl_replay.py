"""Real Scrapy over loopback HTTP against the replay site, in a child process."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from monitor.config import Settings
from monitor.crawl import run_crawl
from monitor.db import models as db
from monitor.db.session import session_scope
from monitor.demo.replay import ReplaySite
from monitor.outlets import get_outlet
from tests.spiders.conftest import FAST

pytestmark = pytest.mark.slow


def article_hits(site: ReplaySite, slug: str) -> int:
    outlet = get_outlet(slug)
    return sum(n for path, n in site.hits(slug).items() if outlet.is_article("http://h" + path))


def test_first_run_stores_every_article_and_a_second_run_downloads_none(
    settings: Settings, replay: ReplaySite
) -> None:
    slugs = ["kavkaz_uzel_ru", "kavkaz_uzel_en", "turan"]
    overrides = {slug: replay.base_url(slug) for slug in slugs}
    first = run_crawl(settings, slugs, base_url_override=overrides, scrapy_settings=FAST)
    assert {s.outlet: s.new_articles for s in first} == {
        "kavkaz_uzel_ru": 6,
        "kavkaz_uzel_en": 6,
        "turan": 1,
    }
    assert all(s.status == "finished" and s.errors == 0 for s in first)
    before = {slug: article_hits(replay, slug) for slug in slugs}
    assert before == {"kavkaz_uzel_ru": 6, "kavkaz_uzel_en": 6, "turan": 1}

    second = run_crawl(settings, slugs, base_url_override=overrides, scrapy_settings=FAST)

    assert [s.new_articles for s in second] == [0, 0, 0]
    assert {slug: article_hits(replay, slug) for slug in slugs} == before
    with session_scope(settings.database_url) as session:
        runs = session.scalars(select(db.CrawlRun).order_by(db.CrawlRun.id)).all()
        assert len(runs) == 6 and all(run.finished_at for run in runs)
        # feeds and first listing pages were asked for conditionally, and not modified
        for run in runs[3:]:
            assert run.message is not None
            assert re.search(r"listings not modified [1-9]", run.message), run.message


def test_stored_articles_keep_the_outlet_identity_not_the_replay_address(
    settings: Settings, replay: ReplaySite
) -> None:
    run_crawl(
        settings,
        ["kavkaz_uzel_en"],
        base_url_override={"kavkaz_uzel_en": replay.base_url("kavkaz_uzel_en")},
        scrapy_settings=FAST,
    )
    with session_scope(settings.database_url) as session:
        row = session.scalars(select(db.Article).where(db.Article.key == "ck-en:71801")).one()
        assert row.canonical_url == "https://www.eng.kavkaz-uzel.eu/articles/71801"
        assert row.alternate_url == "https://www.kavkaz-uzel.eu/articles/420302"
        assert row.published_at is not None and row.etag
        assert row.html_gz


def test_refetch_asks_conditionally_and_gets_not_modified(
    settings: Settings, replay: ReplaySite
) -> None:
    overrides = {"meydan_tv": replay.base_url("meydan_tv")}
    run_crawl(settings, ["meydan_tv"], base_url_override=overrides, scrapy_settings=FAST)
    again = run_crawl(
        settings, ["meydan_tv"], refetch=True, base_url_override=overrides, scrapy_settings=FAST
    )
    assert again[0].new_articles == 0
    with session_scope(settings.database_url) as session:
        run = session.get(db.CrawlRun, again[0].run_id)
        assert run is not None and run.message is not None
        assert "not modified 1" in run.message
