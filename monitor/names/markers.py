"""The father's name and other words around a name: kinship markers (oglu, gizi,
оглы), Russian patronymics (-ович, -овна), and the shape of a surname.

"Hilal Alif oglu Mammadov" is Hilal Mammadov, son of Alif; "Sevinj Vagifgizi" is
Sevinj, daughter of Vagif (the marker joined to the father's name); "Гасанов Тофиг Рза
оглы" is the official order, surname first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from monitor.names.data import word_rules
from monitor.names.translit import unified

Gender = Literal["m", "f"]


@dataclass(frozen=True)
class NameParts:
    words: tuple[str, ...]  # the name used for matching, patronymic removed
    patronymic: str | None


@lru_cache(maxsize=1)
def _markers() -> dict[str, Gender]:
    """Kinship markers (as written, lowercased) to the gender they tell."""
    return {w.lower(): g for g, words in word_rules()["kinship_markers"].items() for w in words}


@lru_cache(maxsize=1)
def _unified_markers() -> tuple[tuple[str, Gender], ...]:
    """The markers in unified Latin, longest first (qızı, кызы -> gizi, kizi)."""
    pairs = {(unified(w), g) for w, g in _markers().items()}
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _patronymic_suffixes() -> tuple[tuple[str, Gender], ...]:
    data = word_rules()["patronymic_suffixes"]
    pairs = [(s, g) for g, suffixes in data.items() for s in suffixes]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def is_kinship_marker(word: str) -> bool:
    """A word of its own that says "son of" or "daughter of" (oglu, qızı, оглы)."""
    return word.lower() in _markers() or unified(word) in {m for m, _ in _unified_markers()}


def kinship_gender(word: str) -> Gender | None:
    """The gender a kinship marker tells, alone or joined to the father's name
    (Vagifoglu: m, Vagifgizi, Вагифгызы: f); None for any other word."""
    latin = unified(word)
    for marker, gender in _unified_markers():
        if latin.endswith(marker):
            return gender
    lower = word.lower()
    for suffix, gender in _patronymic_suffixes():
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return gender
    return None


def is_patronymic(word: str) -> bool:
    """A word like Vagifoglu, Вагифгызы or Гейдарович (the father's name and its marker)."""
    return kinship_gender(word) is not None


def split_patronymic(words: list[str]) -> NameParts:
    """``Hilal Alif oglu Mammadov`` -> (Hilal, Mammadov), patronymic ``Alif oglu``."""
    for i, word in enumerate(words):
        if i > 0 and word.lower() in _markers():
            patronymic = f"{words[i - 1]} {word}"
            rest = [*words[: i - 1], *words[i + 1 :]]
            return NameParts(surname_last(rest), patronymic)
    suffixes = tuple(s for s, _ in _patronymic_suffixes())
    for i, word in enumerate(words):
        if i > 0 and len(words) > 2 and word.lower().endswith(suffixes):
            return NameParts(surname_last([*words[:i], *words[i + 1 :]]), word)
    return NameParts(tuple(words), None)


@lru_cache(maxsize=1)
def _surname_shape() -> re.Pattern[str]:
    data = word_rules()
    endings = [
        *data["surname_endings"],
        *data["surname_endings_ru"],
        *data["surname_endings_ka"],
        *data["surname_endings_hy"],
    ]
    alternatives = "|".join(re.escape(e) for e in sorted(set(endings), key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})$", re.IGNORECASE)


def surname_endings() -> list[str]:
    """Every surname ending of the region, Latin, Cyrillic, Georgian and Armenian."""
    data = word_rules()
    keys = ("surname_endings", "surname_endings_ru", "surname_endings_ka", "surname_endings_hy")
    return [e for key in keys for e in data[key]]


def looks_like_surname(word: str) -> bool:
    """Whether a word ends like a surname of the region (Orujov, Гасанли, Нурузаде)."""
    return _surname_shape().search(word) is not None


def surname_last(words: list[str]) -> tuple[str, ...]:
    """``Мамедов Гилал`` (official order) -> ``Гилал Мамедов``."""
    if len(words) == 2 and looks_like_surname(words[0]) and not looks_like_surname(words[1]):
        return (words[1], words[0])
    return tuple(words)
