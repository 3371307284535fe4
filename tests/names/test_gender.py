"""One answer to "is this a man's or a woman's name?" for extraction and matching alike."""

import pytest

from monitor.names import gender


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("Aysel Umudova", "f"),
        ("Rauf Ismayilov", "m"),
        ("Sevinj Vagifgizi", "f"),
        ("Sevinj Vagif qızı", "f"),
        ("Elnur Vagifoglu", "m"),
        ("Севиндж Вагифгызы", "f"),
        ("Ильхам Гейдарович", "m"),
        ("Мамедовой", "f"),
        ("Мамедовым", "m"),
        ("Ramin Deko", None),
        ("Tofig Yagublu", None),
    ],
)
def test_a_name_tells_its_gender_or_says_it_cannot(name: str, told: str | None) -> None:
    assert gender(name) == told


@pytest.mark.parametrize("printed", ["Мамедова", "Мамедову"])
def test_a_printed_russian_form_that_two_genders_share_is_ambiguous(printed: str) -> None:
    # a woman's nominative or a man's genitive; a man's dative or a woman's accusative
    assert gender(printed) is None


def test_a_nominative_ending_in_ova_is_a_womans() -> None:
    assert gender("Лейла Гасанова", nominative=True) == "f"
    assert gender("Лейла Гасанова") is None


def test_latin_names_do_not_decline_so_their_ending_tells() -> None:
    assert gender("Mammadova") == "f"
