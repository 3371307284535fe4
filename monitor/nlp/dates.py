"""Dates in a sentence, resolved against the article's date.

"February 25, 2025" and "25 февраля 2025 года" are absolute; "25 февраля" takes the
article's year (the year before when that would put it more than a month after the
article); "on Monday", "yesterday", "сегодня" count back from the article date. A month
with its year ("in October 2023", "в октябре 2023 года") or a year alone ("in 2016",
"в 2016 году") gives a date of that precision (its first day, marked "month" or "year"):
too vague for a day, but enough to tell an old fact from news. So do a month alone ("in
April", "в апреле": the last April not after the article), "of last year" ("в апреле
прошлого года"), "last year" ("в прошлом году"), month adjectives ("по июньскому
указу") and spans back ("two years ago", "три месяца назад").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.nlp.resources import FLAGS, load_data

_DEADLINE_REACH = 12  # characters before a date to look for "until", "до"


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    date: dt.date
    precision: str = "day"  # day, month or year


@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    pattern: re.Pattern[str]
    adjectives: dict[str, int]
    numbers: dict[str, int]
    deadline: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_data("nlp_dates.yaml")
    months = {w: int(m) for m, ws in data["months"].items() for w in ws}
    adjectives = {w: int(m) for m, ws in data["month_adjectives"].items() for w in ws}
    ago = data["ago"]
    counts = _alternatives([str(w) for w in ago["numbers"]])
    units = "|".join(f"(?P<u_{unit}>{'|'.join(words)})" for unit, words in ago["units"].items())
    last_year = "|".join(data["last_year"])
    weekdays = {w: int(d) for d, ws in data["weekdays"].items() for w in ws}
    relative = {w: int(d) for d, ws in data["relative"].items() for w in ws}
    month = _alternatives(list(months))
    pattern = (
        rf"(?P<md>(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)"
        rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?(?P<m2>{month})\.?(?:,?\s+(?P<y2>\d{{4}}))?)"
        rf"|(?P<iso>(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
        rf"|(?P<num>(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}}|\d{{2}}))"
        rf"|(?P<wd>(?:on\s+|в\s+|во\s+|last\s+|this\s+|прошл\w+\s+)?(?P<w>{_alternatives(list(weekdays))}))"
        rf"|(?P<rel>{_alternatives(list(relative))})"
        rf"|(?P<my>(?P<m5>{month})\.?,?\s+(?P<y5>(?:19|20)\d{{2}})(?:\s+год\w*)?)"
        rf"|(?P<mo>(?:in|в|во|since|с|last|прошл\w+)\s+(?P<m8>{month})(?!\s+\d{{1,2}}(?!\d))"
        rf"(?:,?\s+(?P<y8>(?:19|20)\d{{2}})(?:\s+год\w*)?|\s+(?:of\s+)?(?P<l8>{last_year}))?)"
        rf"|(?P<ly>{last_year})"
        rf"|(?P<ago>(?P<count>\d{{1,2}}|{counts})\s+(?:{units})\s+(?:{'|'.join(ago['words'])}))"
        rf"|(?P<adj>(?P<a9>{_alternatives(list(adjectives))})\w*)"
        rf"|(?P<yr>(?:in|в|since|с)\s+(?P<y6>(?:19|20)\d{{2}})(?:\s+год\w*|-м)?)"
    )
    numbers = {str(w).lower(): int(n) for w, n in ago["numbers"].items()}
    return _Tables(
        months,
        weekdays,
        relative,
        re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", FLAGS),
        adjectives,
        numbers,
        re.compile(rf"(?<!\w)(?:{'|'.join(data['deadline'])})\s+$", FLAGS),
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, anchor: dt.date | None) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    if anchor is None:
        return None
    found = _safe_date(anchor.year, month, day)
    if found is not None and found - anchor > dt.timedelta(days=31):
        found = _safe_date(anchor.year - 1, month, day)
    return found


def _month_before(month: int, year: str | None, anchor: dt.date | None) -> dt.date | None:
    """The first day of ``month``: of ``year``, else the last such month that has begun
    by the article's date ("in April" said in March is last April)."""
    if year:
        return _safe_date(int(year), month, 1)
    if anchor is None:
        return None
    return dt.date(anchor.year if month <= anchor.month else anchor.year - 1, month, 1)


def _ago(
    groups: dict[str, str | None], numbers: dict[str, int], anchor: dt.date
) -> tuple[dt.date, str]:
    """ "two years ago": the date that long before the article, as precise as its unit."""
    raw = str(groups["count"]).lower()
    count = int(raw) if raw.isdigit() else numbers.get(raw, 1)
    if groups["u_year"]:
        return dt.date(anchor.year - count, 1, 1), "year"
    if groups["u_month"]:
        months = anchor.year * 12 + anchor.month - 1 - count
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    days = count * 7 if groups["u_week"] else count
    return anchor - dt.timedelta(days=days), "day"


def find_dates(text: str, anchor: dt.date | None, offset: int = 0) -> list[DateHit]:
    """Every date ``text`` gives or implies, relative ones against ``anchor``; not the
    deadlines ("until 22 October"), which say when nothing happened."""
    tables = _tables()
    hits: list[DateHit] = []
    for found in tables.pattern.finditer(text):
        if tables.deadline.search(text, max(0, found.start() - _DEADLINE_REACH), found.start()):
            continue
        g = found.groupdict()
        date: dt.date | None = None
        precision = "day"
        if g["md"]:
            date = _with_year(tables.months[g["m1"].lower()], int(g["d1"]), g["y1"], anchor)
        elif g["dm"]:
            date = _with_year(tables.months[g["m2"].lower()], int(g["d2"]), g["y2"], anchor)
        elif g["iso"]:
            date = _safe_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        elif g["num"]:
            year = int(g["y4"]) + (2000 if len(g["y4"]) == 2 else 0)
            date = _safe_date(year, int(g["m4"]), int(g["d4"]))
        elif g["wd"] and anchor is not None:
            back = (anchor.weekday() - tables.weekdays[g["w"].lower()]) % 7
            date = anchor - dt.timedelta(days=back)
        elif g["rel"] and anchor is not None:
            date = anchor - dt.timedelta(days=tables.relative[g["rel"].lower()])
        elif g["my"]:
            date, precision = _safe_date(int(g["y5"]), tables.months[g["m5"].lower()], 1), "month"
        elif g["yr"]:
            date, precision = _safe_date(int(g["y6"]), 1, 1), "year"
        elif g["mo"]:
            given: str | None = g["y8"]
            if g["l8"]:
                given = str(anchor.year - 1) if anchor else None
            date = _month_before(tables.months[g["m8"].lower()], given, anchor)
            precision = "month"
        elif g["ly"] and anchor is not None:
            date, precision = _safe_date(anchor.year - 1, 1, 1), "year"
        elif g["ago"] and anchor is not None:
            date, precision = _ago(g, tables.numbers, anchor)
        elif g["adj"]:
            date = _month_before(tables.adjectives[g["a9"].lower()], None, anchor)
            precision = "month"
        if date is not None:
            hits.append(DateHit(offset + found.start(), offset + found.end(), date, precision))
    return hits


def nearest_date(hits: list[DateHit], position: int) -> DateHit | None:
    """The hit closest to ``position`` (a trigger's offset), if any."""
    if not hits:
        return None
    return min(hits, key=lambda h: min(abs(h.start - position), abs(h.end - position)))
