"""The Extractor end to end, on short texts of our own, in English and Russian."""

from __future__ import annotations

import datetime as dt

from monitor.model import Paragraph
from monitor.nlp import Extractor
from tests.nlp.conftest import article

MONDAY = dt.datetime(2025, 6, 16, 12, 0)


def person(extraction, normalized):  # type: ignore[no-untyped-def]
    return next(p for p in extraction.people if p.normalized == normalized)


def test_news_outlet_is_not_a_person(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Blogger detained in Baku",
            "Blogger Rauf Ismayilov was detained, his sister told a Caucasian Knot correspondent.",
            language="en",
        )
    )
    assert "Caucasian Knot" not in {p.normalized for p in result.people}
    assert person(result, "Rauf Ismayilov").role == "detainee"
    assert result.relevant


def test_facility_number_survives_the_ner(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Transfer",
            "Rauf Ismayilov was transferred to Correctional Facility No. 12.",
            language="en",
        )
    )
    assert [f.canonical for f in result.facilities] == ["Correctional Facility No. 12"]
    assert [e.type for e in result.events] == ["transfer"]


def test_surname_only_mentions_join_the_full_name(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Activist Ismayilov sentenced",
            "A court in Baku sentenced activist Rauf Ismayilov to five years in prison.",
            "Ismayilov denies the charges. Ismailov said the case was fabricated.",
            language="en",
        )
    )
    rauf = person(result, "Rauf Ismayilov")
    assert len(result.people) == 1
    assert {"Ismayilov", "Ismailov", "Rauf Ismayilov"} <= set(rauf.forms)


def test_lawyer_and_relative_are_not_detainees(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Journalist arrested",
            "Journalist Rauf Ismayilov was arrested on Monday, his lawyer, Elchin Sadigov, said.",
            "His brother Vugar Ismayilov said the family had not been told.",
            language="en",
            published=MONDAY,
        )
    )
    assert person(result, "Elchin Sadigov").role == "lawyer"
    assert person(result, "Vugar Ismayilov").role == "relative"
    arrest = next(e for e in result.events if e.type == "arrest" and e.person is not None)
    assert result.people[arrest.person].normalized == "Rauf Ismayilov"  # type: ignore[index]
    assert arrest.date == dt.date(2025, 6, 16)


def test_not_released_gives_no_release(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Still in jail",
            "Rauf Ismayilov was not released despite the amnesty act.",
            language="en",
        )
    )
    assert "release" not in {e.type for e in result.events if not e.negated}


def test_released_gives_a_release(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Freed",
            "Rauf Ismayilov was released from prison on Monday.",
            language="en",
            published=MONDAY,
        )
    )
    release = next(e for e in result.events if e.type == "release" and e.person is not None)
    assert release.date == dt.date(2025, 6, 16)
    assert not release.background


def test_several_people_in_one_sentence_get_one_event_each(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Three sentenced",
            "Rauf Ismayilov, Leyla Hasanova and Tofig Aliyev were sentenced to six years each.",
            language="en",
        )
    )
    sentenced = {
        result.people[e.person].normalized
        for e in result.events
        if e.type == "sentence" and e.person is not None
    }  # type: ignore[index]
    assert sentenced == {"Rauf Ismayilov", "Leyla Hasanova", "Tofig Aliyev"}


def test_background_paragraph_and_background_phrase(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Hunger strike",
            "Rauf Ismayilov went on hunger strike today.",
            Paragraph("Rauf Ismayilov was arrested in 2023.", background=True),
            "As reported earlier, Ismayilov was sentenced to five years.",
            language="en",
            published=MONDAY,
        )
    )
    by_type = {e.type: e for e in result.events}
    assert not by_type["hunger_strike"].background
    assert by_type["arrest"].background
    assert by_type["sentence"].background


def test_charge_goes_to_the_person_it_is_brought_against(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Charged",
            "Investigators charged Rauf Ismayilov with smuggling, his lawyer Elchin Sadigov said.",
            language="en",
        )
    )
    [charge] = result.charges
    assert charge.code == "smuggling"
    assert result.people[charge.person].normalized == "Rauf Ismayilov"  # type: ignore[index]


