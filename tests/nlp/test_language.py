from monitor.nlp.language import detect_language


def test_english_text_is_english() -> None:
    assert detect_language("The court in Baku sentenced the blogger to four years.") == "en"


def test_russian_text_is_russian() -> None:
    assert detect_language("Суд в Баку приговорил блогера к четырем годам.") == "ru"


def test_azerbaijani_latin_text_is_azerbaijani() -> None:
    assert detect_language("Jurnalist məhkəmə qərarı ilə həbs edilib.") == "az"


def test_georgian_script_is_georgian() -> None:
    assert detect_language("სასამართლომ ჟურნალისტი დააპატიმრა") == "ka"


def test_text_without_letters_is_undetermined() -> None:
    assert detect_language("2025 — 17:45") == "und"
