"""Roles from the words around a name: the person in the dock is not mistaken for
someone else because of an occupation or a possessive."""

from __future__ import annotations

import pytest

from monitor.model import Extraction, PersonMention
from monitor.nlp import Extractor
from tests.nlp.conftest import article


def person(result: Extraction, normalized: str) -> PersonMention:
    return next(p for p in result.people if p.normalized == normalized)


def test_a_human_rights_defender_is_not_a_lawyer(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Detention extended",
            "A Baku court extended the detention of human rights defender Rauf Ismayilov, "
            "his lawyer said.",
            language="en",
        )
    )
    assert person(result, "Rauf Ismayilov").role == "detainee"


def test_the_head_of_a_news_channel_is_not_an_official(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Journalist moved",
            "Rauf Ismayilov, the head of an online news channel, has been transferred to "
            "Correctional Facility No. 5.",
            language="en",
        )
    )
    assert person(result, "Rauf Ismayilov").role == "detainee"


def test_a_russian_kinship_word_before_a_name_names_that_persons_relative(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Суд отклонил жалобу",
            "Верховный суд отклонил жалобу Тофига Ягублу, рассказала дочь Тофига Ягублу.",
            language="ru",
        )
    )
    assert person(result, "Тофиг Ягублу").role == "detainee"


def test_a_kinship_word_after_a_possessive_is_still_the_relative(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Активиста арестовали",
            "Эльнура Гасанова арестовали, сообщил его брат Вугар Гасанов.",
            language="ru",
        )
    )
    assert person(result, "Вугар Гасанов").role == "relative"


def test_a_cut_off_piece_of_the_outlets_name_is_no_person(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Суд",
            'Как писал "Кавказский узел", суд приговорил Эльнура Гасанова к пяти годам.',
            language="ru",
        )
    )
    assert all(not p.normalized.startswith("Кавказск") for p in result.people)


def test_a_bare_surname_the_relative_shares_is_the_person_the_story_is_about(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Активиста поместили в карцер",
            "Профсоюзного активиста Гасанова поместили в карцер, сообщил его брат Вугар Гасанов.",
            language="ru",
        )
    )
    brother = person(result, "Вугар Гасанов")
    prisoner = next(p for p in result.people if p is not brother)
    assert brother.role == "relative"
    assert prisoner.role == "detainee" and "Гасанова" in prisoner.forms


def test_an_occupation_opening_the_sentence_is_no_person(extractor: Extractor) -> None:
    for text, name in (
        ("Theologian Talekh Bagirzade was transferred to another prison.", "Talekh Bagirzade"),
        ("Богослова Талеха Багирзаде перевели в другую колонию.", "Талех Багирзаде"),
    ):
        result = extractor.extract(article("News", text))
        assert [p.normalized for p in result.people] == [name]


def test_a_title_the_ner_kept_inside_the_name_still_gives_the_role(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hunger strike over",
            "Rauf Ismayilov ended his hunger strike on Monday.",
            "Lawyer Samira Aliyeva told reporters that he had lost eight kilograms.",
            language="en",
        )
    )
    assert person(result, "Samira Aliyeva").role == "lawyer"


def test_a_russian_cue_then_anothers_genitive_then_a_name_gives_the_name_the_role(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Голодовка",
            "Рауф Исмаилов объявил голодовку в колонии.",
            "Супруга Исмаилова Айсель Исмаилова рассказала об этом журналистам.",
            language="ru",
        )
    )
    assert person(result, "Айсель Исмаилова").role == "relative"


def test_a_bare_surname_after_an_oblique_cue_may_be_the_cues_possessor(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Суд продлил арест",
            "Суд продлил арест Айсель Умудовой на три месяца.",
            "По словам адвоката Умудовой, у нее ухудшилось здоровье.",
            language="ru",
        )
    )
    assert person(result, "Айсель Умудова").role == "detainee"


def test_a_lawyer_named_as_someones_lawyer_after_a_comma_is_a_lawyer(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Charges added",
            "Rauf Ismayilov was charged with smuggling in March.",
            "'The case is fabricated,' Elchin Sadigov, Ismayilov's lawyer, told reporters.",
            language="en",
        )
    )
    assert person(result, "Elchin Sadigov").role == "lawyer"


def test_an_outlet_named_like_a_person_is_no_person(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Journalists detained",
            "Police searched the office of Kövsər Media and detained Rauf Ismayilov.",
            language="en",
        )
    )
    assert [p.normalized for p in result.people] == ["Rauf Ismayilov"]