def test_offsets_point_into_article_text(extractor: Extractor) -> None:
    doc = article(
        "Blogger held",
        "Rauf Ismayilov was detained near Correctional Facility No. 3.",
        language="en",
    )
    result = extractor.extract(doc)
    start, end = result.people[0].spans[0]
    assert doc.text[start:end] == "Rauf Ismayilov"
    facility = result.facilities[0]
    assert doc.text[facility.start : facility.end] == "Correctional Facility No. 3"


def test_weather_story_naming_people_is_not_relevant(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Storm floods Baku streets",
            "Heavy rain flooded roads in Baku on Sunday, the mayor Eldar Azizov said.",
            "Drivers were stuck for hours; the weather service expects more rain.",
            language="en",
        )
    )
    assert not result.relevant


def test_russian_case_forms_are_normalised_and_merged(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Суд арестовал активиста",
            "Суд в Баку арестовал Эльнура Гасанова на четыре месяца по обвинению в контрабанде.",
            "Как сообщил адвокат Эльчин Садыгов, Гасанову предъявлено обвинение по ч. 3 ст. 206.",
            language="ru",
        )
    )
    hasanov = person(result, "Эльнур Гасанов")
    assert hasanov.role == "detainee"
    assert "Эльнура Гасанова" in hasanov.forms
    assert person(result, "Эльчин Садыгов").role == "lawyer"
    assert {c.code for c in result.charges} == {"smuggling"}
    assert "pretrial_detention" in {e.type for e in result.events}


def test_russian_not_released_and_background(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Активиста не освободили",
            "Лейлу Гасанову не освободили по амнистии, сообщила ее сестра.",
            'Как ранее сообщал "Кавказский узел", Гасанову задержали 3 марта.',
            language="ru",
            published=MONDAY,
        )
    )
    assert "release" not in {e.type for e in result.events}
    arrest = next(e for e in result.events if e.type == "arrest" and e.person is not None)
    assert arrest.background
    assert arrest.date == dt.date(2025, 3, 3)
    assert "Кавказский узел" not in {p.normalized for p in result.people}


def test_other_languages_do_not_crash_and_use_rules(case_extractor: Extractor) -> None:
    result = case_extractor.extract(
        article(
            "Zaur Rahimli həbs edildi", "Jurnalist Zaur Rahimli məhkəmə qərarı ilə həbs edilib."
        )
    )
    assert result.language == "az"
    assert [p.case_hint for p in result.people] == ["rahimli-zaur"]


def test_case_name_ruler_finds_names_the_ner_misses(case_extractor: Extractor) -> None:
    result = case_extractor.extract(
        article("Приговор", "Суд приговорил Зауру Рагимли к пяти годам заключения.", language="ru")
    )
    assert "rahimli-zaur" in {p.case_hint for p in result.people}


def test_extract_many_keeps_input_order_across_languages(extractor: Extractor) -> None:
    docs = [
        article("Арест", "Эльнура Гасанова задержали в Баку.", language="ru"),
        article("Arrest", "Rauf Ismayilov was detained in Baku."),
        article("Арест", "Лейлу Гасанову задержали в Гяндже."),
    ]
    languages = [r.language for r in extractor.extract_many(docs, batch_size=2)]
    assert languages == ["ru", "en", "ru"]


def test_a_namesake_of_a_case_in_a_sports_report_is_not_relevant(
    case_extractor: Extractor,
) -> None:
    result = case_extractor.extract(
        article(
            "Neftchi win the derby",
            "Zaur Rahimli scored twice as Neftchi beat Sabah 3-1 in Baku on Sunday.",
            "The striker has now scored nine goals this season.",
            language="en",
        )
    )
    assert not result.relevant


def test_verbs_and_place_adjectives_that_look_like_surnames_are_no_people(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Умер в колонии",
            "Рауф Исмаилов скончался в колонии №11.",
            "Госпитализировали его слишком поздно, сказал его сын.",
            "В 2024 году Шекинский суд приговорил Исмаилова к пяти годам.",
            language="ru",
        )
    )
    assert [p.normalized for p in result.people] == ["Рауф Исмаилов"]


