from monitor.names import is_patronymic, looks_like_surname, split_patronymic


def test_patronymic_is_kept_apart_from_the_name() -> None:
    parts = split_patronymic(["Tofig", "Rza", "oglu", "Hasanov"])
    assert parts.words == ("Tofig", "Hasanov")
    assert parts.patronymic == "Rza oglu"


def test_russian_official_order_with_patronymic() -> None:
    parts = split_patronymic(["Гасанов", "Тофиг", "Рза", "оглы"])
    assert parts.words == ("Тофиг", "Гасанов")
    assert parts.patronymic == "Рза оглы"


def test_a_russian_patronymic_is_taken_out_of_a_three_word_name() -> None:
    parts = split_patronymic(["Ильхам", "Гейдарович", "Алиев"])
    assert parts.words == ("Ильхам", "Алиев")
    assert parts.patronymic == "Гейдарович"


def test_a_marker_joined_to_the_fathers_name_is_a_patronymic() -> None:
    assert is_patronymic("Vagifoglu")
    assert is_patronymic("Вагифгызы")
    assert not is_patronymic("Vagif")


def test_surname_shapes_in_four_scripts() -> None:
    for word in ["Orujov", "Гасанли", "Nuruzadeh", "ამაღლობელი", "Վարդանյան"]:
        assert looks_like_surname(word), word
    assert not looks_like_surname("Mehman")
