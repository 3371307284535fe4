from monitor.nlp.names import feminine_form, nominative, split_patronymic, surname_key


def test_masculine_genitive_to_nominative() -> None:
    assert nominative(("Эльнура", "Гасанова"), ("Gen", "Gen")) == "Эльнур Гасанов"


def test_masculine_dative_to_nominative() -> None:
    assert nominative(("Эльнуру", "Гасанову"), ("Dat", "Dat")) == "Эльнур Гасанов"


def test_feminine_stays_feminine() -> None:
    assert nominative(("Лейла", "Гасанова"), ("Nom", "Nom")) == "Лейла Гасанова"
    assert nominative(("Лейлы", "Гасановой"), ("Gen", "Gen")) == "Лейла Гасанова"


def test_instrumental_surname_alone() -> None:
    assert nominative(("Гасановым",), ("Ins",)) == "Гасанов"


def test_patronymic_is_kept_apart_from_the_name() -> None:
    parts = split_patronymic(["Tofig", "Rza", "oglu", "Hasanov"])
    assert parts.words == ("Tofig", "Hasanov")
    assert parts.patronymic == "Rza oglu"


def test_russian_official_order_with_patronymic() -> None:
    parts = split_patronymic(["Гасанов", "Тофиг", "Рза", "оглы"])
    assert parts.words == ("Тофиг", "Гасанов")
    assert parts.patronymic == "Рза оглы"


def test_case_forms_share_a_surname_key() -> None:
    assert surname_key("Гасановым") == surname_key("Гасанову") == surname_key("Гасанов")


def test_russian_epithets_in_any_case_are_no_part_of_a_name() -> None:
    from monitor.nlp.names import strip_titles

    assert strip_titles(["Активиста", "Бахтияра", "Гаджиева"]) == ["Бахтияра", "Гаджиева"]
    assert strip_titles(["Jailed", "Blogger", "Rauf", "Ismayilov"]) == ["Rauf", "Ismayilov"]


def test_a_womans_name_read_as_a_genitive_stays_hers_when_another_form_is_feminine() -> None:
    # "адвокат журналиста Айтен Мусаева" is tagged genitive; "Мусаевой" elsewhere tells
    assert nominative(("Айтен", "Мусаева"), ("Gen", "Gen")) == "Айтен Мусаев"
    assert nominative(("Айтен", "Мусаева"), ("Gen", "Gen"), feminine=True) == "Айтен Мусаева"


def test_only_oi_endings_are_surely_feminine() -> None:
    assert feminine_form("Мусаевой") and not feminine_form("Мусаева")
