"""Trigger rules, one sentence at a time: which developments a sentence reports."""

from __future__ import annotations

import pytest

from monitor.nlp.events import find_triggers


def affirmed(sentence: str, lang: str = "en") -> set[str]:
    return {hit.type for hit in find_triggers(sentence, lang) if not hit.negated}


@pytest.mark.parametrize(
    "sentence",
    [
        "A judge ordered three months' arrest for the blogger.",
        "The court ordered the economist to be held under arrest for two months.",
        "The poet was remanded in custody until the end of the investigation.",
        "Investigators had the teacher placed in pre-trial detention.",
        "The court chose arrest as a preventive measure for the editor.",
        "His detention was extended by another three months.",
    ],
)
def test_a_court_ordered_custody_is_pretrial_detention_not_arrest(sentence: str) -> None:
    assert affirmed(sentence) == {"pretrial_detention"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Суд арестовал блогера на два месяца.",
        "Суд избрал экономисту меру пресечения в виде ареста.",
        "Срок содержания под стражей поэта продлили на три месяца.",
    ],
)
def test_russian_court_ordered_custody_is_pretrial_detention(sentence: str) -> None:
    assert affirmed(sentence, "ru") == {"pretrial_detention"}


def test_police_detention_and_administrative_arrest_stay_arrests() -> None:
    assert affirmed("Police detained the blogger outside his flat.") == {"arrest"}
    assert affirmed("Блогера арестовали на 15 суток за неповиновение полиции.", "ru") == {"arrest"}


def test_arrest_rulings_and_motions_are_not_arrests() -> None:
    assert "arrest" not in affirmed("The court began examining the arrest motions on Friday.")


def test_a_detention_centre_is_a_place_not_a_development() -> None:
    assert affirmed("The parcel was returned by the pre-trial detention center.") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "If convicted, the blogger could be jailed for up to nine years.",
        "A conviction under this article is punishable by 7 to 12 years in prison.",
        "Rights groups demanded his release.",
        "Colleagues urged the authorities to release the reporter at once.",
        "The economist says he intends to go on hunger strike.",
        "His lawyers will appeal against the ruling.",
    ],
)
def test_possibilities_requests_and_intentions_are_not_events(sentence: str) -> None:
    assert affirmed(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Блогеру грозит до девяти лет лишения свободы.",
        "Правозащитники потребовали освободить экономиста.",
        "Защита намерена обжаловать решение суда.",
    ],
)
def test_russian_possibilities_requests_and_intentions_are_not_events(sentence: str) -> None:
    assert affirmed(sentence, "ru") == set()


def test_a_possibility_in_another_clause_leaves_the_charge_standing() -> None:
    sentence = "She was charged with fraud, which carries up to 10 years in prison."
    assert affirmed(sentence) == {"charge"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Областной суд отклонил жалобу защиты поэта.", "appeal"),
        ("Кассационный суд оставил в силе решение по делу.", "appeal"),
        ("Суд приговорил учителя к шести годам колонии.", "sentence"),
        ("Судья вынес обвинительный приговор экономисту.", "sentence"),
        ("Суд назначил ему наказание в виде пяти лет.", "sentence"),
        ("Очередное заседание по делу прошло во вторник.", "trial"),
        ("Слушание отложили до понедельника.", "trial"),
        ("Поэта этапировали в колонию в Гяндже.", "transfer"),
        ("Блогера перевели в тюремную больницу.", "transfer"),
        ("Экономист объявил голодовку.", "hunger_strike"),
        ("Активиста избили сотрудники колонии.", "ill_treatment"),
        ("Учителя поместили в ШИЗО.", "ill_treatment"),
        ("Журналистку отправили в карцер на десять суток.", "ill_treatment"),
        ("Поэт был помилован указом президента.", "release"),
        ("Блогер вышел на свободу по амнистии.", "release"),
    ],
)
def test_russian_triggers_in_their_inflected_forms(sentence: str, expected: str) -> None:
    assert expected in affirmed(sentence, "ru")


def test_an_upheld_sentence_is_an_appeal_not_a_new_sentence() -> None:
    assert affirmed("The appeal court upheld the verdict against the poet.") == {"appeal"}
    assert affirmed("Апелляционный суд оставил в силе приговор поэту.", "ru") == {"appeal"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The blogger is in poor health, his wife said.",
        "Her health has deteriorated sharply in the colony.",
        "The economist was hospitalised on Friday.",
        "The teacher has been denied medical care for months.",
    ],
)
def test_health(sentence: str) -> None:
    assert "health" in affirmed(sentence)


