from monitor.names import gender, nominative, surname_key


def test_masculine_genitive_to_nominative() -> None:
    assert nominative(("Эльнура", "Гасанова"), ("Gen", "Gen")) == "Эльнур Гасанов"


def test_masculine_dative_to_nominative() -> None:
    assert nominative(("Эльнуру", "Гасанову"), ("Dat", "Dat")) == "Эльнур Гасанов"


def test_feminine_stays_feminine() -> None:
    assert nominative(("Лейла", "Гасанова"), ("Nom", "Nom")) == "Лейла Гасанова"
    assert nominative(("Лейлы", "Гасановой"), ("Gen", "Gen")) == "Лейла Гасанова"


def test_instrumental_surname_alone() -> None:
    assert nominative(("Гасановым",), ("Ins",)) == "Гасанов"


def test_case_forms_share_a_surname_key() -> None:
    assert surname_key("Гасановым") == surname_key("Гасанову") == surname_key("Гасанов")


def test_a_womans_name_read_as_a_genitive_stays_hers_when_another_form_is_feminine() -> None:
    # "адвокат журналиста Айтен Мусаева" is tagged genitive; "Мусаевой" elsewhere tells
    assert nominative(("Айтен", "Мусаева"), ("Gen", "Gen")) == "Айтен Мусаев"
    assert nominative(("Айтен", "Мусаева"), ("Gen", "Gen"), feminine=True) == "Айтен Мусаева"


def test_only_oi_endings_are_surely_feminine() -> None:
    assert gender("Мусаевой") == "f"
    assert gender("Мусаева") is None


def test_a_surname_of_no_family_declines_in_the_case_the_given_name_shows() -> None:
    assert nominative(("Ашота", "Саргсяна"), ("Gen", "Gen")) == "Ашот Саргсян"
    assert nominative(("Араику", "Арутюняну"), ("Dat", "Dat")) == "Араик Арутюнян"
    assert nominative(("Ганимата", "Захида"), ("Gen", "Gen")) == "Ганимат Захид"


def test_an_indeclinable_surname_keeps_its_vowel_after_a_declined_given_name() -> None:
    assert nominative(("Тофигу", "Ягублу"), ("Dat", "Dat")) == "Тофиг Ягублу"
    assert nominative(("Хафиза", "Бабалы"), ("Gen", "Gen")) == "Хафиз Бабалы"


def test_a_womans_surname_of_no_family_never_changes() -> None:
    assert nominative(("Лейлы", "Юнус"), ("Gen", "Gen")) == "Лейла Юнус"
