"""Who a development is about: named people, groups, pronouns, never lawyers or judges."""

from __future__ import annotations

import datetime as dt

from monitor.model import Extraction
from monitor.nlp import Extractor
from tests.nlp.conftest import article

FRIDAY = dt.datetime(2025, 6, 20, 18, 0)


def people_with(result: Extraction, type_: str) -> set[str]:
    return {
        result.people[e.person].normalized
        for e in result.events
        if e.type == type_ and e.person is not None and not e.negated
    }


def test_all_five_reaches_every_person_named_before(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Five reporters held",
            "A court ordered two months' arrest for Rauf Ismayilov, Leyla Hasanova, "
            "Tofig Aliyev, Sevda Karimova and Kamran Rzayev.",
            "All five rejected the fraud charges brought against them.",
            language="en",
        )
    )
    everyone = {"Rauf Ismayilov", "Leyla Hasanova", "Tofig Aliyev", "Sevda Karimova"}
    assert everyone | {"Kamran Rzayev"} == people_with(result, "charge")
    assert "arrest" not in {e.type for e in result.events}


def test_they_were_charged_reaches_the_group_of_the_paragraph(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Two bloggers detained",
            "Police detained Vugar Guliyev on Monday. Nigar Huseynova was detained a day later.",
            "According to their lawyers, they were charged under Article 206.3.2.",
            language="en",
        )
    )
    assert people_with(result, "charge") == {"Vugar Guliyev", "Nigar Huseynova"}


def test_russian_group_word_reaches_the_group(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Задержаны трое",
            "В Баку задержали Эльнура Гасанова, Рауфа Алиева и Вугара Мамедова.",
            "Всем троим предъявлены обвинения в контрабанде.",
            language="ru",
        )
    )
    assert people_with(result, "charge") == {"Эльнур Гасанов", "Рауф Алиев", "Вугар Мамедов"}


def test_he_goes_to_the_last_man_named_even_after_a_paragraph_break(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Activist sentenced",
            "Leyla Hasanova met reporters outside the court. Rauf Ismayilov stayed in the dock.",
            "He was sentenced to seven years in prison.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {"Rauf Ismayilov"}


def test_she_goes_to_the_last_woman_named(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Editor sentenced",
            "The editor Leyla Hasanova led the newsroom. Rauf Ismayilov was its photographer.",
            "She was sentenced to eight years in prison.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {"Leyla Hasanova"}


def test_russian_pronoun_carries_the_development(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Приговор",
            "Лейла Гасанова три года работала в газете.",
            "Её приговорили к шести годам лишения свободы.",
            language="ru",
        )
    )
    assert people_with(result, "sentence") == {"Лейла Гасанова"}


def test_a_lawyers_or_judges_own_words_are_not_the_defendants(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hearing",
            "Lawyer Elchin Sadigov, who defends Rauf Ismayilov, said the hearing was tense.",
            "According to the lawyer, Ismayilov and his wife were never abroad.",
            language="en",
        )
    )
    roles = {p.normalized: p.role for p in result.people}
    assert roles["Elchin Sadigov"] == "lawyer"
    assert roles["Rauf Ismayilov"] != "lawyer"


def test_russian_defenders_of_a_person_do_not_make_him_a_lawyer(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Жалоба отклонена",
            "Суд отклонил жалобу Байрама Гасанова.",
            "Защитники Гасанова намерены обжаловать решение.",
            language="ru",
        )
    )
    assert people_with(result, "appeal") == {"Байрам Гасанов"}


def test_a_bare_surname_a_relative_shares_means_the_prisoner(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hunger strike",
            "Rauf Ismayilov went on hunger strike, his brother, Vugar Ismayilov, said.",
            "Ismayilov was found guilty of fraud in 2021.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {"Rauf Ismayilov"}


def test_health_reported_by_a_relative_belongs_to_the_prisoner(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Prisoner ill",
            "Rauf Ismayilov has been held in Prison No. 2 since March.",
            "His sister Aysel Ismayilova said that his health had deteriorated.",
            language="en",
        )
    )
    assert people_with(result, "health") == {"Rauf Ismayilov"}


