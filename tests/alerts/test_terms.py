"""Prison terms read from a verdict's sentence, in English and Russian."""

from __future__ import annotations

from monitor.alerts.terms import find_terms, term_of


def terms(sentence: str) -> list[str]:
    return [t.text for t in find_terms(sentence)]


def test_terms_in_digits_or_words_read_alike() -> None:
    assert terms("He was sentenced to 9 years.") == ["9 years"]
    assert terms("She was given nine years in prison.") == ["9 years"]
    assert terms("upheld her nine-year prison sentence") == ["9 years"]


def test_russian_terms_in_any_case_ending() -> None:
    assert terms("суд приговорил его к 18 годам лишения свободы") == ["18 years"]
    assert terms("приговорен к девяти годам и шести месяцам колонии") == ["9 years 6 months"]
    assert terms("получил 30 суток административного ареста") == ["30 days"]


def test_a_life_term() -> None:
    assert terms("The court sentenced him to life imprisonment.") == ["life"]
    assert terms("Суд назначил пожизненное лишение свободы.") == ["life"]


def test_years_of_the_calendar_and_times_ago_are_no_terms() -> None:
    assert terms("в сентябре 2023 года приговорен к десяти годам") == ["10 years"]
    assert terms("He was detained two years ago.") == []
    assert terms("Его задержали три года назад.") == []


def test_each_defendant_gets_the_term_after_their_name() -> None:
    sentence = (
        "Ali Aliyev was sentenced to nine years, Vugar Babayev to 8 years "
        "and Emin Huseynov to life."
    )
    names = [sentence.index(n) for n in ("Ali Aliyev", "Vugar Babayev", "Emin Huseynov")]
    given = [term_of(sentence, at, [o for o in names if o != at]) for at in names]
    assert given == ["9 years", "8 years", "life"]


def test_one_term_after_several_names_is_everyones() -> None:
    sentence = "Ali Aliyev and Vugar Babayev were given nine years each."
    assert term_of(sentence, 0, [15]) == "9 years"
    assert term_of(sentence, 15, [0]) == "9 years"


def test_a_name_after_the_only_term_gets_none() -> None:
    sentence = "Ali Aliyev got nine years, while Vugar Babayev was acquitted."
    assert term_of(sentence, sentence.index("Vugar"), [0]) is None
