"""Group cases: defendants named together share the steps told of the group."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.nlp import Extractor
from tests.nlp.conftest import article
from tests.nlp.test_reference import people_with

TUESDAY = dt.datetime(2025, 9, 9, 12, 0)
TEAM = {"Kamran Aliyev", "Gunay Rzayeva", "Samir Huseynov"}


def test_the_journalists_of_an_outlet_are_its_defendants_named_later(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Appeal court upholds verdict",
            "The Baku Court of Appeal upheld the sentences of journalists working for Sahil "
            "News on Tuesday.",
            "The verdict stands for director Kamran Aliyev, editor Gunay Rzayeva and "
            "reporter Samir Huseynov.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "appeal") == TEAM


def test_a_number_of_defendants_reaches_the_whole_group(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Trial of Sahil News staff",
            "The court heard witnesses in the case of Kamran Aliyev, Gunay Rzayeva and "
            "Samir Huseynov.",
            "On Monday the three journalists asked the court to replace the judge.",
            language="en",
        )
    )
    assert people_with(result, "trial") >= TEAM


def test_russian_figures_of_the_case_are_its_defendants(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Приговор журналистам Sahil News оставлен в силе",
            "Апелляционный суд Баку 9 сентября оставил в силе приговор фигурантам этого дела.",
            "Среди осужденных директор Камран Алиев, редактор Гюнай Рзаева и репортер "
            "Самир Гусейнов.",
            language="ru",
            published=TUESDAY,
        )
    )
    assert people_with(result, "appeal") == {"Камран Алиев", "Гюнай Рзаева", "Самир Гусейнов"}


def test_a_clause_with_a_number_of_its_own_does_not_take_the_first_clauses_people(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Three defendants in Sahil News case remanded, two freed",
            "The court remanded Kamran Aliyev, Gunay Rzayeva and Samir Huseynov for four "
            "months as a preventive measure.",
            "Elnur Qasimov and Aysel Mammadli were freed under police supervision.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "release") == {"Elnur Qasimov", "Aysel Mammadli"}


def test_a_headline_arrest_is_the_remand_the_lead_reports(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Three defendants in Sahil News case arrested",
            "The court on Tuesday ordered four months of arrest as a preventive measure for "
            "Kamran Aliyev, Gunay Rzayeva and Samir Huseynov.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "pretrial_detention") == TEAM
    assert people_with(result, "arrest") == set()


def test_prisoners_a_pardon_left_out_are_not_the_group_it_freed(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Pardon decree frees five political prisoners",
            "Among those freed on Wednesday were Kamran Aliyev and Gunay Rzayeva.",
            "Rights groups said the decree left out Elnur Qasimov and Aysel Mammadli.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "release") == {"Kamran Aliyev", "Gunay Rzayeva"}


def test_the_trial_of_an_outlet_reaches_each_accused_named_alone(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Sahil News trial opens",
            "On Tuesday the trial of Sahil News began in the Baku Grave Crimes Court.",
            "The accused Kamran Aliyev asked the court to let the press in.",
            "The defendant Gunay Rzayeva said she had been held without charge for weeks.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "trial") >= {"Kamran Aliyev", "Gunay Rzayeva"}


def test_russian_verdict_in_the_case_of_leaders_reaches_them(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Приговор лидерам протеста",
            "Суд огласил приговор по делу лидеров протеста в Магасе.",
            "Камран Алиев и Самир Гусейнов заявили, что не признают вину.",
            language="ru",
        )
    )
    assert people_with(result, "sentence") == {"Камран Алиев", "Самир Гусейнов"}


def test_their_custody_extended_reaches_the_defendants(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Custody of Sahil News staff extended",
            "Kamran Aliyev, Gunay Rzayeva and Samir Huseynov were detained in May.",
            "Their lawyers said the case was fabricated.",
            "In November the court extended their arrest by six months.",
            language="en",
        )
    )
    assert people_with(result, "pretrial_detention") == TEAM


def test_the_hearing_of_an_appeal_is_no_trial_of_its_own(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Court rejects complaint",
            "The Baku Court of Appeal dismissed the complaint of Kamran Aliyev on Tuesday.",
            "Kamran Aliyev himself was not present at the hearing.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "appeal") == {"Kamran Aliyev"}
    assert people_with(result, "trial") == set()


def test_a_counted_group_after_a_date_takes_those_named_before_and_after(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Two protest leaders freed",
            "Kamran Aliyev and Gunay Rzayeva, defendants in the rally case, have been freed.",
            "On 15 December 2021, three people were sentenced to seven to nine years.",
            "Samir Huseynov and Anar Talibov had already been released earlier.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == TEAM


def test_a_person_introduced_by_the_outlet_on_trial_is_one_of_its_defendants(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Sahil News trial opens",
            "On Monday the trial of Sahil News began in Baku.",
            "The director of Sahil News, Kamran Aliyev, asked for the judges to be replaced.",
            "Lawyers of Gunay Rzayeva and Samir Huseynov asked for house arrest.",
            language="en",
        )
    )
    assert people_with(result, "trial") == TEAM


def test_people_not_allowed_to_do_something_are_not_left_out_of_the_group(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Sahil News trial opens",
            "On Monday the trial of Sahil News began in Baku.",
            "Kamran Aliyev and Gunay Rzayeva said that journalists were not allowed in.",
            "Samir Huseynov and Anar Talibov were not released either.",
            language="en",
        )
    )
    assert people_with(result, "trial") == {"Kamran Aliyev", "Gunay Rzayeva"}


def test_people_listed_line_by_line_under_a_colon_take_the_verdict(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Protesters sentenced in Tbilisi",
            "The city court sentenced to three years in prison:",
            "Levan Kapanadze",
            "Nino Beridze",
            "To two years:",
            "Giorgi Tsiklauri",
            "Defence lawyers said they would appeal against the verdict.",
            language="en",
        )
    )
    assert people_with(result, "sentence") == {
        "Levan Kapanadze",
        "Nino Beridze",
        "Giorgi Tsiklauri",
    }


def test_a_russian_list_under_a_colon_with_a_subheading_shares_the_verdict(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Приговор по делу о протестах",
            "К трем годам лишения свободы суд приговорил:",
            "Левана Капанадзе",
            "Нино Беридзе",
            "К двум годам:",
            "Георгия Циклаури",
            language="ru",
        )
    )
    assert people_with(result, "sentence") == {
        "Леван Капанадзе",
        "Нино Беридзе",
        "Георгий Циклаури",
    }


def test_a_russian_count_of_young_people_is_filled_from_the_list_that_follows(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Арест продлен",
            "Суд в Баку продлил арест шестерым молодым людям из России, задержанным летом.",
            "Среди задержанных оказались программист Олег Смирнов и студент Илья Волков.",
            language="ru",
        )
    )
    assert people_with(result, "pretrial_detention") >= {"Олег Смирнов", "Илья Волков"}


def test_a_russian_list_of_figures_of_the_case_takes_the_development_before_it(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Задержания в Баку",
            "В июле полиция задержала шесть граждан России.",
            "Среди фигурантов дела оказались инженер Олег Смирнов и студент Илья Волков.",
            language="ru",
        )
    )
    assert people_with(result, "arrest") == {"Олег Смирнов", "Илья Волков"}


@pytest.mark.parametrize(
    ("text", "names", "language"),
    [
        (
            (
                "Aydin Karimov and Leyla Nasirova were detained in May.",
                "Later they were held in a detention centre for almost a year, and then the "
                "court changed the preventive measure to house arrest.",
            ),
            {"Aydin Karimov", "Leyla Nasirova"},
            "en",
        ),
        (
            (
                "Айдын Керимов и Лейла Насирова были задержаны в мае.",
                "Почти год они провели в изоляторе, а затем суд изменил им меру пресечения "
                "на домашний арест.",
            ),
            {"Айдын Керимов", "Лейла Насирова"},
            "ru",
        ),
    ],
)
def test_a_plural_subject_among_the_first_words_reaches_every_step_of_its_sentence(
    extractor: Extractor, text: tuple[str, str], names: set[str], language: str
) -> None:
    result = extractor.extract(article("Custody changed", *text, language=language))
    assert people_with(result, "house_arrest") == names


def test_an_outlets_national_edition_is_no_person_and_both_means_the_two_named(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Staff of a news agency detained",
            "Police searched the office of Sputnik Azerbaijan on Monday, detaining its editor "
            "Pavel Orlov and its director Oleg Sidorov.",
            "Both were ordered held for four months in pre-trial detention.",
            language="en",
        )
    )
    assert "Sputnik Azerbaijan" not in {p.normalized for p in result.people}
    assert people_with(result, "pretrial_detention") == {"Pavel Orlov", "Oleg Sidorov"}


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        (
            (
                "Rauf Karimov was detained at Heydar Aliyev International Airport on 19 April.",
                "The court remanded the detainee for three months.",
            ),
            "en",
            "Rauf Karimov",
        ),
        (
            (
                "Рауф Керимов был задержан 19 апреля в аэропорту имени Гейдара Алиева.",
                "В отношении задержанного избрана мера пресечения в виде ареста сроком на три "
                "месяца.",
            ),
            "ru",
            "Рауф Керимов",
        ),
    ],
)
def test_a_person_an_airport_is_named_after_is_nobody_and_the_detainee_is_the_one_held(
    extractor: Extractor, text: tuple[str, str], language: str, person: str
) -> None:
    result = extractor.extract(article("Journalist held", *text, language=language))
    assert people_with(result, "pretrial_detention") == {person}


def test_the_participants_of_a_protest_sentenced_are_everyone_the_long_list_names(
    extractor: Extractor,
) -> None:
    names = ["Леван Капанадзе", "Нино Беридзе", "Георгий Циклаури", "Давид Мчедлидзе"]
    accusative = ["Левана Капанадзе", "Нино Беридзе", "Георгия Циклаури", "Давида Мчедлидзе"]
    result = extractor.extract(
        article(
            "Приговор по делу о протестах",
            "Судья городского суда вынесла приговор участникам протестных акций.",
            "К трем годам лишения свободы приговорили:",
            *accusative[:2],
            "К двум годам:",
            *accusative[2:],
            "По версии прокуратуры, члены партии «Свобода» Леван Капанадзе и Нино Беридзе "
            "были организаторами беспорядков.",
            language="ru",
        )
    )
    sentenced = {
        result.people[e.person].normalized
        for e in result.events
        if e.type == "sentence" and e.person is not None and e.sentence.startswith("Судья")
    }
    assert sentenced == set(names)


def test_a_lead_about_an_unnamed_archbishop_is_about_the_one_named_next_not_the_author(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Archbishop jailed",
            "By Lilit Harutyunyan",
            "An outspoken archbishop was sentenced to three years in prison on Friday.",
            "The court in Gyumri handed down the verdict to Archbishop Vahan Sargsyan after a "
            "short trial.",
            language="en",
        )
    )
    assert "Lilit Harutyunyan" not in {p.normalized for p in result.people}
    lead = [e for e in result.events if e.sentence.startswith("An outspoken")]
    assert {result.people[e.person].normalized for e in lead if e.person is not None} == {
        "Archbishop Vahan Sargsyan"
    }


def test_a_russian_author_line_names_no_person(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Активиста задержали",
            "В Махачкале задержан активист Руслан Гасанов.",
            "Автор: Марина Ковалева",
            language="ru",
        )
    )
    assert {p.normalized for p in result.people} == {"Руслан Гасанов"}


def test_a_counted_group_of_participants_reaches_the_list_after_it(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Protesters sentenced",
            "Judge Nana Beridze has sentenced 3 participants in pro-European rallies to two "
            "years in prison.",
            "The defendants made their final statements before the verdict was read out.",
            "Those sentenced are:",
            "● Kamran Aliyev",
            "● Gunay Rzayeva",
            "● Samir Huseynov",
            language="en",
        )
    )
    assert people_with(result, "sentence") == TEAM
    assert people_with(result, "trial") == TEAM


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 30 journalists have been arrested in the country since 2023.",
        "On Friday 52 political prisoners were released under the amnesty.",
    ],
)
def test_people_at_large_are_not_the_people_named(extractor: Extractor, sentence: str) -> None:
    result = extractor.extract(
        article(
            "Journalist's appeal heard",
            "The appeal court heard the complaint of Kamran Aliyev and Gunay Rzayeva.",
            sentence,
            language="en",
        )
    )
    assert people_with(result, "arrest") | people_with(result, "release") == set()


def test_a_defendant_acquitted_takes_no_part_in_the_groups_verdict(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Verdict in the case of three believers: one walks free, two get prison terms",
            "The court on Monday delivered its verdict in the case of three religious believers.",
            "Kamran Aliyev was sentenced to nine years; Gunay Rzayeva to seven years.",
            "Samir Huseynov was acquitted and released in the courtroom.",
            language="en",
            published=TUESDAY,
        )
    )
    assert people_with(result, "sentence") == {"Kamran Aliyev", "Gunay Rzayeva"}
    assert people_with(result, "release") == {"Samir Huseynov"}
    assert "Verdict" not in {p.normalized for p in result.people}


def test_a_count_of_people_the_article_does_not_name_takes_nobody_else(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Blogger's appeal heard",
            "The appeal court heard the complaint of Kamran Aliyev on Monday. Those 15 "
            "individuals were accused of crimes committed during the war.",
            language="en",
        )
    )
    assert people_with(result, "charge") == set()


def test_the_people_a_list_of_other_defendants_names_share_the_trial(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Trial of former president adjourned",
            "The trial of former president Robert Kocharyan and other ex-officials was "
            "adjourned on Tuesday until Wednesday.",
            "Other indicted officials are: ex-minister Seyran Ohanyan (abuse of office). "
            "In 2008 Ohanyan was chief of staff; Yuri Khachaturov (abuse of office).",
            language="en",
            published=TUESDAY,
        )
    )
    assert {"Robert Kocharyan", "Seyran Ohanyan", "Yuri Khachaturov"} <= people_with(
        result, "trial"
    )