def test_a_bare_surname_a_relative_shares_goes_to_the_prisoner_not_the_relative(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article(
            "Умер в колонии",
            "Член партии Рауф Бабаев скончался в колонии №11.",
            "Как рассказал корреспонденту сын покойного Эмиль Бабаев, у отца был диабет.",
            "Напомним, Бабаева задержали в сентябре 2023 года и обвинили в растрате.",
            language="ru",
        )
    )
    arrested = [e.person for e in result.events if e.type == "arrest"]
    assert [result.people[p].normalized for p in arrested if p is not None] == ["Рауф Бабаев"]


def test_a_full_name_in_an_oblique_case_is_found_whole(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Помилованы",
            "Указом президента освобождены активист Рауф Исмаилов и феминистка Лала Умудова.",
            "Вместе с феминисткой Ламией Гасановой на свободу вышли еще 12 человек.",
            language="ru",
        )
    )
    assert "Ламия Гасанова" in [p.normalized for p in result.people]


def test_deaths_in_a_road_accident_are_no_custody_news(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Три человека погибли в ДТП",
            "Водитель маршрутки Гаджимурад Абакаров и двое пассажиров скончались на месте.",
            "Еще пятеро пострадавших доставлены в больницу.",
            language="ru",
        )
    )
    assert not result.relevant


def test_months_and_towns_after_to_are_no_people(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Protesters sentenced",
            "Rauf Ismayilov was sentenced to four years for the July protest.",
            "In July, protesters blocked the road to Kaspiysk for two days.",
            language="en",
        )
    )
    assert [p.normalized for p in result.people] == ["Rauf Ismayilov"]


def test_a_name_that_is_only_a_patronymic_is_no_crash(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Bank officials charged",
            "Investigators questioned Ramil Guliyev. Tofig Oglu was named as an accused.",
            language="en",
        )
    )
    assert "Ramil Guliyev" in {p.normalized for p in result.people}


def test_a_page_that_starts_with_its_lead_paragraph_has_no_second_lead_paragraph(
    extractor: Extractor,
) -> None:
    opening = (
        "The Lankaran court on Monday remanded scholar Rauf Talibov, who studies the "
        "folklore of the south, for four months; his lawyer said the charges had been "
        "drawn up in haste, in a single week, and that the defence would ask the appeal "
        "court in Lankaran to free him."
    )
    assert len(opening) > 250
    result = extractor.extract(
        article(
            opening,
            "His colleague Emil Qasimov was also detained and questioned for six hours at "
            "the police station of the district.",
            language="en",
            published=MONDAY,
        )
    )
    dates = {e.type: e.date for e in result.events}
    assert dates["pretrial_detention"] == MONDAY.date()
    assert dates["arrest"] is None


def test_the_next_day_counts_from_the_storys_last_date(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Graffiti case",
            "On 9 May 2024 two students painted slogans on a monument in Ganja. The next day "
            "Emil Qasimov was arrested.",
            language="en",
            published=MONDAY,
        )
    )
    assert {e.type: e.date for e in result.events}["arrest"] == dt.date(2024, 5, 10)


def test_a_charge_outside_the_table_stays_beside_coded_ones(extractor: Extractor) -> None:
    result = extractor.extract(
        article(
            "Trial continues",
            "The former minister is charged with war crimes and financing terrorism.",
            language="en",
        )
    )
    assert {c.code for c in result.charges} >= {"other", "terrorism"}


def test_two_given_names_sharing_a_plural_surname_are_two_people(extractor: Extractor) -> None:
    result = extractor.extract(
        article("Приговор", "Ровшан и Руфат Захидовы осуждены на шесть лет.", language="ru")
    )
    sentenced = {result.people[e.person].name for e in result.events if e.person is not None}
    assert sentenced == {"Ровшан Захидовы", "Руфат Захидовы"}


def test_a_word_before_and_is_no_sibling_when_the_surname_is_singular(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        article("Приговор", "Суд и Руфат Захидов не согласились.", language="ru")
    )
    assert [p.name for p in result.people] == ["Руфат Захидов"]