def test_russian_health() -> None:
    assert "health" in affirmed("Состояние здоровья поэта резко ухудшилось.", "ru")


def test_a_ban_on_calls_to_the_lawyer_is_ill_treatment() -> None:
    assert "ill_treatment" in affirmed("The reporter was banned from phoning her lawyer.")


def test_a_refused_release_or_transfer_to_house_arrest_did_not_happen() -> None:
    assert "release" not in affirmed("Суд отказал активисту в освобождении.", "ru")
    assert "house_arrest" not in affirmed(
        "Апелляционный суд отказал журналистке в переводе под домашний арест.", "ru"
    )


def test_a_convicted_person_is_no_new_sentence() -> None:
    assert "sentence" not in affirmed("Осужденного журналиста перевели в колонию.", "ru")
    assert "sentence" in affirmed("Журналист был осужден на пять лет.", "ru")


def test_an_extended_detention_is_pretrial_detention() -> None:
    assert "pretrial_detention" in affirmed("Court extends detention of the activist.")


def test_a_ban_on_calls_is_ill_treatment() -> None:
    assert "ill_treatment" in affirmed("В колонии ей не разрешают звонить семье.", "ru")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Суд приговорил активиста к 30 суткам административного ареста, признав виновным.", "ru"),
        ("The court found him guilty and sentenced him to 15 days of administrative arrest.", "en"),
    ],
)
def test_an_administrative_arrest_ruling_is_an_arrest_not_a_sentence(
    sentence: str, lang: str
) -> None:
    found = affirmed(sentence, lang)
    assert "arrest" in found and "sentence" not in found


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Guards beat him and slapped his cellmate.", "en", "ill_treatment"),
        ("Officers dragged the blogger along the corridor.", "en", "ill_treatment"),
        ("Его трижды водворяли в штрафной изолятор.", "ru", "ill_treatment"),
        ("The activist was taken from Prison No. 12 to a colony near Ganja.", "en", "transfer"),
        ("Поэта доставили в колонию в Гобустане.", "ru", "transfer"),
        ("His condition has grown much worse since March.", "en", "health"),
        ("The prison refused to let a cardiologist examine the poet.", "en", "health"),
        ("Администрация не допускает к нему врача.", "ru", "health"),
        ("He is serving a nine-year prison term.", "en", "sentence"),
        ("Она провела 15 суток под административным арестом.", "ru", "arrest"),
    ],
)
def test_developments_in_less_common_words(sentence: str, lang: str, expected: str) -> None:
    assert expected in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("A nurse checks his blood pressure once a week.", "en"),
        ("Адвокат заявил об угрозе его здоровью.", "ru"),
    ],
)
def test_blood_pressure_and_a_threat_to_health_are_not_ill_treatment(
    sentence: str, lang: str
) -> None:
    assert "ill_treatment" not in affirmed(sentence, lang)


def test_a_short_aside_does_not_free_a_trigger_from_the_intention_before_it() -> None:
    sentence = "She will complain to the prosecutor and, if needed, to the European Court."
    assert "appeal" not in affirmed(sentence)


def test_freedom_in_a_name_is_no_release() -> None:
    sentence = 'The Union "For Freedom for Political Prisoners" keeps a list of 380 names.'
    assert "release" not in affirmed(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Его задержали и обвинили в мошенничестве.", "ru"),
        ("Следствие вменило блогеру контрабанду.", "ru"),
        ("Investigators handed the three an amended indictment.", "en"),
    ],
)
def test_charges_brought_in_other_words(sentence: str, lang: str) -> None:
    assert "charge" in affirmed(sentence, lang)


