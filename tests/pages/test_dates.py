"""Datelines and stamps: always timezone-aware, in the outlet's zone when none is given."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.pages.dates import parse_dateline, parse_iso

MOSCOW = dt.timezone(dt.timedelta(hours=3))
MOSCOW_2013 = dt.timezone(dt.timedelta(hours=4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:40, 5 февраля 2026", dt.datetime(2026, 2, 5, 8, 40, tzinfo=MOSCOW)),
        # Moscow was UTC+4 from 2011 to 2014: the zone, not a fixed offset, decides
        ("16 июля 2013, 01:39", dt.datetime(2013, 7, 16, 1, 39, tzinfo=MOSCOW_2013)),
        ("18:59, 18 September 2018", dt.datetime(2018, 9, 18, 18, 59, tzinfo=MOSCOW)),
        ("24 December 2015, 02:24", dt.datetime(2015, 12, 24, 2, 24, tzinfo=MOSCOW)),
        ("February 9, 2024", dt.datetime(2024, 2, 9, 0, 0, tzinfo=MOSCOW)),
        ("09.02.2024 14:35", dt.datetime(2024, 2, 9, 14, 35, tzinfo=MOSCOW)),
    ],
)
def test_datelines(text: str, expected: dt.datetime) -> None:
    assert parse_dateline(text, "Europe/Moscow") == expected


def test_text_without_a_date_gives_none() -> None:
    assert parse_dateline("Суд отклонил жалобу активиста", "Europe/Moscow") is None


def test_impossible_dates_give_none() -> None:
    assert parse_dateline("31 февраля 2026", "Europe/Moscow") is None


def test_iso_stamp_keeps_its_offset_and_a_bare_one_takes_the_zone() -> None:
    assert parse_iso("2026-02-05T12:30:00+04:00") == dt.datetime(
        2026, 2, 5, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=4))
    )
    bare = parse_iso("2026-02-05T12:30:00", "Asia/Baku")
    assert bare is not None and bare.utcoffset() == dt.timedelta(hours=4)
