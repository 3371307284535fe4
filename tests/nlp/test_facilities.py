import pytest

from monitor.nlp.facilities import find_facilities


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("He was moved to penal colony No. 7 last year.", "Correctional Facility No. 7"),
        ("He is held in Correctional Facility No. 13.", "Correctional Facility No. 13"),
        ("Его этапировали в колонию №15.", "Correctional Facility No. 15"),
        ("Он отбывает срок в 11-м исправительном учреждении.", "Correctional Facility No. 11"),
        ("Его перевели в УОН №14.", "Correctional Facility No. 14"),
        (
            "She was taken to Baku Pretrial Detention Center No. 1.",
            "Baku Pretrial Detention Center No. 1",
        ),
        (
            "Его поместили в Бакинский следственный изолятор №1.",
            "Baku Pretrial Detention Center No. 1",
        ),
        (
            "He spent a month in the Kurdakhani detention center.",
            "Baku Pretrial Detention Center No. 1",
        ),
        ("Он находится в СИЗО-3.", "Pretrial Detention Center No. 3"),
        ("He was sent to Gobustan prison.", "Gobustan Prison"),
        ("Его перевели в Гобустанскую тюрьму.", "Gobustan Prison"),
        ("Прокурор посетил Умбакы.", "Umbaki Penitentiary Complex"),
        ("He spent a year in the detention centre SIZO-2.", "Pretrial Detention Center No. 2"),
        ("Её этапировали в пенитенциарное учреждение №4.", "Correctional Facility No. 4"),
        ("Его содержат в Бакинском следственном изоляторе.", "Baku Pretrial Detention Center"),
        (
            "He was taken to the medical facility of the Penitentiary Service.",
            "Medical Facility of the Penitentiary Service",
        ),
        (
            "Его перевели в лечебное учреждение Пенитенциарной службы.",
            "Medical Facility of the Penitentiary Service",
        ),
        (
            "She spent the night in the Nizami District Police Department.",
            "Police Department of the Nizami District",
        ),
    ],
)
def test_places_of_detention_get_their_canonical_name(text: str, canonical: str) -> None:
    assert [hit.canonical for hit in find_facilities(text)] == [canonical]


def test_police_station_keeps_number_and_district() -> None:
    text = "He was summoned to police station No. 21 of Sabail district."
    assert [h.canonical for h in find_facilities(text)] == [
        "Police Station No. 21 of the Sabail District"
    ]


def test_russian_police_station_district_is_translated() -> None:
    text = "Его вызвали в 21-е отделение полиции Сабаильского районного управления."
    assert [h.canonical for h in find_facilities(text)] == [
        "Police Station No. 21 of the Sabail District"
    ]


def test_the_facility_number_is_part_of_the_span() -> None:
    text = "He is in Correctional Facility No. 13 now."
    hit = find_facilities(text)[0]
    assert text[hit.start : hit.end] == "Correctional Facility No. 13"


def test_an_abbreviation_inside_a_word_is_not_a_facility() -> None:
    assert find_facilities("Ливсы и Ивсон") == []


def test_azerbaijani_facility_names_in_any_case_form() -> None:
    from monitor.nlp import Extractor
    from tests.nlp.conftest import article

    result = Extractor().extract(
        article(
            "Jurnalist köçürülüb",
            "Jurnalist 14 saylı cəzaçəkmə müəssisəsinə köçürülüb.",
            language="az",
        )
    )
    assert [f.canonical for f in result.facilities] == ["Correctional Facility No. 14"]


def canonicals(text: str) -> list[str]:
    return [hit.canonical for hit in find_facilities(text)]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("He is serving his term in IK-6 in the Tver region.", "Correctional Facility No. 6"),
        ("Его этапировали в ФКУ ИК-2 в Мордовии.", "Correctional Facility No. 2"),
        (
            "She follows the hearings by video from the detention centre in the village of "
            "Kurdakhani.",
            "Baku Pretrial Detention Center No. 1",
        ),
        (
            "Его содержат в изоляторе в поселке Кюрдаханы.",
            "Baku Pretrial Detention Center No. 1",
        ),
        ("His wife visited him in Baku SIZO-2 on Monday.", "Baku Pretrial Detention Center No. 2"),
        (
            "Журналиста поместили в СИЗО-1 Махачкалы.",
            "Makhachkala Pretrial Detention Center No. 1",
        ),
        (
            "After a month of hunger strike he was moved to medical institution No. 18.",
            "Medical Institution No. 18",
        ),
        (
            "На 20-й день голодовки его перевели в медицинское учреждение №18.",
            "Medical Institution No. 18",
        ),
        (
            "He is held in penitentiary establishment No. 8 in Tbilisi.",
            "Correctional Facility No. 8",
        ),
    ],
)
def test_colonies_and_pretrial_centres_in_the_words_of_real_reports(
    text: str, canonical: str
) -> None:
    assert canonicals(text) == [canonical]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "The lawyer learnt that his client was kept at the ROVD for the Kirov District.",
            "ROVD of the Kirov District",
        ),
        (
            "Задержанного доставили в ОВД по Ленинскому району Махачкалы.",
            "ROVD of the Lenin District",
        ),
        (
            "The journalist is being held at the Main Department for Combating Organised Crime.",
            "Main Department for Combating Organized Crime of the Ministry of Internal Affairs",
        ),
        (
            "Блогер содержится в Главном управлении по борьбе с организованной преступностью.",
            "Main Department for Combating Organized Crime of the Ministry of Internal Affairs",
        ),
        (
            "Since March the activist has been held in Kurdakhani.",
            "Baku Pretrial Detention Center No. 1",
        ),
        ("Журналистку вернули в Кюрдаханы после суда.", "Baku Pretrial Detention Center No. 1"),
        (
            "Его отвезли в 22-е отделение полиции Ясамальского района.",
            "Police Station No. 22 of the Yasamal District",
        ),
    ],
)
def test_a_place_where_someone_is_held_is_a_place_of_detention(text: str, canonical: str) -> None:
    assert canonicals(text) == [canonical]


@pytest.mark.parametrize(
    "text",
    [
        "Officers of the Khatai District Police Department detained three men with heroin.",
        "The raid was carried out by the district police department.",
        "Сотрудники Хатаинского районного управления полиции задержали троих.",
        "Иск подал начальник 14-го отделения полиции.",
        "Officers of the ROVD for the Kirov District detained a suspect.",
        "Residents of Kurdakhani complained about the water supply.",
    ],
)
def test_a_police_office_or_settlement_that_holds_nobody_is_no_place_of_detention(
    text: str,
) -> None:
    assert canonicals(text) == []


def test_an_azerbaijani_correctional_institution_by_its_russian_letters() -> None:
    assert canonicals("Руководство ИУ-11 обратилось в суд.") == ["Correctional Facility No. 11"]
