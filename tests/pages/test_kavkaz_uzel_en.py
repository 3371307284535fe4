"""Caucasian Knot, English edition: served from a mirror, with an All news sidebar inside."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.model import Article
from tests.pages.helpers import parse_saved


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_saved("kavkaz_uzel_en", "article_69990.html")


def test_mirror_canonical_link_still_gives_the_english_edition(article: Article) -> None:
    assert (article.outlet, article.edition, article.number) == ("kavkaz_uzel_en", "ck-en", "69990")


def test_title_time_language_author(article: Article) -> None:
    assert article.title == "Journalist Ramil Akhmedov remanded in custody in Baku"
    assert article.published == dt.datetime(
        2025, 7, 16, 2, 24, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )
    assert article.language == "en"
    assert article.author == "Nigar Mamedova"


def test_russian_original_is_the_alternate_url(article: Article) -> None:
    assert article.alternate_url == "https://www.kavkaz-uzel.eu/articles/410777"


def test_body_and_background(article: Article) -> None:
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("A court in Baku has remanded journalist Ramil Akhmedov")
    assert [p.background for p in article.paragraphs] == [False, False, True]


@pytest.mark.parametrize(
    "furniture",
    [
        "All news",
        "Blogger Khasanov",
        "Download the Caucasian Knot app",
        "first published",
        "Have something to tell",
        "Source: CK correspondent",
        "Photo by",
    ],
)
def test_page_furniture_does_not_leak(article: Article, furniture: str) -> None:
    assert furniture not in article.text
