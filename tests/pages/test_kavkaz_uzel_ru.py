"""Caucasian Knot, Russian edition: a saved article page in windows-1251."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.model import Article
from tests.pages.helpers import parse_saved


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_saved("kavkaz_uzel_ru", "article_410777.html")


def test_identity_is_edition_and_number_from_the_canonical_link(article: Article) -> None:
    assert (article.outlet, article.edition, article.number) == (
        "kavkaz_uzel_ru",
        "ck-ru",
        "410777",
    )
    assert article.url == "https://www.kavkaz-uzel.eu/articles/410777"


def test_windows_1251_page_is_decoded(article: Article) -> None:
    assert article.title == "Суд в Баку арестовал журналиста Ахмедова"


def test_old_style_dateline_is_read_in_moscow_time(article: Article) -> None:
    assert article.published is not None
    assert article.published.utcoffset() == dt.timedelta(hours=3)
    assert article.published.replace(tzinfo=None) == dt.datetime(2025, 7, 16, 1, 39)


def test_language_author_and_english_version(article: Article) -> None:
    assert article.language == "ru"
    assert article.author == "Нигяр Мамедова"
    assert article.alternate_url == "https://www.eng.kavkaz-uzel.eu/articles/69990"


def test_lead_paragraph_comes_first_and_background_is_marked(article: Article) -> None:
    assert article.paragraphs[0].text.startswith("Хатаинский районный суд Баку арестовал")
    assert not article.paragraphs[0].background
    assert article.paragraphs[-1].text.startswith('Как писал "Кавказский узел"')
    assert article.paragraphs[-1].background


@pytest.mark.parametrize(
    "furniture",
    [
        "Скачайте приложение",
        "ИНОСТРАННОГО АГЕНТА",
        "Фото:",
        "Есть что рассказать",
        "Автор:",
        "Лента новостей",
        "Хасанова",
        "16 июля 2025",
    ],
)
def test_page_furniture_does_not_leak(article: Article, furniture: str) -> None:
    assert furniture not in article.text


def test_served_from_a_mirror_it_is_the_same_article() -> None:
    mirrored = parse_saved(
        "kavkaz_uzel_ru", "article_410777.html", url="https://m.caucasianknot.com/articles/410777/"
    )
    assert (mirrored.edition, mirrored.number) == ("ck-ru", "410777")
