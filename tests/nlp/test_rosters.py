"""People listed in rosters are found even where the NER tags nobody."""

from __future__ import annotations

import spacy

from monitor.nlp import Extractor
from monitor.nlp.rosters import roster_spans
from tests.nlp.conftest import article

_BLANK = spacy.blank("xx")


def names(text: str) -> list[str]:
    return [s.text for s in roster_spans(_BLANK(text))]


def test_a_comma_list_after_defendants_is_people() -> None:
    text = "The defendants are Kamran Valiyev, Nigar Hasanzade, Elmir Tagiyev and Ulvi Safarli."
    assert names(text) == ["Kamran Valiyev", "Nigar Hasanzade", "Elmir Tagiyev", "Ulvi Safarli"]


def test_a_description_before_a_listed_name_is_left_out() -> None:
    text = "Among those detained were journalist Sahil Mirzayev and economist Rauf Baghirli."
    assert names(text) == ["Sahil Mirzayev", "Rauf Baghirli"]


def test_numbered_lines_after_a_colon_are_people() -> None:
    text = "List of political prisoners:\n1. Tahir Jafarli\n2. Gulnar Musazade\n3. Vugar Abbasli"
    assert names(text) == ["Tahir Jafarli", "Gulnar Musazade", "Vugar Abbasli"]


def test_a_russian_list_with_i_is_people() -> None:
    text = "Обвиняемыми по делу проходят Фарид Мехралиев, Ниджат Алиев и Айнур Элгюнеш."
    assert names(text) == ["Фарид Мехралиев", "Ниджат Алиев", "Айнур Элгюнеш"]


def test_a_list_without_a_cue_is_no_roster() -> None:
    assert names("The talks in Baku, Tbilisi and Yerevan went on, Nizami Street said.") == []


def test_a_patronymic_stays_inside_the_listed_name() -> None:
    text = "The detainees: Rasul Vagif oglu Amirov, Sabina Elchin gizi Huseynova."
    assert names(text) == ["Rasul Vagif oglu Amirov", "Sabina Elchin gizi Huseynova"]


def test_an_extractor_finds_every_listed_person(extractor: Extractor) -> None:
    listed = ["Tahir Jafarli", "Seymur Rzayev", "Asif Gahramanov", "Namig Ahmadzade"]
    result = extractor.extract(
        article(
            "New names on the list",
            "The monitoring group published its list of political prisoners:",
            *(f"{i}. {name}" for i, name in enumerate(listed, start=1)),
            language="en",
        )
    )
    assert set(listed) <= {p.normalized for p in result.people}
