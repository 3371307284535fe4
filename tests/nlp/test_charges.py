"""Charges as real indictments word them, in English and Russian (sentences of our own)."""

import pytest

from monitor.nlp.charges import code_for_article, find_charges


def codes(text: str, lang: str = "en") -> list[str]:
    return [hit.code for hit in find_charges(text, lang)]


def refs(text: str, lang: str = "en") -> list[tuple[str, str | None]]:
    return [(hit.code, hit.article_ref) for hit in find_charges(text, lang)]


def lang_of(text: str) -> str:
    return "ru" if any("а" <= ch <= "я" for ch in text.lower()) else "en"


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
    hits = refs("He is charged under Article 234.4.3 of the Criminal Code.")
    assert hits == [("drug_trafficking", "234.4.3")]


def test_russian_part_and_article_reference() -> None:
    assert refs("Ему вменяют ч. 3 ст. 206 УК АР.", "ru") == [("smuggling", "206.3")]


def test_russian_phrase_in_case_form() -> None:
    assert codes("Его обвиняют в незаконном обороте наркотиков.", "ru") == ["drug_trafficking"]


def test_administrative_charges_in_russian() -> None:
    text = "Суд признал его виновным в мелком хулиганстве и неповиновении полиции."
    assert codes(text, "ru") == ["petty_hooliganism", "disobeying_police"]


def test_convention_article_is_not_a_charge() -> None:
    assert codes("The court found a breach of Article 5 of the European Convention.") == []


def test_constitution_article_is_not_a_charge() -> None:
    text = "He was arrested, although Article 47 of the Constitution guarantees free speech."
    assert codes(text) == []


def test_article_the_georgian_code_does_not_list_is_other() -> None:
    assert codes("He was convicted under Article 234 of the Criminal Code of Georgia.") == ["other"]


@pytest.mark.parametrize(
    ("ref", "country", "code"),
    [
        ("206.3.2", "AZ", "smuggling"),
        ("193-1.3.2", "AZ", "money_laundering"),
        ("274", "AZ", "treason"),
        ("318", "AZ", "illegal_border_crossing"),
        ("213", "AZ", "tax_evasion"),
        ("228", "AZ", "weapons"),
        ("999", "AZ", "other"),
        ("318", "RU", "violence_against_officials"),
        ("213", "RU", "hooliganism"),
        ("228.1", "RU", "drug_trafficking"),
        ("282", "RU", "incitement"),
        ("282.2", "RU", "terrorism"),
        ("212", "RU", "mass_disorder"),
        ("353", "GE", "violence_against_officials"),
        ("260", "GE", "drug_trafficking"),
    ],
)
def test_an_article_number_means_what_its_country_code_says(
    ref: str, country: str, code: str
) -> None:
    assert code_for_article(ref, country) == code


@pytest.mark.parametrize(("ref", "country"), [("32", "AZ"), ("33", "RU"), ("30", "RU")])
def test_an_article_of_the_general_part_is_no_charge(ref: str, country: str) -> None:
    assert code_for_article(ref, country) is None


# --- whose code: the code named after the article, else the country the text names


def test_russian_code_named_after_the_article() -> None:
    assert refs("Ему предъявлено обвинение по ч. 2 ст. 318 УК РФ.", "ru") == [
        ("violence_against_officials", "318.2")
    ]


def test_russian_code_named_in_english() -> None:
    text = "He was charged under Article 318 of the Russian Criminal Code."
    assert codes(text) == ["violence_against_officials"]


def test_russian_article_told_by_where_the_case_is() -> None:
    text = "Ингушского активиста осудили по ч. 1 ст. 318 УК за стычку на митинге в Магасе."
    assert codes(text, "ru") == ["violence_against_officials"]


def test_the_same_number_in_an_azerbaijani_case_is_border_crossing() -> None:
    text = "A Baku court charged the journalist under Article 318.2 of the Criminal Code."
    assert codes(text) == ["illegal_border_crossing"]


def test_the_whole_text_tells_the_country_when_the_sentence_does_not() -> None:
    text = (
        "Police in Dagestan detained a blogger from Makhachkala on Monday.\n"
        "He is charged under Part 1 of Article 212 of the Criminal Code."
    )
    assert codes(text) == ["mass_disorder"]


