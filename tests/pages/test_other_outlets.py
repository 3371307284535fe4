"""Outlets read through their outlet files: Turan, JAMnews, OC Media, Meydan TV."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.model import Article
from tests.pages.helpers import parse_saved

BAKU = dt.timezone(dt.timedelta(hours=4))


def test_turan_article() -> None:
    article = parse_saved("turan", "article.html")
    assert article.outlet == "turan"
    assert (
        article.url == "https://turan.az/en/politics/court-extends-detention-of-anar-mammadli-7734"
    )
    assert article.title == "Court extends detention of Anar Mammadli"
    assert article.published == dt.datetime(2026, 2, 4, 17, 20, tzinfo=BAKU)
    assert article.paragraphs[0].text.startswith("The Khatai District Court on Wednesday")
    assert article.paragraphs[-1].background  # Turan's "*Name was detained..." recap
    for furniture in ("Baku/", "04.02.2026", "Share on", "Parliament adopts", "All rights"):
        assert furniture not in article.text


def test_jamnews_article() -> None:
    article = parse_saved("jamnews", "article.html")
    assert article.outlet == "jamnews"
    assert article.author == "JAMnews Baku"
    assert article.published == dt.datetime(2026, 2, 5, 12, 30, tzinfo=BAKU)
    assert article.paragraphs[0].text.startswith("Aziz Orujov, the head of the online channel")
    for furniture in ("Read also", "Heavy rains", "Related"):
        assert furniture not in article.text


def test_oc_media_article() -> None:
    article = parse_saved("oc_media", "article.html")
    assert article.outlet == "oc_media"
    assert article.title == "Talysh scholar Igbal Abilov moved to Gobustan Prison"
    assert article.author == "Aytan Farhadova"
    assert len(article.paragraphs) == 4
    for furniture in ("Become a member", "newsletter"):
        assert furniture not in article.text


def test_meydan_tv_article() -> None:
    article = parse_saved("meydan_tv", "article.html")
    assert article.outlet == "meydan_tv"
    assert article.language == "en"
    assert article.published == dt.datetime(2026, 2, 6, 10, 15, tzinfo=BAKU)
    assert "donate" not in article.text and "Warm weekend" not in article.text


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("turan", "article.html"),
        ("jamnews", "article.html"),
        ("oc_media", "article.html"),
        ("meydan_tv", "article.html"),
    ],
)
def test_the_title_is_not_repeated_as_a_paragraph(slug: str, name: str) -> None:
    article: Article = parse_saved(slug, name)
    assert article.title not in [p.text for p in article.paragraphs]
