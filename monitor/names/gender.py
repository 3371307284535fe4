"""A person's gender as a name tells it: "m", "f", or None when it cannot tell.

One answer for every caller, from one set of data (``words.yaml``, ``declension.yaml``):
a kinship marker tells it (Vagifgizi, Вагифгызы: f; Vagifoglu, оглы: m); a Russian
patronymic tells it (Гейдарович: m); a Cyrillic surname form printed in a text tells it
when every reading of its ending agrees (Мамедовой: f; Мамедовым: m), and is ambiguous
when they do not (Мамедова: a woman, or a man in the genitive; Мамедову: a man's dative
or a woman's accusative); a nominative tells it by its ending (Mammadova, Гасанова: f;
Mammadov: m). A bare given name tells nothing here.
"""

from __future__ import annotations

from functools import lru_cache

from monitor.names.data import word_rules
from monitor.names.declension import Gender, surname_genders
from monitor.names.markers import is_kinship_marker, kinship_gender
from monitor.names.script import is_cyrillic
from monitor.names.translit import tokens

__all__ = ["Gender", "gender"]


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, Gender], ...]:
    data = word_rules()["gender_endings"]
    pairs = [(e, g) for g, endings in data.items() for e in endings]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _by_ending(word: str) -> Gender | None:
    lower = word.lower()
    return next((g for ending, g in _endings() if lower.endswith(ending)), None)


def gender(name: str, *, nominative: bool = False) -> Gender | None:
    """The gender ``name`` tells by its last words, None when it cannot tell.

    ``nominative``: the name is known to be in the nominative (a normalized name), so
    "Гасанова" is a woman's; as printed in a Russian text it may be a man's genitive.
    """
    words = tokens(name)
    if not words:
        return None
    for word in reversed(words):
        told = kinship_gender(word)
        if told is not None:
            return told
        if is_kinship_marker(word):
            continue
        break
    surname = words[-1]
    if len(words) > 1 and is_kinship_marker(surname):
        surname = words[-2]
    if is_cyrillic(surname) and not nominative:
        genders = surname_genders(surname)
        if genders:
            return next(iter(genders)) if len(genders) == 1 else None
    return _by_ending(surname)