def test_money_transferred_is_no_transfer_of_a_prisoner() -> None:
    assert "transfer" not in affirmed("He is accused of having transferred money to a fund.")


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("В полиции его били дубинками.", "ru", "ill_treatment"),
        ("Адвоката к нему не пускают уже неделю, сообщила жена.", "ru", "ill_treatment"),
        ("На свидания с матерью разрешения не дают.", "ru", "ill_treatment"),
        ("Her requests for family visits have all been refused.", "en", "ill_treatment"),
        ("Guards carry out searches of her cell almost every night.", "en", "ill_treatment"),
        ("The poet got four years in a general-regime colony.", "en", "sentence"),
        ("Суд отправил блогера под арест на четыре месяца.", "ru", "pretrial_detention"),
        ("Активистке продлили арест еще на три месяца.", "ru", "pretrial_detention"),
        ("В пятницу журналистка вышла из-под домашнего ареста.", "ru", "release"),
        ("Ей вменили незаконное предпринимательство.", "ru", "charge"),
        (
            "The court ruled to keep them behind bars for three more months.",
            "en",
            "pretrial_detention",
        ),
        ("Она уже месяц жалуется на давление.", "ru", "health"),
        ("He was detained in May 2022 and charged with fraud.", "en", "charge"),
        ("On Monday investigators charged the blogger under Article 206.", "en", "charge"),
        ("Его задержали в мае, обвинив в хранении наркотиков.", "ru", "charge"),
        ("She walked out of Correctional Facility No. 4 in the evening.", "en", "release"),
        (
            "На свободу выходят активист Эмин Багиров и журналистка Нигяр Исмаилова.",
            "ru",
            "release",
        ),
        ("У нее резко поднимается давление.", "ru", "health"),
        ("His requests to be examined by a doctor had been ignored.", "en", "health"),
    ],
)
def test_more_developments_in_their_usual_words(sentence: str, lang: str, expected: str) -> None:
    assert expected in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "absent"),
    [
        ("The defence has appealed against the arrest.", "en", "appeal"),
        ("His lawyer filed an appeal on Monday.", "en", "appeal"),
        ("Приговор я буду обжаловать, сказала она.", "ru", "appeal"),
        ("Защита подала апелляционную жалобу.", "ru", "appeal"),
        ("The blogger will await trial under house arrest.", "en", "trial"),
        ("He is waiting to be sent to a colony.", "en", "transfer"),
        ("Она уже месяц жалуется на давление.", "ru", "ill_treatment"),
        ("В пятницу журналистка вышла из-под домашнего ареста.", "ru", "house_arrest"),
    ],
)
def test_what_has_not_happened_or_is_something_else_is_no_such_development(
    sentence: str, lang: str, absent: str
) -> None:
    assert absent not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "absent"),
    [
        ("Ему вменяют публичное оправдание терроризма.", "ru", "release"),
        ("Близкие рассчитывали на амнистию, но его в список не включили.", "ru", "release"),
        ("После аварии пострадавших доставили в больницу.", "ru", "transfer"),
        ("The journalist was taken to hospital after a heart attack.", "en", "transfer"),
        ("He was taken to the prison hospital after a heart attack.", "en", "transfer"),
        ("After the hearing the blogger was taken to the detention centre.", "en", "transfer"),
        ("The prison service said his health was satisfactory.", "en", "health"),
        ("Он писал о пытках в полиции.", "ru", "ill_treatment"),
        ("Его наказывают за то, что после освобождения он не замолчал.", "ru", "release"),
        (
            "Суд назначил ему наказание с учетом срока содержания под стражей.",
            "ru",
            "pretrial_detention",
        ),
    ],
)
def test_words_that_only_look_like_developments(sentence: str, lang: str, absent: str) -> None:
    assert absent not in affirmed(sentence, lang)


def states(sentence: str, lang: str = "en") -> set[str]:
    return {hit.type for hit in find_triggers(sentence, lang) if hit.status}


@pytest.mark.parametrize(
    ("sentence", "lang", "type_"),
    [
        (
            "Farid Nabiyev, who is now under house arrest, was not on the list.",
            "en",
            "house_arrest",
        ),
        ("The poet is serving a nine-year prison term in Colony No. 13.", "en", "sentence"),
        ("A believer who had spent more than nine years in prison died.", "en", "sentence"),
        (
            "The health of a Toplum TV co-founder held in pretrial detention has worsened.",
            "en",
            "pretrial_detention",
        ),
        (
            "Набиев, который сейчас находится под домашним арестом, подал жалобу.",
            "ru",
            "house_arrest",
        ),
    ],
)
def test_a_state_is_reported_but_is_no_new_development(
    sentence: str, lang: str, type_: str
) -> None:
    assert type_ in states(sentence, lang)


def test_who_was_held_in_custody_is_a_state() -> None:
    sentence = "The man, who was held in custody in a drugs case, died on Sunday."
    assert states(sentence) == {"pretrial_detention"}


