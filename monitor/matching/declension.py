"""Russian case endings of Azerbaijani names, both ways.

Reading: a Cyrillic word as printed (Мохйаддина, Оруджеву, Лалы) gives the nominatives
it may come from. Writing: a nominative gives the forms Russian texts print. Which names
decline is data (``names_ru.yaml``): -ов/-ев surnames in both genders, men's names ending
in a consonant, names ending in -а; indeclinable surnames (-ли, -лу, -заде, -оглу, -гызы)
and women's names ending in a consonant never change.
"""

from __future__ import annotations

from typing import Any

from monitor.matching.data import ru_rules
from monitor.matching.normalize import is_cyrillic, unified

_CYR_VOWELS = set("аеёиоуыэюя")


def _rules() -> dict[str, Any]:
    return ru_rules()


def ov_stem(word: str) -> str | None:
    """The word up to and including its -ов/-ев ending, if it is such a surname form."""
    rules = _rules()["ov_family"]
    lower = word.lower()
    endings = sorted({*rules["endings"]["m"], *rules["endings"]["f"]}, key=len, reverse=True)
    for ending in endings:
        if not lower.endswith(ending):
            continue
        base = lower[: len(lower) - len(ending)] if ending else lower
        for stem in rules["cyrillic_stems"]:
            if base.endswith(stem) and len(base) > len(stem) + 1:
                return word[: len(base)]
    return None


def indeclinable(word: str) -> bool:
    """Whether a surname keeps one form in every case (Ягублу, Hasanli, Nuruzade)."""
    latin = unified(word)
    return any(latin.endswith(e) for e in _rules()["indeclinable_latin_endings"])


def nominatives(word: str) -> list[tuple[str, bool]]:
    """The nominatives a printed word may be, each with whether a case ending was removed.

    The word itself always comes first. Only Cyrillic words are read: English texts do
    not decline names.
    """
    readings: list[tuple[str, bool]] = [(word, False)]
    if not is_cyrillic(word) or len(word) < 3:
        return readings
    rules = _rules()
    lower = word.lower()
    stem = ov_stem(word)
    if stem is not None and stem.lower() != lower:
        readings.append((stem, True))
    for ending in rules["consonant_stem"]["endings"]:
        base = lower[: -len(ending)]
        if lower.endswith(ending) and len(base) >= 2 and base[-1] not in _CYR_VOWELS:
            readings.append((word[: len(base)], True))
    for ending in rules["a_stem"]["endings"]:
        base = lower[: -len(ending)]
        if lower.endswith(ending) and len(base) >= 2 and base[-1] not in _CYR_VOWELS:
            readings.append((word[: len(base)] + rules["a_stem"]["nominative"], True))
    seen: set[str] = set()
    unique: list[tuple[str, bool]] = []
    for reading, removed in readings:
        if reading.lower() not in seen:
            seen.add(reading.lower())
            unique.append((reading, removed))
    return unique


def forms(word: str, gender: str | None, surname: bool) -> list[str]:
    """The Russian case forms of a Cyrillic nominative, the nominative first.

    ``gender`` is "m", "f" or None (unknown: the forms of both are given).
    """
    rules = _rules()
    lower = word.lower()
    out = [word]
    if surname and indeclinable(word):
        return out
    if ov_stem(word) == word or lower.endswith(("ова", "ева")):
        masculine = word[:-1] if lower.endswith(("ова", "ева", "ёва")) else word
        endings = rules["ov_family"]["endings"]
        if gender in (None, "m"):
            out += [masculine + e for e in endings["m"]]
        if gender in (None, "f"):
            out += [masculine + e for e in endings["f"]]
    elif lower.endswith("а") and len(lower) > 2:
        out += [word[:-1] + e for e in rules["a_stem"]["endings"] if e in ("ы", "е", "у", "ой")]
    elif lower[-1] not in _CYR_VOWELS and lower[-1] not in "ьй" and gender != "f":
        out += [word + e for e in rules["consonant_stem"]["endings"] if e != "ем"]
    return list(dict.fromkeys(out))
