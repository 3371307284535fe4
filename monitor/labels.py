"""How codes and dates read to people: one table (``monitor/data/labels.yaml``) for the
emails, the web pages and the command line.

Codes (``drug_trafficking``, ``hunger_strike``, ``house_arrest``) stay what the data, the
database and the analysis contract use; :func:`label` turns one into words, and
:func:`readable` the codes inside a matcher's reason ("charge in case:
drug_trafficking" reads "charge in case: drug trafficking").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from jinja2 import Environment

from monitor.datafiles import load_data

CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


@cache
def _table() -> dict[str, dict[str, str]]:
    data: dict[str, Any] = load_data("labels.yaml")
    return {
        kind: {str(k): str(v) for k, v in table.items()}
        for kind, table in data.items()
        if isinstance(table, dict)
    }


def label(kind: str, code: str | None) -> str:
    """The words for ``code`` in table ``kind`` (events, charges, statuses...); an unknown
    code reads as itself with spaces."""
    if not code:
        return ""
    return _table().get(kind, {}).get(code) or code.replace("_", " ")


@cache
def _code_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for kind in ("events", "charges", "statuses"):
        words.update({code: text for code, text in _table()[kind].items() if "_" in code})
    return words


def readable(text: str) -> str:
    """``text`` with every multi-word code in it (``pretrial_detention``) in words."""
    words = _code_words()
    return CODE.sub(lambda m: words.get(m.group(), m.group()), text)


def human_date(date: dt.date | str | None, precision: str = "day") -> str:
    """3 February 2026; February 2026 or 2026 when the text gave no day or month."""
    if date is None or date == "":
        return ""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    months: list[str] = load_data("labels.yaml")["months"]
    month = months[date.month - 1]
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def install(env: Environment) -> None:
    """Make the labels Jinja filters: ``{{ t | event_label }}``, ``charge_label``,
    ``status_label``, ``readable``, ``human_date(precision)``, ``label(kind)``."""
    env.filters["label"] = lambda code, kind: label(kind, code)
    env.filters["event_label"] = lambda code: label("events", code)
    env.filters["charge_label"] = lambda code: label("charges", code)
    env.filters["status_label"] = lambda code: label("statuses", code)
    env.filters["readable"] = readable
    env.filters["human_date"] = human_date
