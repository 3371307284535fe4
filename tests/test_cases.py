import datetime as dt
from pathlib import Path

import pytest

from monitor.cases import CaseFileError, dump_yaml, load_cases, parse_csv, parse_yaml

LIST = """
- id: orujov-mohyaddin
  name: Mohyaddin Orujov
  aliases: [Mohyaddin Orujev, Мохйаддин Оруджев]
  country: az
  gender: m
  charges: [drug_trafficking]
  facility: Correctional Facility No. 13
  status: imprisoned
  events:
    - {date: 2023-12-15, type: arrest}
- id: yagublu-tofig
  name: Tofig Yagublu
"""


def test_yaml_list_gives_cases_with_every_field() -> None:
    orujov, yagublu = parse_yaml(LIST)
    assert orujov.aliases == ["Mohyaddin Orujev", "Мохйаддин Оруджев"]
    assert orujov.country == "AZ"
    assert orujov.events[0].date == dt.date(2023, 12, 15)
    assert yagublu.charges == [] and yagublu.status is None


def test_a_mapping_with_a_cases_key_is_accepted() -> None:
    assert [c.id for c in parse_yaml("cases:\n  - {id: a-b, name: A B}\n")] == ["a-b"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {name: No Id}", "'id' is required"),
        ("- {id: Bad Id, name: X}", "lowercase"),
        ("- {id: a, name: A, charges: [jaywalking]}", "unknown charge codes"),
        ("- {id: a, name: A, status: missing}", "status 'missing'"),
        ("- {id: a, name: A}\n- {id: a, name: B}", "appears twice"),
        ("- {id: a, name: A, events: [{type: party}]}", "event 1 needs a type"),
        ("- [not, a, mapping]", "entry 1 is not a mapping"),
        ("key: [unclosed", "not valid YAML"),
    ],
)
def test_bad_entries_are_named_in_the_error(text: str, message: str) -> None:
    with pytest.raises(CaseFileError, match=message):
        parse_yaml(text)


def test_csv_lists_are_split_on_semicolons() -> None:
    text = (
        "id,name,aliases,charges,events\n"
        "huseynov-mehman,Mehman Huseynov,Mekhman Guseinov; Мехман Гусейнов,defamation,"
        "2017-01-09 arrest; 2017-03-03 sentence\n"
    )
    (case,) = parse_csv(text)
    assert case.aliases == ["Mekhman Guseinov", "Мехман Гусейнов"]
    assert [e.type for e in case.events] == ["arrest", "sentence"]


def test_csv_without_id_and_name_columns_is_refused() -> None:
    with pytest.raises(CaseFileError, match="header row"):
        parse_csv("name\nX\n")


def test_load_cases_reads_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,name\na-b,A B\n", encoding="utf-8")
    assert load_cases(path)[0].name == "A B"


def test_export_round_trips_through_import() -> None:
    cases = parse_yaml(LIST)
    assert parse_yaml(dump_yaml(cases)) == cases


def test_a_mapping_without_a_cases_key_is_refused() -> None:
    with pytest.raises(CaseFileError, match="needs a 'cases:' key"):
        parse_yaml("people:\n  - {id: a, name: A}\n")


def test_an_impossible_date_names_its_entry() -> None:
    with pytest.raises(CaseFileError, match=r"entry 1 \(a\) event 1: date '2023-02-30'"):
        parse_yaml("- {id: a, name: A, events: [{date: 2023-02-30, type: arrest}]}\n")


def test_aliases_are_refused_so_a_file_cannot_expand_into_billions_of_nodes() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(CaseFileError, match=r"aliases .* are not allowed"):
        parse_yaml(bomb + "cases: *i\n")


def test_events_that_are_not_a_list_are_an_error_about_the_entry() -> None:
    with pytest.raises(CaseFileError, match=r"entry 1 \(a\): events must be a list"):
        parse_yaml("- {id: a, name: A, events: 5}\n")
