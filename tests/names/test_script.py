from monitor.names import is_cyrillic, script_of


def test_scripts_of_the_region() -> None:
    assert script_of("Мехман") == "cyrillic"
    assert script_of("Məmmədov") == "latin"
    assert script_of("ამაღლობელი") == "georgian"
    assert script_of("Վարդանյան") == "armenian"


def test_a_latin_word_with_one_cyrillic_look_alike_is_latin() -> None:
    assert script_of("Heіdar") == "latin"
    assert is_cyrillic("Heіdar")