def test_a_development_is_no_state() -> None:
    assert states("The court placed Farid Nabiyev under house arrest on Monday.") == set()


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The accused were led into the courtroom in handcuffs.", "en"),
        ("Срок содержания обвиняемых под стражей снова продлили.", "ru"),
        ("По версии обвинения, активист хранил оружие дома.", "ru"),
        ("Свидетели обвинения отказались от своих показаний.", "ru"),
        ("Trial of Arman Sargsyan, an engineer charged with espionage, resumed.", "en"),
    ],
)
def test_the_accused_the_prosecution_and_a_description_report_no_charge(
    sentence: str, lang: str
) -> None:
    assert "charge" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The blogger was detained, charged with hooliganism and remanded.", "en"),
        ("Prosecutors accused her of smuggling currency.", "en"),
        ("Его обвинили в контрабанде валюты.", "ru"),
        ("Журналистка обвинена в мошенничестве.", "ru"),
    ],
)
def test_charges_brought_are_reported(sentence: str, lang: str) -> None:
    assert "charge" in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The prosecutor proposed sentencing the blogger to nine years in prison.", "en"),
        ("Both defendants face 5-12 years of imprisonment.", "en"),
        ("Приговор им должны вынести в ближайшие недели.", "ru"),
        ("Статья предполагает наказание от 3 до 12 лет лишения свободы.", "ru"),
    ],
)
def test_a_demand_or_a_possible_term_is_no_sentence(sentence: str, lang: str) -> None:
    assert "sentence" not in affirmed(sentence, lang)


def test_a_verdict_upheld_many_words_later_is_an_appeal_not_a_sentence() -> None:
    sentence = "Приговор в отношении журналистов Sahil News оставлен в силе."
    assert affirmed(sentence, "ru") == {"appeal"}


def test_a_hearing_expected_later_is_not_held() -> None:
    sentence = "The case has gone to court, and the first hearing is expected in June."
    assert "trial" not in affirmed(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Two of the editors each received eight, the third seven and a half.", "en"),
        ("The two former presidents were given life imprisonment.", "en"),
        ("Редактор Анар Гулиев и репортер Нигяр Алиева — к 8 годам.", "ru"),
        ("Активист получил 9 лет колонии строгого режима.", "ru"),
        ("Суд приговорил бывшего министра к пожизненному лишению свободы.", "ru"),
    ],
)
def test_terms_without_a_verb_of_their_own_are_sentences(sentence: str, lang: str) -> None:
    assert "sentence" in affirmed(sentence, lang)


def test_received_letters_is_no_sentence() -> None:
    assert "sentence" not in affirmed("The prisoner received two letters from home.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Суд арестовал шестерых сотрудников издания.",
        "Ранее суд в Баку арестовал журналиста по делу о контрабанде.",
    ],
)
def test_a_court_that_arrests_orders_custody(sentence: str) -> None:
    assert "pretrial_detention" in affirmed(sentence, "ru")


def test_detained_and_then_arrested_are_two_steps() -> None:
    found = affirmed("Семеро активистов задержаны и арестованы.", "ru")
    assert {"arrest", "pretrial_detention"} <= found


def test_a_criminal_case_about_a_crime_is_a_charge_but_not_the_grounds_of_a_verdict() -> None:
    assert "charge" in affirmed("По делу о контрабанде валюты суд арестовал журналиста.", "ru")
    verdict = "Активиста приговорили к 10 годам по делу о наркотиках."
    assert "charge" not in affirmed(verdict, "ru")
    assert "charge" not in affirmed("He was sentenced to six years on charges of treason.")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The appeal hearing of the blogger was adjourned to 28 September.", "en"),
        ("Верховный суд отложил рассмотрение кассационной жалобы активиста.", "ru"),
    ],
)
def test_an_adjourned_appeal_is_a_hearing_not_a_ruling(sentence: str, lang: str) -> None:
    found = affirmed(sentence, lang)
    assert "appeal" not in found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The arrests of Anar Guliyev and Rauf Aliyev were a preventive measure.", "en"),
        ("His lawyer complained of the lack of information about his detention.", "en"),
        ("Обвинения предъявили братьям, задержанным 5 февраля в Казани.", "ru"),
    ],
)
def test_arrests_named_as_nouns_are_arrests(sentence: str, lang: str) -> None:
    assert "arrest" in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "recap"),
    [
        ("Earlier, similar charges were brought against two other reporters.", "en", True),
        ("Ранее аналогичные обвинения предъявили еще двоим журналистам.", "ru", True),
        ("Ранее сегодня суд продлил арест журналиста.", "ru", False),
        ("The court earlier today extended the arrest of the reporter.", "en", False),
    ],
)
def test_an_opening_earlier_makes_a_recap(sentence: str, lang: str, recap: bool) -> None:
    from monitor.nlp.events import is_background_sentence

    assert is_background_sentence(sentence, lang) is recap


