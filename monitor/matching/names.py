"""A case's listed spellings taken apart for comparison (words and readings come from
:mod:`monitor.names`)."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.names import Word, is_patronymic, name_words


@dataclass(frozen=True)
class CaseName:
    """One listed spelling of a case's name (its name, an alias, or a confirmed spelling)."""

    case_index: int
    source: str  # "name", "alias" or "judgement"
    written: str
    first: Word | None
    surname: Word
    patronymic: Word | None = None


def patronymic_word(word: Word) -> bool:
    """A word like Vagifoglu or Вагифгызы (father's name and "son"/"daughter of")."""
    return is_patronymic(word.main.written)


def case_name(case_index: int, source: str, written: str) -> CaseName | None:
    words = [w for w in name_words(written) if not w.initial]
    if not words:
        return None
    patronymic = None
    if len(words) >= 3 and patronymic_word(words[-1]):
        patronymic = words[-1]  # "Farid Babayev Sabuhioglu": the surname comes before
        words = words[:-1]
    first = words[0] if len(words) > 1 else None
    return CaseName(case_index, source, written, first, words[-1], patronymic)