def test_undated_lead_development_takes_the_article_date(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Blogger released",
            "Blogger Rauf Ismayilov was released from Prison No. 2 after serving his full term.",
            "Ismayilov had been arrested in 2022 and spent most of the time in a cell alone.",
            language="en",
            published=FRIDAY,
        )
    )
    release = next(e for e in result.events if e.type == "release")
    later = next(e for e in result.events if e.type == "arrest")
    assert release.date == dt.date(2025, 6, 20)
    assert (later.date, later.date_precision, later.date_text) == (
        dt.date(2022, 1, 1),
        "year",
        "2022",
    )


def test_undated_development_takes_the_date_its_paragraph_last_gave(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Complaint rejected",
            "A court in Baku rejected a complaint from the blogger Rauf Ismayilov on Friday.",
            "Police detained Leyla Hasanova on March 3, 2023. She was charged with fraud.",
            language="en",
            published=FRIDAY,
        )
    )
    charge = next(e for e in result.events if e.type == "charge")
    assert charge.date == dt.date(2023, 3, 3)


def test_people_listed_after_a_development_take_it(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Pardon decree",
            "The president signed a pardon decree on Tuesday. Among them are journalists "
            "Rauf Ismayilov and Leyla Hasanova.",
            language="en",
            published=FRIDAY,
        )
    )
    released = {
        result.people[e.person].normalized
        for e in result.events
        if e.type == "release" and e.person is not None
    }
    assert released == {"Rauf Ismayilov", "Leyla Hasanova"}


def test_a_denial_after_the_trigger_negates_it(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Журналист остается в заключении",
            "Журналист Рауф Исмайылов под помилование не попал и остается в заключении.",
            language="ru",
        )
    )
    assert not any(e.type == "release" for e in result.events)


def test_a_co_defendant_shares_the_court_steps_of_the_lead(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hearing in the case of Rauf Ismayilov",
            "A Baku court held another hearing in the case of journalist Rauf Ismayilov "
            "on Tuesday.",
            "Ismayilov questioned the testimony of his co-defendant Vugar Hasanov and of a police "
            "officer.",
            language="en",
            published=FRIDAY,
        )
    )
    trials = {
        result.people[e.person].normalized
        for e in result.events
        if e.type == "trial" and e.person is not None
    }
    assert trials == {"Rauf Ismayilov", "Vugar Hasanov"}


def test_someone_who_did_the_same_takes_the_development_before(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hunger strikes",
            "Political prisoners have gone on hunger strike before. Last year Vugar Hasanov "
            "protested in the same way.",
            language="en",
            published=FRIDAY,
        )
    )
    strikers = {
        result.people[e.person].normalized
        for e in result.events
        if e.type == "hunger_strike" and e.person is not None
    }
    assert strikers == {"Vugar Hasanov"}


def test_her_husband_is_the_prisoner_when_only_his_wife_is_named(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Prisoner weak",
            "Rauf Ismayilov has refused food in Prison No. 3 since May 2.",
            "Aysel Ismayilova said on Monday that her husband had lost eleven kilograms.",
            language="en",
        )
    )
    assert people_with(result, "health") == {"Rauf Ismayilov"}


def test_a_russian_noun_for_the_journalist_carries_the_development(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Журналиста перевели",
            "Суд приговорил журналиста Эльмара Кязимова к шести годам лишения свободы.",
            "Как рассказала его сестра, журналиста этапировали в колонию в Шувелане.",
            language="ru",
        )
    )
    assert people_with(result, "transfer") == {"Эльмар Кязимов"}


def test_a_kinship_noun_followed_by_a_name_is_that_persons_apposition(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Brother detained",
            "Rauf Ismayilov is serving a five-year prison term.",
            "Police on Friday detained his brother Vugar Ismayilov.",
            language="en",
        )
    )
    assert "Rauf Ismayilov" not in people_with(result, "arrest")


