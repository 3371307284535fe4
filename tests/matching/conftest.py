"""Known cases written for these tests (real names, facts only; no article text)."""

from __future__ import annotations

import pytest

from monitor.model import Article, Case, Extraction, Paragraph, PersonMention, Role


@pytest.fixture
def cases() -> list[Case]:
    return [
        Case(
            "orujov-mohyaddin",
            "Mohyaddin Orujov",
            gender="m",
            occupation="trade union activist",
            charges=["drug_trafficking"],
            facility="Correctional Facility No. 13",
        ),
        Case("orujov-aziz", "Aziz Orujov", gender="m", occupation="journalist"),
        Case("huseynov-mehman", "Mehman Huseynov", gender="m", occupation="blogger"),
        Case("mammadov-bayram", "Bayram Mammadov", gender="m", charges=["drug_trafficking"]),
        Case("mammadov-ilgar", "Ilgar Mammadov", gender="m", occupation="politician"),
        Case("yagublu-tofig", "Tofig Yagublu", gender="m", charges=["fraud", "forgery"]),
        Case("vagifgizi-sevinj", "Sevinj Vagifgizi", gender="f", aliases=["Sevinj Abbasova"]),
        Case("nuruzada-ahsan", "Ahsan Nuruzade", gender="m"),
        Case("aliyev-mahir", "Mahir Aliyev", gender="m", occupation="journalist"),
        Case("umudova-lala", "Lala Umudova", gender="f"),
    ]


def person(name: str, role: Role = "detainee", normalized: str | None = None) -> PersonMention:
    return PersonMention(name=name, normalized=normalized or name, role=role)


def article_with(*people: PersonMention, text: str = "") -> tuple[Article, Extraction]:
    article = Article(title="A court in Baku", paragraphs=[Paragraph(text or "Nothing else.")])
    return article, Extraction(language="en", relevant=True, people=list(people))
