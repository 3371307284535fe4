"""Caucasian Knot without feed or listings: the spider walks article numbers upward from
the highest one stored, and stops after a run of missing numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import Settings
from monitor.crawl import run_crawl
from monitor.db import models as db
from monitor.db.session import session_scope, upgrade
from monitor.demo.replay import ReplaySite
from monitor.demo.synthetic import FIRST_NUMBER, SLUG, build_site, outlet_override
from monitor.model import Article, Paragraph
from monitor.store import store_article
from tests.spiders.conftest import FAST

pytestmark = pytest.mark.slow


def test_numbers_after_the_highest_stored_one_are_walked(
    settings: Settings, tmp_path: Path
) -> None:
    numbers = sorted(build_site(tmp_path / "site", 8))  # 500001 .. 500008
    shutil.rmtree(tmp_path / "site" / SLUG / "rubric")  # listings gone, and no feed
    outlets = outlet_override(tmp_path, 8)
    yaml_path = outlets / f"{SLUG}.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(re.sub(r"listings:\n(?:  - .*\n)+", "listings: []\n", text), "utf-8")
    upgrade(settings.database_url)
    with session_scope(settings.database_url) as session:
        store_article(
            session,
            Article(
                title="An older article",
                paragraphs=[Paragraph("Text.")],
                outlet=SLUG,
                edition="ck-ru",
                number=str(FIRST_NUMBER + 3),
                url=f"https://www.kavkaz-uzel.eu/articles/{FIRST_NUMBER + 3}",
            ),
        )
    with ReplaySite(tmp_path / "site") as site:
        walking = Settings(home=settings.home, db_url=settings.db_url, outlets_dir=outlets)
        [summary] = run_crawl(
            walking, [SLUG], base_url_override={SLUG: site.base_url(SLUG)}, scrapy_settings=FAST
        )
        hits = site.hits(SLUG)
    assert summary.new_articles == 5  # 500004 .. 500008
    with session_scope(settings.database_url) as session:
        stored = set(session.scalars(select(db.Article.number)))
    assert stored == {str(n) for n in numbers if n > FIRST_NUMBER + 2}
    walked = sorted(int(p.rsplit("/", 1)[1]) for p in hits if p.startswith("/articles/"))
    assert walked[0] == FIRST_NUMBER + 4  # nothing at or below the stored number
    assert walked[-1] == FIRST_NUMBER + 8 + 5  # five misses after the last article