def test_a_figurative_preventive_measure_is_no_remand() -> None:
    sentence = "The arrests of the activists were a pre-election preventive measure."
    assert "pretrial_detention" not in affirmed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Гособвинитель запросил 19 лет колонии для журналиста.",
        "Прокурор потребовал приговорить блогера к девяти годам.",
        "Журналисты не были допущены на подготовительное заседание по делу блогера.",
    ],
)
def test_demands_and_hearings_journalists_missed_are_trial(sentence: str) -> None:
    assert "trial" in affirmed(sentence, "ru")


def test_a_pardon_ruled_out_is_no_release() -> None:
    sentence = "The president rejects the possibility of pardoning the former leaders."
    assert "release" not in affirmed(sentence)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Апелляционный суд 9 сентября утвердил приговор фигурантам дела.", {"appeal"}),
        ("Защита обжаловала арест.", set()),
        ("Рассмотрение апелляционной жалобы блогера назначено на 28 сентября.", set()),
    ],
)
def test_appeals_upheld_filed_and_scheduled(sentence: str, found: set[str]) -> None:
    assert affirmed(sentence, "ru") & {"appeal", "sentence"} == found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The historian said the charges against him were groundless.", "en"),
        ("The group condemned the prosecution on trumped-up charges of smuggling.", "en"),
        ("Like him, the others denied the charges brought against them.", "en"),
        ("Адвокат назвал обвинения против журналиста надуманными.", "ru"),
    ],
)
def test_charges_called_false_are_an_opinion_not_news_of_a_charge(sentence: str, lang: str) -> None:
    assert "charge" not in affirmed(sentence, lang)


def test_a_charge_stands_when_the_disputing_words_are_in_another_clause() -> None:
    sentence = "The blogger was charged with fraud, which his party calls fabricated."
    assert "charge" in affirmed(sentence)


def test_charges_named_as_the_grounds_of_a_verdict_are_no_new_charge() -> None:
    sentence = "Журналист был осужден на шесть лет по обвинению в незаконном предпринимательстве."
    assert affirmed(sentence, "ru") == {"sentence"}


def test_a_charge_set_off_by_a_dash_describes_the_defendant() -> None:
    sentence = "The trial of the businessman—charged with financing terrorism—continued on Monday."
    assert affirmed(sentence) == {"trial"}


def test_custody_pending_extradition_is_no_sentence() -> None:
    sentence = "Суд приговорил блогера к трем месяцам содержания под стражей в целях экстрадиции."
    assert affirmed(sentence, "ru") == {"pretrial_detention"}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The businessman is charged with torture, mercenarism and financing terrorism.", "en"),
        ("The list of charges includes deportation (107), torture (113) and mercenarism.", "en"),
        ("The blogger, accused of extortion by threats, stood trial on Monday.", "en"),
        ("Журналиста обвиняют в угрозах и вымогательстве.", "ru"),
    ],
)
def test_a_charge_that_names_a_violence_is_no_ill_treatment(sentence: str, lang: str) -> None:
    assert "ill_treatment" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("He was charged with hooliganism after being beaten by police.", "en"),
        (
            "Богослов, арестованный по обвинению в хранении наркотиков, говорит, что его избивали.",
            "ru",
        ),
    ],
)
def test_ill_treatment_told_after_the_charge_stands(sentence: str, lang: str) -> None:
    assert "ill_treatment" in affirmed(sentence, lang)


def test_trying_is_no_torture() -> None:
    assert "ill_treatment" not in affirmed(
        "Следствие считает, что он пытался влиять на людей.", "ru"
    )
    assert "ill_treatment" in affirmed("Его пытали в отделе полиции.", "ru")


def test_a_health_minister_is_no_news_of_health() -> None:
    assert "health" not in affirmed("The pardon included former Health Minister Ali Insanov.")


def test_a_question_put_off_across_a_dash_is_no_development() -> None:
    sentence = (
        "Вопрос о продлении срока ареста редакторов – Гасанлы и Вагифгызы – отложен на 12 июня."
    )
    assert "pretrial_detention" not in affirmed(sentence, "ru")


def test_taken_into_custody_in_the_courtroom_is_an_arrest() -> None:
    assert affirmed("Он был взят под стражу в зале суда.", "ru") == {"arrest"}


def test_while_in_detention_is_a_state() -> None:
    hits = find_triggers("While in pretrial detention, he went on a hunger strike.", "en")
    assert [h.status for h in hits if h.type == "pretrial_detention"] == [True]


def test_a_prosecutors_request_for_custody_is_no_trial() -> None:
    assert "trial" not in affirmed(
        "Prosecutor Irakli Gelashvili requested the arrest of the accused."
    )


