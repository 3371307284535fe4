"""How rule patterns are compiled: at word starts, optionally whole words, any case."""

from monitor.nlp.resources import compile_any, compile_words


def test_word_patterns_match_only_at_a_word_start() -> None:
    pattern = compile_words(["arrest\\w*", "detain\\w*"])
    assert pattern is not None
    assert pattern.search("Police Detained him") is not None
    assert pattern.search("a prearrest hearing") is None


def test_whole_word_patterns_end_at_a_word_end_and_try_the_next_alternative() -> None:
    pattern = compile_words(["not", "not\\s+yet"], whole=True)
    assert pattern is not None
    assert pattern.search("notable") is None
    found = pattern.search("He has not yet been freed")
    assert found is not None and found.group() == "not"


def test_no_patterns_compile_to_nothing() -> None:
    assert compile_words([]) is None
    assert compile_any([]) is None
