import pytest

from monitor.names.variants import az_latin, cyrillic, family_spellings, name_spellings, ru_latin


@pytest.mark.parametrize(
    ("name", "gender", "expected"),
    [
        (
            "Mehman Huseynov",
            "m",
            {"Mekhman Guseinov", "Мехман Гусейнов", "Мехмана Гусейнова", "Mehman Hüseynov"},
        ),
        ("Mohyaddin Orujov", "m", {"Mohyaddin Orucov", "Mohyaddin Orudzhev"}),
        ("Bayram Mammadov", "m", {"Bairam Mamedov", "Bayram Məmmədov", "Байраму Мамедову"}),
        ("Ahsan Nuruzade", "m", {"Akhsan Nuruzade", "Ахсан Нурузаде"}),
        ("Tofig Yagublu", "m", {"Тофига Ягублу", "Tofiq Yagublu"}),
        ("Sevinj Vagifgizi", "f", {"Севиндж Вагифгызы"}),
        ("Lala Umudova", "f", {"Лалы Умудовой"}),
    ],
)
def test_outlet_spellings_are_generated(name: str, gender: str, expected: set[str]) -> None:
    assert expected <= set(name_spellings(name, gender))


def test_indeclinable_surname_gets_no_case_endings() -> None:
    spellings = name_spellings("Tofig Yagublu", "m")
    assert not any(s.endswith(("Ягублуа", "Ягублую", "Ягублуом")) for s in spellings)


def test_womans_consonant_first_name_gets_no_case_endings() -> None:
    spellings = name_spellings("Sevinj Vagifgizi", "f")
    assert not any(s.startswith("Севинджа") for s in spellings)


def test_orujov_in_cyrillic_is_written_with_ev() -> None:
    assert "Оруджев" in cyrillic("orujov")


def test_russian_latin_and_azerbaijani_latin() -> None:
    assert ru_latin("huseynov") == "guseinov"
    assert ru_latin("hajiyev") == "gadzhiev"
    assert az_latin("shirinov") == "şirinov"


@pytest.mark.parametrize(
    ("listed", "printed"),
    [
        ("Ahsan Nuruzade", "Ahsan Nuruzadeh"),
        ("Ahsan Nuruzadeh", "Ahsan Nuruzade"),
        ("Ahsan Nuruzade", "Ahsan Nuruzada"),
        ("Eynulla Fatullayev", "Eynullah Fatullayev"),
        ("Eynullah Fatullayev", "Eynulla Fatullaev"),
        ("Heydar Safarov", "Heidar Safarov"),
        ("Rahim Kazimov", "Rakhim Kazimov"),
        ("Rufat Aghayev", "Rufat Agayev"),
        ("Rufat Agayev", "Rufat Aghayev"),
        ("Ali Zeynal", "Ali Zeynalov"),
        ("Ali Zeynalov", "Ali Zeynal"),
    ],
)
def test_the_ruler_gets_every_member_of_a_family(listed: str, printed: str) -> None:
    assert printed in name_spellings(listed, "m")


def test_family_members_of_one_word() -> None:
    assert set(family_spellings("nuruzade")) == {"nuruzadeh", "nuruzada"}
    assert "zeynal" in family_spellings("zeynalov", surname=True)
    assert "zeynal" not in family_spellings("zeynalov", surname=False)
