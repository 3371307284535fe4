import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.cases import parse_yaml
from monitor.db import models as db
from monitor.registry import export_cases, import_cases, load_cases

FIRST = """
- id: orujov-mohyaddin
  name: Mohyaddin Orujov
  aliases: [Mohyaddin Orujev]
  status: imprisoned
  events: [{date: 2023-12-15, type: arrest}]
- id: yagublu-tofig
  name: Tofig Yagublu
"""


def test_first_import_adds_every_case_and_its_known_events(session: Session) -> None:
    report = import_cases(session, parse_yaml(FIRST))
    assert report.added == ["orujov-mohyaddin", "yagublu-tofig"]
    assert report.events_added == 1
    development = session.scalars(select(db.Development)).one()
    assert (development.case_id, development.type, development.origin) == (
        "orujov-mohyaddin",
        "arrest",
        "imported",
    )
    assert development.date == dt.date(2023, 12, 15)


def test_reimporting_the_same_list_changes_nothing(session: Session) -> None:
    import_cases(session, parse_yaml(FIRST))
    report = import_cases(session, parse_yaml(FIRST))
    assert report.added == [] and report.updated == {}
    assert report.events_added == 0
    assert sorted(report.unchanged) == ["orujov-mohyaddin", "yagublu-tofig"]


def test_an_edited_list_updates_fields_and_keeps_history(session: Session) -> None:
    import_cases(session, parse_yaml(FIRST))
    session.add(db.CaseAlias(case_id="orujov-mohyaddin", alias="Orudzhev", origin="analyst"))
    session.add(db.Development(case_id="orujov-mohyaddin", type="sentence", origin="article"))
    session.flush()
    edited = FIRST.replace("status: imprisoned", "status: released").replace(
        "[Mohyaddin Orujev]", "[Mohyaddin Orujev, Orucov]"
    )
    report = import_cases(session, parse_yaml(edited))
    assert report.updated == {"orujov-mohyaddin": ["status", "aliases"]}
    row = session.get(db.Case, "orujov-mohyaddin")
    assert row is not None and row.status == "released"
    assert sorted(a.alias for a in row.aliases) == ["Mohyaddin Orujev", "Orucov", "Orudzhev"]
    assert sorted(d.type for d in row.developments) == ["arrest", "sentence"]


def test_a_case_dropped_from_the_list_is_kept_but_inactive(session: Session) -> None:
    import_cases(session, parse_yaml(FIRST))
    report = import_cases(session, parse_yaml(FIRST.split("- id: yagublu")[0]))
    assert report.deactivated == ["yagublu-tofig"]
    assert [c.id for c in load_cases(session)] == ["orujov-mohyaddin"]
    assert len(load_cases(session, active_only=False)) == 2


def test_matching_sees_analyst_aliases_but_export_does_not(session: Session) -> None:
    import_cases(session, parse_yaml(FIRST))
    session.add(db.CaseAlias(case_id="orujov-mohyaddin", alias="Orudzhev", origin="analyst"))
    session.flush()
    session.expire_all()
    loaded = {c.id: c for c in load_cases(session)}
    exported = {c.id: c for c in export_cases(session)}
    assert "Orudzhev" in loaded["orujov-mohyaddin"].aliases
    assert "Orudzhev" not in exported["orujov-mohyaddin"].aliases


def test_reimporting_keeps_the_facility_the_timeline_reached_until_the_list_changes_it(
    session: Session,
) -> None:
    listed = FIRST.replace("status: imprisoned", "status: imprisoned\n  facility: Prison No. 13")
    import_cases(session, parse_yaml(listed))
    row = session.get(db.Case, "orujov-mohyaddin")
    assert row is not None
    row.facility = "Gobustan Prison"  # where a reported transfer took him

    again = import_cases(session, parse_yaml(listed))
    assert "orujov-mohyaddin" in again.unchanged
    assert row.facility == "Gobustan Prison"

    moved = import_cases(session, parse_yaml(listed.replace("Prison No. 13", "Prison No. 2")))
    assert moved.updated == {"orujov-mohyaddin": ["facility"]}
    assert (row.facility, row.imported_facility) == ("Prison No. 2", "Prison No. 2")
