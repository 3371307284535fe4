"""Names taken apart for comparison: words, their readings and their keys.

A *reading* is one way to understand a printed word: as written, or as the nominative a
Russian case ending was taken off (Мохйаддина -> Мохйаддин). Each reading carries its
unified Latin and phonetic key (see :mod:`monitor.matching.normalize`).
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.matching.declension import nominatives
from monitor.matching.normalize import is_initial, phonetic_key, tokens, unified

PATRONYMIC_WORDS = frozenset({"oglu", "ogly", "gizi", "kizi", "qizi", "gyzy", "kyzy"})


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
    parts = tokens(name)
    merged: list[str] = []
    for part in parts:
        if merged and unified(part) in PATRONYMIC_WORDS:
            merged[-1] = merged[-1] + part.lower()
        else:
            merged.append(part)
    return [read_word(p) for p in merged]


@dataclass(frozen=True)
class CaseName:
    """One listed spelling of a case's name (its name, an alias, or a confirmed spelling)."""

    case_index: int
    source: str  # "name", "alias" or "judgement"
    written: str
    first: Word | None
    surname: Word
    patronymic: Word | None = None


def case_name(case_index: int, source: str, written: str) -> CaseName | None:
    words = [w for w in name_words(written) if not w.initial]
    if not words:
        return None
    patronymic = None
    if len(words) >= 3 and is_patronymic(words[-1]):
        patronymic = words[-1]  # "Farid Babayev Sabuhioglu": the surname comes before
        words = words[:-1]
    first = words[0] if len(words) > 1 else None
    return CaseName(case_index, source, written, first, words[-1], patronymic)


def is_patronymic(word: Word) -> bool:
    """A word like Vagifoglu or Вагифгызы (father's name and "son"/"daughter of")."""
    return any(word.main.unified.endswith(p) for p in PATRONYMIC_WORDS)


def surname_gender(word: str) -> str | None:
    """Gender told by a surname's ending (Mammadova: f, Mammadov: m), None when unsure."""
    latin = unified(word)
    lower = word.lower()
    if lower.endswith(("овой", "евой", "ёвой")):
        return "f"
    if lower.endswith(("овым", "евым", "ове", "еве")):
        return "m"
    if lower.endswith(("ова", "ева", "ову", "еву")) and any("а" <= c <= "я" for c in lower):
        return None  # Мамедова: a woman, or a man in the genitive
    if latin.endswith(("ova", "eva")):
        return "f"
    if latin.endswith(("ov", "ev")):
        return "m"
    return None
