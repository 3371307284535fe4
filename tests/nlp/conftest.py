"""One Extractor (and so one pipeline per language) for the whole test session."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.model import Article, NamePattern, Paragraph
from monitor.nlp import Extractor


def article(
    title: str,
    *paragraphs: str | Paragraph,
    language: str | None = None,
    published: dt.datetime | None = None,
) -> Article:
    paras = [p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs]
    return Article(title=title, paragraphs=paras, language=language, published=published)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def case_extractor() -> Extractor:
    return Extractor(
        case_patterns=[
            NamePattern("rahimli-zaur", "Zaur Rahimli"),
            NamePattern("rahimli-zaur", "Заур Рагимли"),
            NamePattern("rahimli-zaur", "Зауру Рагимли"),
        ]
    )