def test_a_code_name_the_text_never_backs_is_a_slip() -> None:
    text = (
        "Суд в Баку арестовал экономиста, сотрудника издания, которого обвиняют "
        "по статье 206.3.2 УК РА."
    )
    assert ("smuggling", "206.3.2") in refs(text, "ru")


def test_complicity_article_beside_the_charge_adds_nothing() -> None:
    text = "Активистов из Ингушетии осудили по ч. 3 ст. 33, ч. 2 ст. 318 УК РФ."
    assert refs(text, "ru") == [("violence_against_officials", "318.2")]


def test_part_of_an_article_is_not_another_article() -> None:
    assert codes("Блогера обвинили по ч. 2 ст. 282 УК РФ.", "ru") == ["incitement"]
    assert codes("Блогера обвинили по ч. 1 ст. 282.2 УК РФ.", "ru") == ["terrorism"]


def test_georgian_code_article() -> None:
    text = "She was found guilty under Part 1 of Article 353 of the Criminal Code of Georgia."
    assert codes(text) == ["violence_against_officials"]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Его оштрафовали по ст. 19.3 КоАП РФ.", "disobeying_police"),
        ("Его арестовали на 10 суток по ч. 1 ст. 20.1 КоАП РФ.", "petty_hooliganism"),
        ("На активиста составили протокол по ст. 20.2 КоАП РФ.", "other"),
        (
            "He was fined under Article 535.1 of the Code of Administrative Offences.",
            "disobeying_police",
        ),
    ],
)
def test_administrative_code_articles(sentence: str, code: str) -> None:
    assert codes(sentence, lang_of(sentence)) == [code]


def test_a_list_of_articles_with_their_glosses() -> None:
    """Each article is read by its number; its gloss is part of what it cites."""
    text = (
        "She was charged under Articles 178.3.2. (fraud on an especially large scale), "
        "192.2.2.(Illegal business yielding a large income), 213.2.2.(Evasion of taxes "
        "on a large scale) and 320.1. (forging official papers)."
    )
    assert refs(text) == [
        ("fraud", "178.3.2"),
        ("illegal_entrepreneurship", "192.2.2"),
        ("tax_evasion", "213.2.2"),
        ("forgery", "320.1"),
    ]


def test_a_figure_inside_a_gloss_is_no_article() -> None:
    text = "A case was opened under Article 213.2 (tax evasion above AZN 500 000) of the Code."
    assert refs(text) == [("tax_evasion", "213.2")]


# --- charges outside the table are `other`, beside the coded ones


@pytest.mark.parametrize(
    "sentence",
    [
        "Police opened a criminal case against the editor for extortion.",
        "Против редактора возбудили уголовное дело о вымогательстве.",
        "The former minister is accused of war crimes and crimes against peace.",
        "Бывшего министра обвиняют в военных преступлениях и геноциде.",
        "He was convicted of the murder of a neighbour.",
        "Позже выяснилось, что он совершил убийство из мести.",
        "The director is accused of illegal construction on his land.",
        "Его обвинили в уклонении от военной службы.",
        "He is wanted by Baku for blackmail.",
        "Журналист разыскивается властями за вымогательство.",
    ],
)
def test_a_named_charge_outside_the_table_is_other(sentence: str) -> None:
    assert set(codes(sentence, lang_of(sentence))) == {"other"}


def test_other_stands_beside_a_coded_charge() -> None:
    text = "He was charged with smuggling and with illegal construction."
    assert sorted(codes(text)) == ["other", "smuggling"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Братьев из Чечни обвиняют в участии в незаконном вооруженном формировании.", "terrorism"),
        ("Two men from Chechnya are accused of joining an illegal armed group.", "terrorism"),
        ("The Baku court charged him with creating illegal armed groups.", "other"),
    ],
)
def test_an_illegal_armed_group_is_terrorism_in_russia_and_other_elsewhere(
    text: str, code: str
) -> None:
    assert codes(text, lang_of(text)) == [code]