def test_a_prosecutors_demand_for_a_term_is_still_a_trial() -> None:
    assert "trial" in affirmed("Prosecutor Irakli Gelashvili requested nine years for the accused.")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Police charged them with forming a group and violence dangerous to the life or "
            "health of officers.",
            "en",
        ),
    ],
)
def test_health_named_in_a_charge_is_no_health_development(sentence: str, lang: str) -> None:
    assert "health" not in affirmed(sentence, lang)


def test_a_step_told_in_a_participle_apposition_describes_the_person() -> None:
    sentence = (
        "Adam Temirov, sentenced in 2019 on drug charges, was put in a punishment cell for a week."
    )
    hits = {hit.type: hit for hit in find_triggers(sentence, "en")}
    assert hits["sentence"].status
    assert not hits["ill_treatment"].status


def test_a_step_the_sentence_reports_itself_is_no_description() -> None:
    hits = {
        hit.type: hit for hit in find_triggers("Adam Temirov was sentenced to three years.", "en")
    }
    assert not hits["sentence"].status


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The former minister is accused of financing terrorism.", "en"),
        ("Его обвиняют в вымогательстве.", "ru"),
        ("Активисту вменяют участие в экстремистском сообществе.", "ru"),
    ],
)
def test_a_charge_told_in_the_present_is_a_state_not_a_step(sentence: str, lang: str) -> None:
    assert "charge" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("On Monday the activist was charged with hooliganism.", "en"),
        ("В понедельник активисту предъявили обвинение в хулиганстве.", "ru"),
    ],
)
def test_a_charge_told_as_done_is_a_step(sentence: str, lang: str) -> None:
    assert "charge" in affirmed(sentence, lang)


def test_a_dash_closing_a_list_of_names_is_no_description() -> None:
    sentence = (
        "Three organisers—Levan Kapanadze, Nino Beridze and Giorgi Tsiklauri—were charged "
        "with group violence."
    )
    assert "charge" in affirmed(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("His family says he is in critical condition after a suicide attempt.", "en"),
        ("Родные сообщили, что он в тяжелом состоянии.", "ru"),
    ],
)
def test_a_grave_condition_is_health(sentence: str, lang: str) -> None:
    assert "health" in affirmed(sentence, lang)


def test_being_badly_treated_and_kept_from_calling_home_is_ill_treatment() -> None:
    assert "ill_treatment" in affirmed(
        "She said he was badly treated and wasn't allowed to call home."
    )


def test_a_custody_hearing_is_no_trial() -> None:
    assert "trial" not in affirmed(
        "Nobody told his lawyer where he was sent after the custody hearing."
    )


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The arrest was part of the government's pressure on the outlet.", "en"),
        ("He called himself a victim of a provocation.", "en"),
        ("The authorities threatened criminal charges against dozens of activists.", "en"),
        ("Он назвал себя жертвой провокации.", "ru"),
        ("Правозащитники назвали приговор издевательством над правосудием.", "ru"),
    ],
)
def test_words_of_ill_treatment_used_of_a_case_or_an_outlet_are_none(
    sentence: str, lang: str
) -> None:
    assert "ill_treatment" not in affirmed(sentence, lang)


def test_accusing_the_court_is_no_charge() -> None:
    assert "charge" not in affirmed("Активист обвинил суд в выполнении заказа властей.", "ru")


def test_a_russian_prosecutors_proposal_of_a_term_is_a_trial_not_a_sentence() -> None:
    sentence = (
        "Прокуроры, поддерживающие обвинение, выступили с предложением приговорить его "
        "к десяти годам."
    )
    assert affirmed(sentence, "ru") == {"trial"}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("On Monday the court began questioning the prosecution witnesses.", "en"),
        ("The hearing saw the commencement of witness testimonies.", "en"),
        ("Свидетели обвинения дали показания в суде.", "ru"),
    ],
)
def test_witnesses_heard_in_court_are_a_trial(sentence: str, lang: str) -> None:
    assert "trial" in affirmed(sentence, lang)


def test_a_court_sending_someone_to_a_pretrial_prison_is_pretrial_detention() -> None:
    sentence = "Районный суд на два месяца отправил в СИЗО 30-летнего Тимура Алиева."
    assert affirmed(sentence, "ru") == {"pretrial_detention"}


def test_releasing_a_statement_is_no_release() -> None:
    assert "release" not in affirmed("The opposition leader released a statement on Monday.")


def test_a_preventive_measure_of_house_arrest_is_house_arrest_only() -> None:
    sentence = "Суд избрал бывшему министру меру пресечения в виде домашнего ареста на два месяца."
    assert affirmed(sentence, "ru") == {"house_arrest"}