def test_a_development_in_a_relative_clause_belongs_to_the_name_it_follows(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Political prisoners",
            "Among those still held are Rauf Ismayilov, Elnur Hasanov and Tural Jafarov, "
            "who was moved to house arrest last week.",
            language="en",
        )
    )
    assert people_with(result, "house_arrest") == {"Tural Jafarov"}


def test_a_verb_ends_an_apposition_so_the_name_after_it_is_no_judge(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Custody extended",
            "The same judge also kept journalist Aysel Umudova in custody until May.",
            language="en",
        )
    )
    assert people_with(result, "pretrial_detention") == {"Aysel Umudova"}


def test_each_side_of_a_contrast_keeps_its_own_development(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Приговор",
            "Суд оправдал Рауфа Исмаилова, а Эльнура Гасанова приговорил к девяти годам.",
            language="ru",
        )
    )
    assert people_with(result, "release") == {"Рауф Исмаилов"}
    assert people_with(result, "sentence") == {"Эльнур Гасанов"}


def test_a_district_named_where_people_were_detained_is_no_person(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Believers sentenced",
            "Rauf Ismayilov, Elnur Hasanov and Tural Jafarov were sentenced on Monday.",
            "The three were detained in August in the Masalli district.",
            language="en",
        )
    )
    assert people_with(result, "arrest") == {"Rauf Ismayilov", "Elnur Hasanov", "Tural Jafarov"}


def test_a_vague_date_in_the_sentence_before_does_not_date_the_next_one(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Pardoned",
            "Rauf Ismayilov was given three years last year for hooliganism. "
            "He was freed from Colony No. 4 on the pardon.",
            language="en",
            published=FRIDAY,
        )
    )
    [release] = [e for e in result.events if e.type == "release" and e.person is not None]
    assert release.date == FRIDAY.date()


def test_people_a_list_sentence_names_take_the_development_before_it_whatever_else_it_says(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Pardon",
            "Rights defenders counted three political prisoners among those freed. "
            "They are Rauf Ismayilov and Elnur Hasanov, who were sentenced in 2022.",
            language="en",
        )
    )
    assert people_with(result, "release") == {"Rauf Ismayilov", "Elnur Hasanov"}


def test_a_rights_defender_commenting_on_a_pardon_is_not_pardoned(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Pardon leaves most political prisoners behind",
            "The president pardoned 300 convicts on Friday, among them the blogger Emin Rzayev.",
            "“This pardon changes little for political prisoners,” Kamala Hasanova, head of "
            "a rights group, said.",
            language="en",
            published=FRIDAY,
        )
    )
    assert people_with(result, "release") == {"Emin Rzayev"}


def test_a_russian_commentator_named_with_according_to_is_not_the_subject(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Помилование",
            "По словам правозащитника Ильгара Гасымова, помилование не решило проблему "
            "политзаключенных.",
            language="ru",
        )
    )
    assert people_with(result, "release") == set()


def test_a_speaker_set_off_by_commas_after_the_news_is_not_its_subject(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Party members detained",
            "Two party members, Vugar Aliyev and Samir Guliyev, were detained on Sunday, "
            "Aliyev's deputy, Kamran Rahimov, told Reuters.",
            language="en",
        )
    )
    assert people_with(result, "arrest") == {"Vugar Aliyev", "Samir Guliyev"}


def test_a_name_before_an_inverted_speech_verb_keeps_the_development(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Кассация",
            "В Верховном суде началось рассмотрение кассационной жалобы Тофига Ягублу, "
            "сообщила адвокат Зибейда Садыгова.",
            language="ru",
        )
    )
    assert "Тофиг Ягублу" in people_with(result, "appeal")


def test_a_speaker_talking_of_himself_keeps_the_development(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hunger strike",
            "Emin Rzayev said he had gone on hunger strike in protest.",
            language="en",
        )
    )
    assert people_with(result, "hunger_strike") == {"Emin Rzayev"}


