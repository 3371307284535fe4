"""Names taken apart for comparison: words, their readings and their keys.

A *reading* is one way to understand a printed word: as written, or as the nominative a
case ending was taken off (Мохйаддина -> Мохйаддин, ამაღლობელმა -> ამაღლობელი). Each
reading carries its unified Latin and phonetic key (see :mod:`monitor.names.translit`).
A *surname key* is a finer key, for telling whether two forms in one article spell the
same surname (Оруджевым, Orujev).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.names.declension import nominative, nominatives
from monitor.names.markers import is_kinship_marker
from monitor.names.script import is_cyrillic
from monitor.names.translit import is_initial, phonetic_key, tokens, unified


@dataclass(frozen=True)
class Reading:
    written: str
    unified: str
    key: str
    case_form: bool = False


@dataclass(frozen=True)
class Word:
    """One printed word and every reading of it (the word as written first)."""

    written: str
    readings: tuple[Reading, ...]

    @property
    def initial(self) -> bool:
        return is_initial(self.written)

    @property
    def main(self) -> Reading:
        return self.readings[0]


@lru_cache(maxsize=65536)
def read_word(written: str) -> Word:
    readings = []
    for form, removed in nominatives(written):
        latin = unified(form)
        if latin:
            readings.append(Reading(form, latin, phonetic_key(latin), removed))
    if not readings:
        readings.append(Reading(written, "", "", False))
    return Word(written, tuple(readings))


def name_words(name: str) -> list[Word]:
    """The words of a name; a separate "oglu"/"gizi" joins the word before it."""
    merged: list[str] = []
    for part in tokens(name):
        if merged and is_kinship_marker(part):
            merged[-1] = merged[-1] + part.lower()
        else:
            merged.append(part)
    return [read_word(p) for p in merged]


@lru_cache(maxsize=65536)
def surname_key(word: str) -> str:
    """A spelling-tolerant key of a surname in any script and case form: ``Оруджевым``
    and ``Orujev`` give one key; Гасанов and Гусейнов do not."""
    base = nominative((word,), (None,), False) if is_cyrillic(word) else word
    latin = unified(base)
    latin = re.sub(r"kh|x", "h", latin).replace("y", "i")
    latin = re.sub(r"(.)\1", r"\1", latin)
    return re.sub(r"(?:a|u)$", "", latin)
