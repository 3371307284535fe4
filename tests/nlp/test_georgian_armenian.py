"""Georgian- and Armenian-language articles: their people are found and matched, and a
report of a trial or an arrest is relevant, so that the article reaches review."""

from __future__ import annotations

import pytest

from monitor.analysis import Analyzer
from monitor.model import Case
from tests.nlp.conftest import article

# Sentences written for these tests: "The Batumi court sentenced journalist Mzia
# Amaglobeli to two years in prison." and "The court hearing in the case of the
# arrested Ruben Vardanyan was postponed again in court."
GEORGIAN = "ბათუმის სასამართლომ ჟურნალისტ მზია ამაღლობელს ორი წლით პატიმრობა მიუსაჯა."
ARMENIAN = "Ձերբակալված Ռուբեն Վարդանյանի գործով դատական նիստը կրկին հետաձգվեց դատարանում։"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(
        [
            Case("amaglobeli-mzia", "Mzia Amaglobeli", gender="f", occupation="journalist"),
            Case("vardanyan-ruben", "Ruben Vardanyan", gender="m"),
        ]
    )


def test_a_georgian_name_in_a_case_form_is_found_and_matched(analyzer: Analyzer) -> None:
    result = analyzer.analyze(article("სასამართლო", GEORGIAN))
    assert result.extraction.language == "ka"
    matched = [(m.case_id, m.decision) for m in result.matches if m.case_id]
    # no event rules read Georgian, but "ჟურნალისტ" beside the name is the case's occupation
    assert matched == [("amaglobeli-mzia", "match")]


def test_an_armenian_name_in_the_genitive_is_found_and_matched(analyzer: Analyzer) -> None:
    result = analyzer.analyze(article("Դատական նիստ", ARMENIAN))
    assert result.extraction.language == "hy"
    matched = [(m.case_id, m.decision) for m in result.matches if m.case_id]
    assert matched == [("vardanyan-ruben", "review")]


@pytest.mark.parametrize("text", [GEORGIAN, ARMENIAN])
def test_a_report_of_a_court_is_relevant_in_either_language(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(article("-", text)).relevant


def test_a_georgian_word_pair_without_a_surname_is_no_person(analyzer: Analyzer) -> None:
    # "The weather in Tbilisi will be warm tomorrow."
    result = analyzer.analyze(article("ამინდი", "ხვალ თბილისში თბილი ამინდი იქნება."))
    assert result.extraction.people == []


# "Samuel Karapetean, a businessman, ranks thirtieth in the list of the richest.", in the
# classical spelling of the diaspora press (-եան for -յան, Սամուէլ for Սամվել)
CLASSICAL_ARMENIAN = "Գործարար Սամուէլ Կարապետեան ցանկին վրայ կը զբաղեցնէ 30րդ տեղը։"


def test_an_armenian_name_in_the_classical_spelling_is_found_and_matched() -> None:
    cases = [Case("karapetyan-samvel", "Samvel Karapetyan", gender="m", occupation="businessman")]
    result = Analyzer(cases).analyze(article("Ֆորպզ", CLASSICAL_ARMENIAN))
    assert [m.case_id for m in result.matches if m.case_id] == ["karapetyan-samvel"]