def test_a_machine_translated_dungeon_is_a_punishment_cell() -> None:
    assert "ill_treatment" in affirmed("The activist was placed in the dungeon for 15 days.")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The regional court toughened the verdicts of the six protesters.", "en"),
        ("The sentences of the two farmers were softened on appeal day.", "en"),
        ("A higher court examined complaints against the verdicts of the teachers.", "en"),
        ("As a result, the prison sentence of the poet was reduced from 8 years to 7.", "en"),
        ("Верховный суд смягчил приговор трем студентам.", "ru"),
        ("Осужденные сочли недостаточным смягчение приговора.", "ru"),
        ("Краевой суд ужесточил наказание двум фермерам.", "ru"),
    ],
)
def test_a_verdict_changed_by_a_higher_court_is_an_appeal(sentence: str, lang: str) -> None:
    assert affirmed(sentence, lang) == {"appeal"}


def test_a_sentence_to_months_of_pretrial_detention_is_no_verdict() -> None:
    found = affirmed("The teacher was sentenced to two months of pretrial detention.")
    assert found == {"pretrial_detention"}


def test_a_sentence_to_about_a_month_is_an_administrative_arrest() -> None:
    found = affirmed("A district court sentenced the reporter to almost a month in prison.")
    assert found == {"arrest"}


def test_a_convicted_person_named_as_such_is_no_new_sentence() -> None:
    assert affirmed("Friends held a vigil in support of the convicted poet.") == set()


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("In a video recording released by a local outlet, the poet spoke of dizziness.", "en"),
        ("Журнал выпустил лонгрид о поэте через месяц после протестов.", "ru"),
    ],
)
def test_publishing_is_no_release(sentence: str, lang: str) -> None:
    assert "release" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The judge acquitted the blogger on one count but gave him a year of labour.", "en"),
        ("Суд оправдал блогера по статье о клевете, но назначил ему год работ.", "ru"),
    ],
)
def test_an_acquittal_on_one_count_is_no_release(sentence: str, lang: str) -> None:
    assert "release" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    "sentence",
    [
        "Во время судебного процесса учитель заявил о давлении следствия.",
        "Журналистов пустили на процесс по иску полковника к блогеру.",
    ],
)
def test_russian_a_court_process_is_a_trial(sentence: str) -> None:
    assert "trial" in affirmed(sentence, "ru")


def test_terms_cut_by_half_under_a_pardon_are_no_appeal() -> None:
    found = affirmed("The remaining terms of the others are cut by half under the pardon.")
    assert "appeal" not in found


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The blogger says he has faced pressure from the police for years.", "en"),
        ("Her colleagues called the raid on the newsroom harassment.", "en"),
        ("The editor had received threats over his reports on the mayor.", "en"),
        ("Власти усилили давление на независимых журналистов региона.", "ru"),
        ("Активист рассказал об угрозах после публикации расследования.", "ru"),
    ],
)
def test_pressure_on_a_free_person_is_no_ill_treatment(sentence: str, lang: str) -> None:
    assert "ill_treatment" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("In the colony the guards put pressure on him to sign a confession.", "en"),
        ("His cellmates harassed him on the orders of the prison staff.", "en"),
        ("В СИЗО на него оказывают давление, чтобы он признал вину.", "ru"),
        ("Сотрудники колонии угрожали заключенному расправой.", "ru"),
    ],
)
def test_pressure_in_custody_is_ill_treatment(sentence: str, lang: str) -> None:
    assert "ill_treatment" in affirmed(sentence, lang)


def test_torture_needs_no_word_of_custody() -> None:
    assert "ill_treatment" in affirmed("The activist says police officers tortured him.")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The verdict will be announced on 27 February.", "en"),
        ("Приговор огласят 27 февраля.", "ru"),
        ("Приговор будет оглашен в пятницу.", "ru"),
    ],
)
def test_a_verdict_still_to_be_announced_is_no_sentence(sentence: str, lang: str) -> None:
    assert "sentence" not in affirmed(sentence, lang)


