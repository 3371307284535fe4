import pytest

from monitor.nlp.charges import code_for_article, find_charges


def codes(text: str, lang: str = "en") -> list[str]:
    return [hit.code for hit in find_charges(text, lang)]


def test_phrase_in_a_charge_sentence_is_a_charge() -> None:
    assert codes("The blogger was detained on charges of currency smuggling.") == ["smuggling"]


def test_the_same_phrase_outside_a_charge_context_is_not() -> None:
    assert codes("The minister spoke about the fight against drug trafficking.") == []


def test_a_denied_charge_is_still_reported() -> None:
    assert codes("She denies the fraud allegations brought by investigators.") == ["fraud"]


def test_a_dropped_charge_is_still_reported() -> None:
    assert codes("Prosecutors dropped the hooliganism charge last week.") == ["hooliganism"]


def test_petty_hooliganism_is_not_criminal_hooliganism() -> None:
    assert codes("He got ten days of arrest for petty hooliganism.") == ["petty_hooliganism"]


def test_english_code_reference_maps_to_its_charge() -> None:
    hits = find_charges("He is charged under Article 234.4.3 of the Criminal Code.", "en")
    assert [(h.code, h.article_ref) for h in hits] == [("drug_trafficking", "234.4.3")]


def test_russian_part_and_article_reference() -> None:
    hits = find_charges("Ему вменяют ч. 3 ст. 206 УК АР.", "ru")
    assert [(h.code, h.article_ref) for h in hits] == [("smuggling", "206.3")]


def test_russian_phrase_in_case_form() -> None:
    assert codes("Его обвиняют в незаконном обороте наркотиков.", "ru") == ["drug_trafficking"]


def test_administrative_charges_in_russian() -> None:
    text = "Суд признал его виновным в мелком хулиганстве и неповиновении полиции."
    assert codes(text, "ru") == ["petty_hooliganism", "disobeying_police"]


def test_convention_article_is_not_a_charge() -> None:
    assert codes("The court found a breach of Article 5 of the European Convention.") == []


def test_foreign_code_article_is_other() -> None:
    assert codes("He was convicted under Article 234 of the Criminal Code of Georgia.") == ["other"]


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ("206.3.2", "smuggling"),
        ("193-1.3.2", "money_laundering"),
        ("274", "treason"),
        ("999", "other"),
    ],
)
def test_article_numbers_map_to_codes(ref: str, code: str) -> None:
    from monitor.nlp.charges import charge_rules

    assert code_for_article(ref, charge_rules("en").articles) == code


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("She was detained for disobeying a lawful order of the police.", "disobeying_police"),
        ("He was convicted of illegally carrying a pistol.", "weapons"),
        ("The activist was given four years for hooliganism.", "hooliganism"),
    ],
)
def test_charges_in_less_common_words(sentence: str, code: str) -> None:
    assert codes(sentence) == [code]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            "Его осудили за неповиновение законному требованию полиции.",
            "disobeying_police",
        ),
        (
            "Ей предъявили обвинение в легализации средств, добытых преступным путем.",
            "money_laundering",
        ),
        ("He is accused of using violence against law enforcers.", "violence_against_officials"),
        ("She was sentenced for public calls against the state.", "calls_against_state"),
        ("He is charged with legalising money obtained by criminal means.", "money_laundering"),
    ],
)
def test_charges_in_their_usual_words(sentence: str, code: str) -> None:
    lang = "ru" if any("а" <= ch <= "я" for ch in sentence.lower()) else "en"
    assert codes(sentence, lang) == [code]