def test_a_former_minister_in_the_dock_is_no_official(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Former minister gets 20 years",
            "The military court sentenced former state minister Arsen Gevorgyan to 20 years "
            "in prison.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {"Arsen Gevorgyan"}


def test_an_item_of_a_digest_that_names_nobody_gives_nobody_its_development(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "The week in the region",
            "A prize for Anar Mammadli; the trial of a former district head ends in Derbent; "
            "floods in the mountains.",
            "The week brought little else.",
            language="en",
        )
    )
    assert people_with(result, "trial") == set()


def test_a_digest_item_that_refers_back_keeps_its_person(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Blogger detained",
            "Police detained Anar Mammadli on Monday; he was charged with hooliganism.",
            language="en",
        )
    )
    assert people_with(result, "charge") == {"Anar Mammadli"}


def test_the_doer_after_by_is_not_the_subject_of_the_development(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Trial of two former fighters opens",
            "Dozens of civilians suffered torture by Samvel Petrosyan and Arman Hakobyan "
            "during the war, the prosecutor said.",
            "Several of the people tortured by them attended the hearing.",
            language="en",
        )
    )
    assert people_with(result, "ill_treatment") == set()


def test_people_who_joined_his_action_share_his_hunger_strike(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Голодовка",
            "20 июля журналист Ульви Гасанлы объявил голодовку. 22 июля к его акции "
            "присоединились Севиндж Вагифгызы и Нэргиз Абсаламова.",
            language="ru",
        )
    )
    assert len(people_with(result, "hunger_strike")) == 3


_KOVSAR_EN = (
    "Journalists Aydin Guliyev and Nigar Mammadova, arrested in March, remain in the Baku "
    "pretrial detention centre, their lawyer Elchin Sadigov said."
)
_KOVSAR_RU = (
    "Журналисты Айдын Гулиев и Нигяр Мамедова, арестованные в марте, находятся в бакинском СИЗО."
)


def test_a_headline_development_told_of_nobody_by_name_is_the_leads_detainees(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article("Hearing in the case of the Kovsar journalists", _KOVSAR_EN, language="en")
    )
    assert people_with(result, "trial") == {"Aydin Guliyev", "Nigar Mammadova"}


def test_a_russian_headline_development_told_of_nobody_is_the_leads_detainees(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Свидетели обвинения дали показания по делу журналистов «Ковсара»",
            _KOVSAR_RU,
            language="ru",
        )
    )
    assert people_with(result, "trial") == {"Айдын Гулиев", "Нигяр Мамедова"}


def test_a_headline_told_of_one_person_is_not_given_to_several_detainees(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article("Conscientious objector's appeal fails", _KOVSAR_EN, language="en")
    )
    assert people_with(result, "appeal") == set()


def test_one_of_a_group_acquitted_is_nobody_in_particular(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Суд оправдал одного из троих журналистов «Ковсара»",
            "Журналисты Айдын Гулиев, Нигяр Мамедова и Рауф Исмайлов были арестованы в марте.",
            language="ru",
        )
    )
    assert people_with(result, "release") == set()


def test_a_pronoun_after_an_opening_phrase_is_the_subject_of_every_step(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Two artists jailed",
            "Artists Kamran Aliyev and Tural Bayramov painted a slogan on a bridge in Baku.",
            "The next day, they were detained, accused of drug possession and later "
            "sentenced to eight years in prison.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {"Kamran Aliyev", "Tural Bayramov"}


def test_a_russian_pronoun_after_an_opening_phrase_is_the_subject(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Художники осуждены",
            "Художники Камран Алиев и Турал Байрамов нарисовали лозунг на мосту в Баку.",
            "На следующий день, по словам родственников, они были задержаны полицией, "
            "обвинены в хранении наркотиков и затем приговорены к восьми годам колонии.",
            language="ru",
        )
    )
    assert people_with(result, "sentence") == {"Камран Алиев", "Турал Байрамов"}
