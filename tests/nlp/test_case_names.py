"""The known-name ruler finds a case's name by its words' keys, in any spelling and
script, before the NER runs; it never tags a lone surname or lower-case words."""

from __future__ import annotations

import spacy

from monitor.model import NamePattern
from monitor.nlp.case_names import CaseNameMatcher

PATTERNS = [
    NamePattern("babali-hafiz", "Hafiz Babali"),
    NamePattern("babali-hafiz", "Гафиз Бабали"),
    NamePattern("karapetyan-samvel", "Samvel Karapetyan"),
    NamePattern("amaglobeli-mzia", "Mzia Amaglobeli"),
]


def found(text: str, lang: str = "ru") -> list[tuple[str, str]]:
    nlp = spacy.blank(lang)
    matcher = CaseNameMatcher(nlp, PATTERNS)
    return [(span.text, span.label_) for span in matcher(nlp(text))]


def test_a_russian_spelling_no_pattern_holds_is_found_in_its_case_form() -> None:
    assert found("Суд продлил арест Хафиза Бабалы.") == [("Хафиза Бабалы", "babali-hafiz")]


def test_a_word_with_a_dash_glued_to_it_is_still_read() -> None:
    assert found("двух фигурантов дела -Хафиза Бабалы") == [("-Хафиза Бабалы", "babali-hafiz")]


def test_a_name_in_the_classical_armenian_spelling_is_found() -> None:
    text = "Գործարար Սամուէլ Կարապետեան ցանկին վրայ է։"
    assert found(text, "xx") == [("Սամուէլ Կարապետեան", "karapetyan-samvel")]


def test_a_georgian_name_in_a_case_form_is_found_without_capitals() -> None:
    # "The court sentenced journalist Mzia Amaglobeli."
    text = "სასამართლომ ჟურნალისტ მზია ამაღლობელს მიუსაჯა."
    assert found(text, "xx") == [("მზია ამაღლობელს", "amaglobeli-mzia")]


def test_lower_case_words_and_a_lone_surname_are_not_names() -> None:
    assert found("hafiz babali и Бабалы") == []


def test_patterns_are_kept_as_key_sequences() -> None:
    # "Hafiz Babali" and "Гафиз Бабали" are one key sequence
    assert CaseNameMatcher(spacy.blank("ru"), PATTERNS).size == 3
