import pytest

from monitor.background import is_background
from monitor.boilerplate import clean_paragraphs, is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "08:40, 5 февраля 2026",
        "18:59, 18 September 2018",
        "16 июля 2013, 01:39",
        "НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН ИНОСТРАННЫМ АГЕНТОМ",
        "ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ АГЕНТОМ",
        "[Courthouse in Baku. Photo by a correspondent]",
        "Фото: корреспондент",
        "Author: Jane Doe Source: CK correspondent",
        "Скачайте наше мобильное приложение",
        "- Read also: A walk through the old town",
        "Translated automatically from the Russian original",
        "fbpx",
    ],
)
def test_page_furniture_is_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "A Baku court sentenced the activist to three years in prison.",
        "Суд в Баку приговорил активиста к трем годам лишения свободы.",
        "Photographer Ali Aliyev was detained on Monday.",
    ],
)
def test_reporting_is_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


def test_everything_from_the_all_news_sidebar_on_is_cut() -> None:
    kept = clean_paragraphs(["News paragraph.", "All news", "Another story headline"])
    assert [p.text for p in kept] == ["News paragraph."]


def test_a_section_label_heading_a_timestamped_sidebar_goes_with_it() -> None:
    kept = clean_paragraphs(["News paragraph.", "Politics", "- 09 February 2024, 17:05", "Other"])
    assert [p.text for p in kept] == ["News paragraph."]


@pytest.mark.parametrize(
    "text",
    [
        'Как писал "Кавказский узел", активиста задержали в декабре.',
        "Как ранее сообщал «Кавказский узел», суд вынес приговор.",
        'The "Caucasian Knot" has reported that the activist was detained.',
        "As reported by the “Caucasian Knot,” the court sentenced him.",
        "*Tofig Yagublu was detained in December 2023.",
    ],
)
def test_recaps_of_earlier_reports_are_background(text: str) -> None:
    assert is_background(text)


def test_news_mentioning_the_outlet_is_not_background() -> None:
    assert not is_background('His lawyer told the "Caucasian Knot" that he was beaten.')
    assert not is_background("* * *")


def test_a_dateline_above_the_body_is_dropped_not_taken_for_a_sidebar() -> None:
    kept = clean_paragraphs(["03 October 2011, 22:50", "The court ruled today.", "Other"])
    assert [p.text for p in kept] == ["The court ruled today.", "Other"]


def test_a_dateline_under_a_one_word_label_is_dropped_not_taken_for_a_sidebar() -> None:
    lines = ["Статья", "14 июня 2019, 21:25", "Журналиста задержали в Махачкале.", "Other"]
    kept = clean_paragraphs(lines)
    assert [p.text for p in kept] == ["Статья", "Журналиста задержали в Махачкале.", "Other"]


def test_a_lone_dash_opens_a_sidebar_of_other_stories_with_its_label() -> None:
    lines = [
        "Customs officers stopped a truck at the border.",
        "Social",
        "-",
        "A researcher arrested last year won a film prize.",
    ]
    kept = clean_paragraphs(lines)
    assert [p.text for p in kept] == ["Customs officers stopped a truck at the border."]