@pytest.mark.parametrize(
    "sentence",
    [
        "Three of them received sentences shorter than the time they had spent in custody.",
        "The remaining defendants were jailed for between 10 and 23 years.",
    ],
)
def test_terms_told_without_the_word_sentenced_are_sentences(sentence: str) -> None:
    assert "sentence" in affirmed(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Security officers abducted the blogger outside his home.", "en", "arrest"),
        ("Модератора чата похитили силовики.", "ru", "arrest"),
        ("The abducted activist was later found to have been killed.", "en", "death"),
        ("Блогер был убит после похищения.", "ru", "death"),
    ],
)
def test_abductions_and_killings_of_critics(sentence: str, lang: str, expected: str) -> None:
    assert expected in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Officials have used violence against the prisoners in their power.", "en"),
        ("Violence has been used by officials against those in their custody.", "en"),
        ("Сотрудники изолятора применили к нему физическое насилие.", "ru"),
    ],
)
def test_violence_used_against_prisoners_is_ill_treatment(sentence: str, lang: str) -> None:
    assert "ill_treatment" in affirmed(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Студенту дали 10 лет за надпись на памятнике.", "sentence"),
        ("Суд рассмотрел дело блогера, арестованного 10 мая.", "arrest"),
    ],
)
def test_russian_terms_given_and_arrests_dated_in_a_participle(
    sentence: str, expected: str
) -> None:
    assert expected in affirmed(sentence, "ru")


def test_years_ago_are_no_term_given() -> None:
    assert "sentence" not in affirmed("Ему дали слово два года назад.", "ru")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Стало известно, какие обвинения полиция выдвинула против братьев.", "ru"),
        ("Следствие выдвинуло новые обвинения против блогера.", "ru"),
        ("Prosecutors brought new accusations against the blogger on Monday.", "en"),
    ],
)
def test_accusations_put_forward_are_charges(sentence: str, lang: str) -> None:
    assert "charge" in affirmed(sentence, lang)


@pytest.mark.parametrize(
    "sentence",
    [
        "The country's ever-deteriorating rights record worries the UN.",
        "He criticised the authorities for neglecting public health in the villages.",
    ],
)
def test_a_countrys_record_and_public_health_are_no_prisoners_health(sentence: str) -> None:
    assert "health" not in affirmed(sentence)


def test_a_prisoners_deteriorating_health_is_health() -> None:
    assert "health" in affirmed("His health has sharply deteriorated in the colony.")


def test_an_appeal_still_pending_is_no_appeal() -> None:
    assert "appeal" not in affirmed("All three are held in custody while their appeal is pending.")


def test_a_sentence_to_months_of_pretrial_detention_is_custody() -> None:
    found = affirmed(
        "On Monday the city court sentenced Giorgi Rurua, one of the shareholders of the "
        "channel, to two-month pretrial detention."
    )
    assert "pretrial_detention" in found
    assert "sentence" not in found


def test_being_held_in_custody_is_a_state() -> None:
    hits = find_triggers("All three are being held in custody in Makhachkala.", "en")
    assert [h.status for h in hits if h.type == "pretrial_detention"] == [True]


def test_a_charge_in_the_present_is_a_state_even_after_also() -> None:
    assert "charge" not in affirmed("Kocharyan is also accused of bribery.")


def test_a_release_the_court_refused_did_not_happen() -> None:
    assert "release" not in affirmed("2 июля суд отказался освободить активиста.", "ru")


def test_a_move_to_another_cell_is_no_transfer() -> None:
    assert "transfer" not in affirmed("На 72-е сутки его перевели в отдельную камеру.", "ru")


@pytest.mark.parametrize(
    "sentence",
    [
        "Он объявил голодовку в знак протеста против перевода в пенитенциарный комплекс.",
        "Двоих мужчин вернули из Нижнего Новгорода в Чечню.",
        "3 сентября его из больницы доставили в уголовно-исполнительное учреждение.",
    ],
)
def test_russian_transfers_as_outlets_word_them(sentence: str) -> None:
    assert "transfer" in affirmed(sentence, "ru")


@pytest.mark.parametrize(
    ("sentence", "lang", "kind"),
    [
        (
            "The activist later spoke of physical and psychological abuse in the police station.",
            "en",
            "ill_treatment",
        ),
        (
            "После ареста блогер рассказал о психологическом насилии в изоляторе.",
            "ru",
            "ill_treatment",
        ),
        (
            "The case began with the detention in March 2021 of the former mayor Ali Hasanov.",
            "en",
            "arrest",
        ),
        (
            "Last month a court ordered his house arrest after charging him with bribery.",
            "en",
            "charge",
        ),
        (
            "Суд одобрил перевод активиста в тюремное отделение исправительной колонии.",
            "ru",
            "transfer",
        ),
    ],
)
def test_steps_worded_with_a_qualifier_a_date_or_a_gerund(
    sentence: str, lang: str, kind: str
) -> None:
    assert kind in affirmed(sentence, lang)
