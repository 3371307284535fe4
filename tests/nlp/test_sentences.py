"""Sentence boundaries the pipeline sets (``monitor_sentences``)."""

from __future__ import annotations

from monitor.nlp.pipeline import get_pipeline


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in get_pipeline("en")(text).sents if s.text.strip()]


def test_facility_numbers_and_initials_do_not_end_a_sentence() -> None:
    text = "He is held in Facility No. 13 near Baku. His lawyer R. Aliyev visited him."
    assert sentences(text) == [
        "He is held in Facility No. 13 near Baku.",
        "His lawyer R. Aliyev visited him.",
    ]


def test_a_line_break_always_ends_a_sentence_even_before_indented_text() -> None:
    assert sentences("Court news\n   The hearing was postponed") == [
        "Court news",
        "The hearing was postponed",
    ]


def test_the_coordinated_names_the_ner_joins_are_two_people() -> None:
    from monitor.nlp import Extractor
    from tests.nlp.conftest import article

    result = Extractor().extract(
        article(
            "Two held",
            "A court ordered Hasanli and Vagifgizi to be held in custody for three months.",
            language="en",
        )
    )
    names = {p.normalized for p in result.people}
    assert {"Hasanli", "Vagifgizi"} <= names
    assert "Hasanli and Vagifgizi" not in names


def test_a_sentence_may_open_with_a_date() -> None:
    text = "The measure was changed to house arrest. 12 May the hearing resumed in Baku."
    assert sentences(text) == [
        "The measure was changed to house arrest.",
        "12 May the hearing resumed in Baku.",
    ]


def test_a_russian_sentence_may_open_with_a_date() -> None:
    split = [
        s.text.strip()
        for s in get_pipeline("ru")("Меру пресечения смягчили. 14 апреля суд продолжился.").sents
    ]
    assert split == ["Меру пресечения смягчили.", "14 апреля суд продолжился."]


def test_a_sentence_may_open_with_an_age() -> None:
    text = "The verdict is due on Friday. 27-year-old Emin Aliyev was detained in May."
    assert sentences(text) == [
        "The verdict is due on Friday.",
        "27-year-old Emin Aliyev was detained in May.",
    ]


def test_a_russian_sentence_may_open_with_an_age() -> None:
    text = "Приговор огласят в пятницу. 19-летнего Эмина Алиева задержали в мае."
    split = [s.text.strip() for s in get_pipeline("ru")(text).sents]
    assert split == ["Приговор огласят в пятницу.", "19-летнего Эмина Алиева задержали в мае."]
