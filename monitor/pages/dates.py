"""Publication times from pages: ISO stamps in meta tags, and outlets' datelines.

Datelines carry no zone; they are read in the outlet's time zone (Caucasian Knot prints
Moscow time). A page without a date gives ``None``, never the fetch time.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ],
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "январь",
                "февраль",
                "март",
                "апрель",
                "май",
                "июнь",
                "июль",
                "август",
                "сентябрь",
                "октябрь",
                "ноябрь",
                "декабрь",
            ],
            start=1,
        )
    },
}

TIME_FIRST = re.compile(r"\b(\d{1,2}):(\d{2}),?\s+(\d{1,2})\s+([A-Za-zА-Яа-яЁё]+)\.?,?\s+(\d{4})")
DATE_FIRST = re.compile(
    r"\b(\d{1,2})\s+([A-Za-zА-Яа-яЁё]+)\.?,?\s+(\d{4})(?:\s*(?:г\.|года)?,?\s+(\d{1,2}):(\d{2}))?"
)
MONTH_FIRST = re.compile(
    r"\b([A-Za-z]+)\.?\s+(\d{1,2}),\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2}))?"
)
NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b(?:,?\s+(\d{1,2}):(\d{2}))?")


def _build(
    year: int, month: int, day: int, hour: int, minute: int, zone: str
) -> dt.datetime | None:
    if year < 100:
        year += 2000
    try:
        return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))
    except ValueError:
        return None


def parse_iso(text: str | None, zone: str = "UTC") -> dt.datetime | None:
    """An ISO 8601 stamp; without an offset it is local time of ``zone``."""
    if not text:
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(zone))


def parse_dateline(text: str, zone: str = "UTC") -> dt.datetime | None:
    """The first dateline in ``text``: ``08:40, 5 февраля 2026``, ``16 июля 2013, 01:39``,
    ``18:59, 18 September 2018``, ``February 9, 2024``, ``09.02.2024 14:35``."""
    match = TIME_FIRST.search(text)
    if match and match.group(4).lower() in MONTHS:
        hour, minute, day, month, year = match.groups()
        return _build(int(year), MONTHS[month.lower()], int(day), int(hour), int(minute), zone)
    for found in DATE_FIRST.finditer(text):
        day, month, year, hour, minute = found.groups()
        if month.lower() in MONTHS:
            return _build(
                int(year), MONTHS[month.lower()], int(day), int(hour or 0), int(minute or 0), zone
            )
    for found in MONTH_FIRST.finditer(text):
        month, day, year, hour, minute = found.groups()
        if month.lower() in MONTHS:
            return _build(
                int(year), MONTHS[month.lower()], int(day), int(hour or 0), int(minute or 0), zone
            )
    numeric = NUMERIC.search(text)
    if numeric:
        day, month, year, hour, minute = numeric.groups()
        return _build(int(year), int(month), int(day), int(hour or 0), int(minute or 0), zone)
    return None
