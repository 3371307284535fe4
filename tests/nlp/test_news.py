"""What an article is news about: the lead (the title, a standfirst and the first
paragraph) against the recap further down."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.model import EventMention, Extraction
from monitor.nlp import Extractor
from tests.nlp.conftest import article

PUBLISHED = dt.datetime(2025, 7, 10, 12, 0)
_BODY = (
    "The judge read out the verdict on Wednesday in a packed room, and the family of the "
    "teacher said they had expected nothing else from the Baku court."
)


def _remands(extraction: Extraction) -> list[EventMention]:
    return [e for e in extraction.events if e.type == "pretrial_detention" and e.person is not None]


def _news(extractor: Extractor, title: str, *paragraphs: str, lang: str) -> dict[str, bool]:
    result = extractor.extract(article(title, *paragraphs, language=lang, published=PUBLISHED))
    return {e.type: not e.background for e in result.events if e.person is not None}


@pytest.mark.parametrize(
    ("title", "lead", "body", "lang"),
    [
        (
            "Teacher Rauf Ismayilov sentenced to five years",
            "A Baku court sentenced the teacher Rauf Ismayilov to five years in prison. " + _BODY,
            "Rauf Ismayilov was detained at his home in the spring.",
            "en",
        ),
        (
            "Учителя Рауфа Исмайлова приговорили к пяти годам",
            "Суд в Баку приговорил учителя Рауфа Исмайлова к пяти годам лишения свободы. "
            "Приговор огласили в среду в переполненном зале.",
            "Рауфа Исмайлова задержали у его дома весной.",
            "ru",
        ),
    ],
)
def test_a_body_step_the_lead_does_not_tell_is_recap(
    extractor: Extractor, title: str, lead: str, body: str, lang: str
) -> None:
    news = _news(extractor, title, lead, body, lang=lang)
    assert news == {"sentence": True, "arrest": False}


def test_a_body_step_of_the_kind_the_lead_tells_stays_news(extractor: Extractor) -> None:
    news = _news(
        extractor,
        "Three activists remanded",
        "A Baku court remanded three activists in custody for four months on Tuesday. " + _BODY,
        "The court placed Rauf Ismayilov in pre-trial detention until 22 October.",
        lang="en",
    )
    assert news["pretrial_detention"] is True


def test_the_first_paragraph_after_a_standfirst_is_lead(extractor: Extractor) -> None:
    news = _news(
        extractor,
        "New charges for a jailed teacher",
        "Lawyers say the amended indictment could double the term the teacher faces.",
        "Investigators brought new charges against Rauf Ismayilov on Tuesday, and a Baku "
        "court ruled to keep him behind bars for three more months, his lawyer said today.",
        "Rauf Ismayilov was detained at his home in the spring.",
        lang="en",
    )
    assert news["pretrial_detention"] is True
    assert news["arrest"] is False


def test_a_deadline_is_not_the_date_of_the_step(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Custody extended",
            "On 8 July a Baku court extended the detention of Rauf Ismayilov until 22 October.",
            language="en",
            published=PUBLISHED,
        )
    )
    [remand] = _remands(result)
    assert remand.date == dt.date(2025, 7, 8)


def test_the_same_day_keeps_the_date_of_the_sentence_before(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Charged and remanded",
            "On 8 July investigators charged Rauf Ismayilov with smuggling. The same day, a "
            "court extended his detention by three months.",
            language="en",
            published=PUBLISHED,
        )
    )
    remands = _remands(result)
    assert remands and all(e.date == dt.date(2025, 7, 8) for e in remands)
