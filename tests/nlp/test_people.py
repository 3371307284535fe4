"""Which spans become people, tested on documents whose entities are set by hand (so
that the rule, not the NER's mood, is what is tested)."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from monitor.nlp.people import candidate_spans


def _people(text: str, *entities: tuple[int, int]) -> list[str]:
    doc = spacy.blank("ru")(text)
    doc.ents = [Span(doc, start, end, label="PER") for start, end in entities]
    return [span.text for span in candidate_spans(doc)]


def test_a_row_of_tags_the_ner_took_for_one_name_is_no_person() -> None:
    text = "Ашот Саргсян Лилит Макунц Армения культура политика"
    assert "Ашот Саргсян Лилит Макунц Армения" not in _people(text, (0, 5))


def test_a_full_name_with_patronymic_is_a_person() -> None:
    text = "Суд арестовал Ашота Ашотовича Саргсяна вчера"
    assert _people(text, (2, 5)) == ["Ашота Ашотовича Саргсяна"]


def test_a_given_name_with_its_fuller_form_in_brackets_is_one_person() -> None:
    doc = spacy.blank("en")("Police arrested Giyas (Giyaseddin) Ibragimov on Monday.")
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    assert [s.text for s in candidate_spans(doc)] == ["Giyas (Giyaseddin) Ibragimov"]


def test_a_people_s_name_standing_alone_is_no_person() -> None:
    doc = spacy.blank("en")("He was the eighth defendant linked to leaders of the Ingush protest.")
    doc.ents = [Span(doc, 10, 11, label="PERSON")]
    assert [span.text for span in candidate_spans(doc)] == []
    ru = "Его судили вместе с лидерами ингушского протеста."
    assert _people(ru, (5, 6)) == []


def test_a_city_after_a_preposition_is_cut_from_the_name_it_runs_into() -> None:
    text = "Перед акцией в Тбилиси Садыгова задержали."
    assert _people(text, (3, 5)) == ["Садыгова"]


def test_an_opening_verb_the_ner_joined_to_a_name_is_left_out() -> None:
    doc = spacy.blank("en")("Citing Petrosian's health, the court granted him house arrest.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [span.text for span in candidate_spans(doc)] == ["Petrosian"]


def test_a_region_of_two_people_words_is_no_person() -> None:
    doc = spacy.blank("en")("The Supreme Court of Kabardino-Balkaria sentenced Anzor Ashev.")
    doc.ents = [Span(doc, 4, 7, label="PERSON"), Span(doc, 8, 10, label="PERSON")]
    assert [span.text for span in candidate_spans(doc)] == ["Anzor Ashev"]


def test_a_state_body_the_ner_took_for_a_person_is_no_person() -> None:
    doc = spacy.blank("en")("The activists had clashed with Russian National Guard fighters.")
    doc.ents = [Span(doc, 5, 8, label="PERSON")]
    assert candidate_spans(doc) == []


def test_the_man_a_monument_is_named_after_is_no_person() -> None:
    doc = spacy.blank("ru")("Студент написал лозунг на памятнике Гейдару Алиеву.")
    doc.ents = [Span(doc, 5, 7, label="PER")]
    assert candidate_spans(doc) == []


def test_a_country_the_ner_joined_to_a_surname_is_dropped_from_the_name() -> None:
    doc = spacy.blank("en")("The second President of Armenia Kocharyan thanked his supporters.")
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert [span.text for span in candidate_spans(doc)] == ["Kocharyan"]
