import datetime as dt

import pytest

from monitor.nlp.dates import find_dates

ANCHOR = dt.date(2025, 3, 12)  # a Wednesday


def dates(text: str, anchor: dt.date | None = ANCHOR) -> list[dt.date]:
    return [hit.date for hit in find_dates(text, anchor)]


def test_full_english_date() -> None:
    assert dates("on February 25, 2024, the court ruled") == [dt.date(2024, 2, 25)]


def test_russian_day_and_month_take_the_article_year() -> None:
    assert dates("Его задержали 3 марта.") == [dt.date(2025, 3, 3)]


def test_a_day_months_after_the_article_is_last_year() -> None:
    assert dates("Его задержали 20 ноября.") == [dt.date(2024, 11, 20)]


def test_weekday_is_the_last_one_before_the_article() -> None:
    assert dates("He was detained on Monday.") == [dt.date(2025, 3, 10)]


def test_today_and_yesterday_in_both_languages() -> None:
    assert dates("сегодня") == [ANCHOR]
    assert dates("yesterday") == [dt.date(2025, 3, 11)]


def test_relative_dates_need_an_article_date() -> None:
    assert dates("He was detained yesterday.", anchor=None) == []


def test_a_month_with_its_year_gives_that_month() -> None:
    [hit] = find_dates("In October 2023 he was detained.", ANCHOR)
    assert (hit.date, hit.precision) == (dt.date(2023, 10, 1), "month")
    [hit] = find_dates("В октябре 2023 года его задержали.", ANCHOR)
    assert (hit.date, hit.precision) == (dt.date(2023, 10, 1), "month")


def test_a_year_alone_gives_that_year() -> None:
    [hit] = find_dates("He was first detained in 2016 and released later.", ANCHOR)
    assert (hit.date, hit.precision) == (dt.date(2016, 1, 1), "year")
    [hit] = find_dates("Его задержали в 2016 году.", ANCHOR)
    assert (hit.date, hit.precision) == (dt.date(2016, 1, 1), "year")


def test_a_bare_number_is_no_year() -> None:
    assert dates("He received 2016 votes and 25 signatures.") == []


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("He was detained in April.", dt.date(2024, 4, 1), "month"),
        ("В декабре его задержали.", dt.date(2024, 12, 1), "month"),
        ("In April last year he was sentenced.", dt.date(2024, 4, 1), "month"),
        ("В апреле прошлого года его осудили.", dt.date(2024, 4, 1), "month"),
        ("Его осудили в прошлом году.", dt.date(2024, 1, 1), "year"),
        ("Он вышел по июньскому указу.", dt.date(2024, 6, 1), "month"),
        ("He walked free two years ago.", dt.date(2023, 1, 1), "year"),
        ("Его задержали три месяца назад.", dt.date(2024, 12, 1), "month"),
        ("She was detained 5 days ago.", dt.date(2025, 3, 7), "day"),
    ],
)
def test_months_and_years_said_without_a_day(text: str, expected: dt.date, precision: str) -> None:
    [hit] = find_dates(text, ANCHOR)
    assert (hit.date, hit.precision) == (expected, precision)


def test_a_month_followed_by_a_day_is_that_day() -> None:
    [hit] = find_dates("The hearing is on April 5.", ANCHOR)
    assert (hit.date, hit.precision) == (dt.date(2025, 4, 5), "day")


def test_may_the_verb_is_no_month() -> None:
    assert find_dates("He may be released soon.", ANCHOR) == []


def test_a_deadline_is_no_date_of_an_event() -> None:
    anchor = dt.date(2025, 7, 10)
    assert find_dates("The court kept him in custody until 22 October.", anchor) == []
    assert find_dates("Суд продлил арест до 22 октября.", anchor) == []
