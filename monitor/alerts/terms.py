"""Prison terms in a sentence ("to nine years", "к 9 годам и 6 месяцам", "to life"), read
as "9 years", "9 years 6 months", "life": for the subject of a verdict's alert and for
each co-defendant it lists. The words are data (``terms`` in ``alerts.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from monitor.datafiles import load_data


@dataclass(frozen=True)
class Term:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    numbers: dict[str, int]
    units: dict[str, str]


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    data: dict[str, Any] = load_data("alerts.yaml")["terms"]
    number_words = [w for words in data["numbers"].values() for w in words]
    number = rf"(?:\d{{1,2}}|{_alternatives(number_words)})"
    unit = _alternatives([w for words in data["units"].values() for w in words])

    def amount(n: str, u: str) -> str:
        return rf"(?P<{n}>{number})[\s-]+(?P<{u}>{unit})\b"

    life = _alternatives(data["life"])
    pattern = re.compile(
        rf"\b(?:(?P<life>{life})|{amount('n1', 'u1')}"
        rf"(?:,?\s+(?:and|и)\s+{amount('n2', 'u2')})?)"
        rf"(?!\s+(?:{_alternatives(data['not_after'])})\b)",
        re.IGNORECASE,
    )
    numbers = {str(w): int(n) for n, words in data["numbers"].items() for w in words}
    units = {str(w): str(u) for u, words in data["units"].items() for w in words}
    return _Rules(pattern, numbers, units)


def _value(word: str, table: dict[str, Any]) -> Any:
    lower = word.lower()
    return next((v for w, v in table.items() if re.fullmatch(w, lower)), None)


def _amount(number: str, unit: str) -> str:
    rules = _rules()
    count = int(number) if number.isdigit() else _value(number, rules.numbers)
    name = _value(unit, rules.units) or unit
    return f"{count} {name if count != 1 else name.rstrip('s')}"


def find_terms(sentence: str) -> list[Term]:
    """Every prison term in ``sentence``, in order."""
    found = []
    for m in _rules().pattern.finditer(sentence):
        if m.group("life"):
            text = "life"
        else:
            text = _amount(m.group("n1"), m.group("u1"))
            if m.group("n2"):
                text += " " + _amount(m.group("n2"), m.group("u2"))
        found.append(Term(text, m.start(), m.end()))
    return found


def term_of(sentence: str, at: int, others: Sequence[int] = ()) -> str | None:
    """The term ``sentence`` gives the person named at ``at``: the first after the name
    with no other person (named at ``others``) in between; or the only term of the
    sentence, when it follows the name ("A and B were given nine years each")."""
    terms = find_terms(sentence)
    for term in terms:
        if term.start >= at and not any(at < o < term.start for o in others):
            return term.text
    if len(terms) == 1 and terms[0].start >= at:
        return terms[0].text
    return None