# --- the vocabulary of real indictments


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("She was detained for disobeying a lawful order of the police.", "disobeying_police"),
        ("Его оштрафовали за неподчинение полицейским.", "disobeying_police"),
        ("He was convicted of illegally carrying a pistol.", "weapons"),
        ("The activist was given four years for hooliganism.", "hooliganism"),
        ("The politician was sentenced in a case of disorderly conduct.", "hooliganism"),
        ("Его осудили за неповиновение законному требованию полиции.", "disobeying_police"),
        (
            "Ей предъявили обвинение в легализации средств, добытых преступным путем.",
            "money_laundering",
        ),
        ("He is charged with legalising money obtained by criminal means.", "money_laundering"),
        ("He is accused of using violence against law enforcers.", "violence_against_officials"),
        (
            "They were charged with organising violence dangerous to the life or health of "
            "representatives of the authorities.",
            "violence_against_officials",
        ),
        ("He was also convicted of resisting arrest.", "violence_against_officials"),
        ("Их осудили за насилие в отношении силовиков.", "violence_against_officials"),
        ("Его признали виновным в сопротивлении при задержании.", "violence_against_officials"),
        ("Её судят по делу о нападении на начальника полиции.", "violence_against_officials"),
        ("She was sentenced for public calls against the state.", "calls_against_state"),
        ("He was arrested on suspicion of plotting a coup.", "calls_against_state"),
        (
            "He is accused of acting against Azerbaijan's territorial integrity.",
            "calls_against_state",
        ),
        ("Их обвинили в подготовке государственного переворота.", "calls_against_state"),
        ("Его осудили за незаконный переход границы.", "illegal_border_crossing"),
        ("He was convicted of crossing the border illegally.", "illegal_border_crossing"),
        ("Следствие возбудило уголовное дело о беспорядках в городе.", "mass_disorder"),
        ("Бывшего главу района обвиняют в хищении бюджетных средств.", "fraud"),
        ("The court convicted him of embezzlement.", "fraud"),
        ("Ему вменяют уклонение от налогов.", "tax_evasion"),
        ("He is charged with evasion from paying taxes.", "tax_evasion"),
        ("The prosecutor charged her with forgery.", "forgery"),
        ("Его обвиняют в использовании подложных документов.", "forgery"),
        ("He was charged with abuse of his official position.", "abuse_of_office"),
        ("Чиновника обвинили в злоупотреблении служебным положением.", "abuse_of_office"),
        ("The official was arrested for taking bribes.", "bribery"),
        ("Ему вменяют получение взятки.", "bribery"),
        ("They were charged with money laundering.", "money_laundering"),
        ("Их обвиняют в отмывании доходов.", "money_laundering"),
        ("He was charged with illegal entrepreneurship.", "illegal_entrepreneurship"),
        (
            "Его обвинили в незаконной предпринимательской деятельности.",
            "illegal_entrepreneurship",
        ),
        ("Журналистов обвиняют в контрабанде валюты.", "smuggling"),
        (
            "He was charged with legalization of money or other property obtained by "
            "criminal means.",
            "money_laundering",
        ),
        (
            "She is accused of using violence against a government official.",
            "violence_against_officials",
        ),
        (
            "Его обвиняют в применении насилия, опасного для жизни и здоровья, в отношении "
            "представителя власти.",
            "violence_against_officials",
        ),
        ("Их обвинили в государственной измене.", "treason"),
        ("He was arrested for illegal acquisition and storage of weapons.", "weapons"),
        ("He is charged with inciting hatred and enmity.", "incitement"),
        ("They were convicted of taking part in mass unrest.", "mass_disorder"),
        ("Активиста обвинили в создании экстремистского сообщества.", "terrorism"),
    ],
)
def test_charges_in_the_words_of_real_indictments(sentence: str, code: str) -> None:
    assert codes(sentence, lang_of(sentence)) == [code]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("She is serving a six-year term for illegally possessing a firearm.", "weapons"),
        (
            "He was given two and a half years for allegedly punching a police officer.",
            "violence_against_officials",
        ),
    ],
)
def test_a_term_given_or_served_makes_a_charge_context(sentence: str, code: str) -> None:
    assert codes(sentence) == [code]


