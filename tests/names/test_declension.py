import pytest

from monitor.names.declension import forms, indeclinable, nominatives


@pytest.mark.parametrize(
    ("printed", "nominative"),
    [
        ("Мохйаддина", "Мохйаддин"),
        ("Оруджева", "Оруджев"),
        ("Оруджеву", "Оруджев"),
        ("Гусейновым", "Гусейнов"),
        ("Тофига", "Тофиг"),
        ("Байраму", "Байрам"),
        ("Лалы", "Лала"),
        ("Умудовой", "Умудова"),
    ],
)
def test_case_ending_is_taken_off(printed: str, nominative: str) -> None:
    assert (nominative, True) in nominatives(printed)


def test_the_word_as_printed_is_always_the_first_reading() -> None:
    assert nominatives("Ягублу")[0] == ("Ягублу", False)


def test_latin_words_are_not_declined() -> None:
    assert nominatives("Mammadova") == (("Mammadova", False),)


@pytest.mark.parametrize("surname", ["Ягублу", "Гасанли", "Нурузаде", "Вагифгызы", "Yagublu"])
def test_indeclinable_surnames(surname: str) -> None:
    assert indeclinable(surname)
    assert forms(surname, "m", surname=True) == [surname]


def test_ov_surname_declines_in_both_genders() -> None:
    assert set(forms("Оруджев", None, surname=True)) >= {"Оруджева", "Оруджеву", "Оруджевой"}
    assert "Оруджевой" not in forms("Оруджев", "m", surname=True)


def test_mens_first_names_decline() -> None:
    assert set(forms("Байрам", "m", surname=False)) >= {"Байрама", "Байраму", "Байрамом"}


def test_womens_first_names_ending_in_a_consonant_do_not() -> None:
    assert forms("Наргиз", "f", surname=False) == ["Наргиз"]


def test_names_ending_in_a_decline_like_lala() -> None:
    assert set(forms("Лала", "f", surname=False)) >= {"Лалы", "Лале", "Лалу", "Лалой"}