ROLES = [
    pytest.param(
        "The military court sentenced former Foreign Minister Tigran Asatryan to life "
        "imprisonment.",
        "Tigran Asatryan",
        "detainee",
        id="a former official's title gives no role",
    ),
    pytest.param(
        "Deputy Foreign Minister of Azerbaijan Rashad Nabiyev met his Russian colleague.",
        "Rashad Nabiyev",
        "official",
        id="a title of a country before the name is an official's",
    ),
    pytest.param(
        "The court sentenced Davit Sargsyan, and Minister Levon Avagyan to long terms.",
        "Davit Sargsyan",
        "detainee",
        id="a title after 'and' belongs to the next name of a list",
    ),
    pytest.param(
        "Силовики вывезли в Грозный двух братьев — Ислама Хасанова и Адама Хасанова.",
        "Ислам Хасанов",
        "other",
        id="siblings named after the word brothers are the brothers",
    ),
    pytest.param(
        "Police detained activist Elmar Guliyev, his brothers Kamal Guliyev and Nadir "
        "Guliyev said.",
        "Kamal Guliyev",
        "relative",
        id="brothers after a possessive are relatives",
    ),
    pytest.param(
        "Police detained the brothers Kamal Guliyev and Nadir Guliyev in Ganja.",
        "Kamal Guliyev",
        "detainee",
        id="the brothers named in a report are not relatives",
    ),
    pytest.param(
        "Вопрос отставки министра юстиции, культуры и спорта Армении Ашота Саргсяна не обсуждался.",
        "Ашот Саргсян",
        "official",
        id="a russian minister's title with its complement names an official",
    ),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLES)
def test_the_words_around_a_name_give_its_role(
    extractor: Extractor, text: str, name: str, role: str
) -> None:
    language = "ru" if text[0] >= "А" else "en"
    assert person(extractor.extract(article("-", text, language=language)), name).role == role


def test_the_person_a_judge_acts_on_is_not_the_judge(extractor: Extractor) -> None:
    text = "Судья Хатаинского районного суда Баку отклонил жалобу Тофига Ягублу."
    result = extractor.extract(article("-", text, language="ru"))
    assert person(result, "Тофиг Ягублу").role != "official"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A court in Grozny sentenced Adam Temirov, the president of the Congress of "
            "Mountain Peoples, to three years.",
            "Adam Temirov",
        ),
        (
            "Суд в Грозном приговорил Адама Темирова, президента Конгресса горских народов, "
            "к трем годам.",
            "Адам Темиров",
        ),
    ],
)
def test_the_one_a_court_sentences_is_the_prisoner_whatever_title_follows(
    extractor: Extractor, text: str, name: str
) -> None:
    result = extractor.extract(article("Verdict", text, language="ru" if "Суд" in text else "en"))
    assert person(result, name).role == "detainee"


def test_a_title_after_the_name_gives_way_when_the_person_was_sentenced(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Activist in a punishment cell",
            "Adam Temirov, the president of the Congress of Mountain Peoples, spoke at the "
            "conference in 2019.",
            "A year later Adam Temirov was sentenced to three years.",
            language="en",
        )
    )
    assert person(result, "Adam Temirov").role == "detainee"


def test_a_bare_surname_that_was_detained_is_the_prisoner_not_his_relative(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Activist on hunger strike",
            "Ramin Qasimov has refused food for a week, his wife Leyla Qasimova said.",
            "Qasimov was detained in Baku on 11 February.",
            language="en",
        )
    )
    arrested = {result.people[e.person].normalized for e in result.events if e.type == "arrest"}
    assert arrested == {"Ramin Qasimov"}


def test_a_judge_who_has_sentenced_people_is_no_detainee(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Protesters sentenced",
            "Judge Nana Beridze has sentenced three protesters to two years in prison.",
            language="en",
        )
    )
    assert person(result, "Nana Beridze").role == "official"


def test_a_judges_bare_surname_is_still_the_judge(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Protesters sentenced",
            "Judge Nana Beridze has sentenced three protesters to two years in prison.",
            "The defendants made their final statements before Beridze read out the verdict.",
            language="en",
        )
    )
    assert [p.normalized for p in result.people] == ["Nana Beridze"]


def test_a_president_named_by_number_is_a_former_one_in_the_dock(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Суд продолжает процесс",
            "Суд в Ереване, который рассматривает дело второго президента Армении Левона "
            "Саргсяна, объявил перерыв. В мае суд постановил освободить Левона Саргсяна "
            "из-под ареста.",
            language="ru",
        )
    )
    assert [p.role for p in result.people] == ["detainee"]