def test_election_fraud_is_no_charge() -> None:
    text = "Activists were arrested so that they could not expose the fraud in the elections."
    assert codes(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Customs officers stopped the smuggling of a big load of heroin at the border.",
            ["drug_trafficking", "smuggling"],
            id="drug smuggling is both charges",
        ),
        pytest.param(
            "Его задержали по подозрению в контрабанде наркотиков.",
            ["drug_trafficking", "smuggling"],
            id="контрабанда наркотиков is both charges",
        ),
        pytest.param(
            "A court gave him 15 days of arrest for hooliganism.",
            ["petty_hooliganism"],
            id="hooliganism punished by days of arrest is petty",
        ),
        pytest.param(
            "Суд арестовал его на 10 суток за хулиганство.",
            ["petty_hooliganism"],
            id="хулиганство punished by сутки of arrest is petty",
        ),
        pytest.param(
            "According to the ministry, the fisherman was engaged in drug trafficking.",
            ["drug_trafficking"],
            id="a crime someone was engaged in is a charge",
        ),
        pytest.param(
            "Полиция изъяла у него крупную партию наркотиков.",
            ["drug_trafficking"],
            id="a seizure tells of a charge",
        ),
    ],
)
def test_what_the_sentence_tells_of_the_act_decides_the_charges(
    sentence: str, expected: list[str]
) -> None:
    assert sorted(codes(sentence, lang_of(sentence))) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The five were charged with organising group violence.", "en"),
        ("Им предъявлено обвинение в организации группового насилия.", "ru"),
        ("Всех обвинили в руководстве групповыми насильственными действиями.", "ru"),
        (
            "Их признали виновными в групповых действиях, нарушающих общественный порядок.",
            "ru",
        ),
    ],
)
def test_group_violence_of_the_georgian_code_is_mass_disorder(text: str, lang: str) -> None:
    assert codes(text, lang) == ["mass_disorder"]


def test_keeping_and_carrying_a_firearm_is_a_weapons_charge() -> None:
    text = (
        "Его задержали по обвинению в незаконном приобретении, хранении и ношении "
        "огнестрельного оружия."
    )
    assert "weapons" in codes(text, "ru")


@pytest.mark.parametrize(
    "text",
    [
        "The farmers were found guilty of assaulting law enforcers at the rally.",
        "The student was convicted of using violence towards a law enforcer.",
        "The teacher was charged with using violence against the authorities.",
    ],
)
def test_violence_against_law_enforcers_and_the_authorities(text: str) -> None:
    assert codes(text) == ["violence_against_officials"]


@pytest.mark.parametrize(
    "text",
    [
        "The protester was charged with blocking a road during the rally.",
        "The priest was accused of obstructing electoral rights of the villagers.",
        "The organisers were charged with attempting to seize the presidential palace.",
        "Протестующему предъявлено обвинение в блокировании дороги.",
        "Организаторам акции предъявили обвинение в попытке захвата стратегического объекта.",
    ],
)
def test_charges_outside_the_table_are_other(text: str) -> None:
    assert codes(text, lang_of(text)) == ["other"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The archbishop was sentenced for calling for a violent overthrow of the government.",
            "calls_against_state",
        ),
        ("Журналиста ранее судили за антигосударственные призывы.", "calls_against_state"),
        ("Блогер признан виновным в подстрекательстве к беспорядкам.", "mass_disorder"),
    ],
)
def test_calls_and_incitement_to_riots_as_verdicts_word_them(text: str, code: str) -> None:
    assert codes(text, lang_of(text)) == [code]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            "The court convicted the editor of illegal possession, storage and "
            "transportation of firearms.",
            "weapons",
        ),
        ("All five were found guilty of taking part in the violent unrest.", "mass_disorder"),
        (
            "He was also convicted of being violent towards a representative of the authorities.",
            "violence_against_officials",
        ),
        ("The blogger was convicted of resisting authority.", "violence_against_officials"),
        ("Investigators charged the rector with “waste” of public funds.", "fraud"),
        ("He was convicted of offensive action against the state flag.", "other"),
    ],
)
def test_wordings_of_real_indictments(sentence: str, code: str) -> None:
    assert code in codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He was charged with extortion; he says he was slandered by officials.",
        "His wife says he is a victim of slander by officials of the department.",
    ],
)
def test_a_defendant_slandered_is_not_charged_with_defamation(sentence: str) -> None:
    assert "defamation" not in codes(sentence)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "A student was found guilty of using “mild violence” towards a police officer.",
            "violence_against_officials",
        ),
        (
            "The party leader was remanded on charges of attempting to violently seize power.",
            "calls_against_state",
        ),
        (
            "Two couriers were charged with distribution of narcotics through a messenger.",
            "drug_trafficking",
        ),
        ("The shareholder is charged with illegal purchase and storage firearms.", "weapons"),
        (
            "Заключенного обвинили в нападении на сотрудника исправительной колонии.",
            "violence_against_officials",
        ),
    ],
)
def test_indictment_wordings_with_an_adverb_a_quote_or_no_preposition(text: str, code: str) -> None:
    assert codes(text, lang_of(text)) == [code]
