"""Two known cases with one full name: the article's facts decide, or review names both."""

from __future__ import annotations

import pytest

from monitor.matching import Matcher
from monitor.model import Article, Case, ChargeMention, Extraction, Paragraph, PersonMention


@pytest.fixture
def namesakes() -> list[Case]:
    return [
        Case(
            "mammadov-elnur-journalist",
            "Elnur Mammadov",
            gender="m",
            occupation="journalist, Kanal 13",
            charges=["smuggling"],
        ),
        Case(
            "mammadov-elnur-unionist",
            "Elnur Mammadov",
            gender="m",
            occupation="trade union activist",
            charges=["drug_trafficking"],
            facility="Correctional Facility No. 13",
        ),
    ]


def _match(
    cases: list[Case], text: str, charges: tuple[str, ...] = ()
) -> tuple[str | None, str, str]:
    article = Article("A hearing in Baku", [Paragraph(text)])
    start = text.index("Elnur Mammadov")
    person = PersonMention(
        "Elnur Mammadov",
        "Elnur Mammadov",
        role="detainee",
        spans=[(start, start + len("Elnur Mammadov"))],
    )
    extraction = Extraction(
        "en",
        True,
        [person],
        charges=[ChargeMention(code, code, start, start + 5, person=0) for code in charges],
    )
    result = Matcher(cases).match(article, extraction)[0]
    return result.case_id, result.decision, " | ".join(result.explanation)


def test_the_charge_the_article_reports_decides(namesakes: list[Case]) -> None:
    case_id, decision, explanation = _match(
        namesakes, "The journalist Elnur Mammadov was charged with smuggling.", ("smuggling",)
    )
    assert (case_id, decision) == ("mammadov-elnur-journalist", "match")
    assert "namesake mammadov-elnur-unionist" in explanation


def test_the_occupation_near_the_name_decides(namesakes: list[Case]) -> None:
    case_id, decision, _ = _match(
        namesakes, "The trade union activist Elnur Mammadov was moved to another colony."
    )
    assert (case_id, decision) == ("mammadov-elnur-unionist", "match")


def test_without_a_telling_fact_the_mention_goes_to_review_naming_both(
    namesakes: list[Case],
) -> None:
    case_id, decision, explanation = _match(namesakes, "Elnur Mammadov was detained in Baku.")
    assert decision == "review"
    assert "mammadov-elnur-journalist" in explanation or case_id == "mammadov-elnur-journalist"
    assert "mammadov-elnur-unionist" in explanation or case_id == "mammadov-elnur-unionist"
    assert "do not tell" in explanation
