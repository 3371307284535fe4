"""Case endings of names, both ways.

Reading: a word as printed (Мохйаддина, Оруджеву, Лалы; ამაღლობელმა, Վարդանյանի) gives
the nominatives it may come from, each with the gender and grammatical case its ending
tells (:func:`analyses`, :func:`nominatives`); :func:`nominative` picks one for a whole
name, helped by the morphology tagger's case. Writing: a Cyrillic nominative gives the
forms Russian texts print (:func:`forms`). Which names decline is data
(``declension.yaml``): -ов/-ев/-ин and -ский surnames in both genders, men's names ending
in a consonant, names ending in -а or -ия; indeclinable surnames (-ли, -лу, -заде,
-оглу, -гызы) and women's names ending in a consonant never change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from monitor.names.data import declension_rules
from monitor.names.markers import looks_like_surname
from monitor.names.script import is_cyrillic, script_of
from monitor.names.translit import unified

Gender = Literal["m", "f"]
_CYR_VOWELS = set("аеёиоуыэюя")


@dataclass(frozen=True)
class Analysis:
    """One way to read a printed word: the nominative, and what its ending tells."""

    nominative: str
    gender: Gender | None  # None: the ending does not tell
    case: str | None  # "Nom", "Gen", ...; None when not read
    surname: bool  # the ending is a surname family's (Оруджеву), not a given name's


def _as_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _endings(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(case, ending) pairs of a family's table, longest ending first."""
    pairs = [(case, e) for case, value in table.items() for e in _as_list(value)]
    return sorted(pairs, key=lambda p: -len(p[1]))


def _restore(word: str, lower_nominative: str) -> str:
    """``lower_nominative`` with the letter case of ``word`` (Мамедову -> Мамедов)."""
    if word[:1].isupper():
        return lower_nominative[:1].upper() + lower_nominative[1:]
    return lower_nominative


def _surname_analyses(word: str) -> list[Analysis]:
    lower = word.lower()
    found: list[Analysis] = []
    for family in declension_rules()["surname_families"].values():
        for gender in ("m", "f"):
            nominative_end = _as_list(family[gender]["Nom"])[0]
            for case, ending in _endings(family[gender]):
                if not lower.endswith(ending):
                    continue
                stem = lower[: len(lower) - len(ending)] if ending else lower
                if not any(stem.endswith(s) and len(stem) > len(s) + 1 for s in family["stems"]):
                    continue
                nominative = _restore(word, stem + nominative_end)
                found.append(Analysis(nominative, gender, case, True))
    return found


def _stem_fits(stem: str, after: str) -> bool:
    """Whether a stem ends in what a family's names end in before their ending."""
    if len(stem) < 2:
        return False
    vowel = stem[-1] in _CYR_VOWELS
    if after == "consonant":
        return not vowel and stem[-1] not in "ьй"
    return vowel if after == "vowel" else True


def _given_analyses(word: str) -> list[Analysis]:
    lower = word.lower()
    found: list[Analysis] = []
    for family in declension_rules()["given_families"].values():
        gender = None if family["gender"] == "any" else family["gender"]
        for case, value in family["forms"].items():
            for ending in _as_list(value):
                stem = lower[: -len(ending)]
                if not lower.endswith(ending) or not _stem_fits(stem, family["after"]):
                    continue
                if ending != _written(stem, value):
                    continue  # Низами, Андрей: no case form of Низама, Андра
                nominative = _restore(word, stem + family["nominative"])
                found.append(Analysis(nominative, gender, case, False))
    return found


def _other_script_readings(word: str) -> list[str]:
    rules = declension_rules()["other_scripts"][script_of(word)]
    readings: list[str] = []
    for ending in sorted(rules["endings"], key=len, reverse=True):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            readings += [stem + n for n in rules["nominatives"]]
    return readings


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every reading of a Cyrillic word: as printed (a nominative, gender untold) first,
    then each nominative a case ending may have been taken off. Other scripts: the word
    alone (Latin names do not decline; see :func:`nominatives` for Georgian, Armenian)."""
    readings = [Analysis(word, None, None, False)]
    if not is_cyrillic(word) or len(word) < 3:
        return tuple(readings)
    readings += _surname_analyses(word)
    readings += _given_analyses(word)
    return tuple(readings)


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[tuple[str, bool], ...]:
    """The nominatives a printed word may be, each with whether a case ending was removed.

    The word itself always comes first. Cyrillic, Georgian and Armenian words are read;
    Latin texts do not decline names.
    """
    if script_of(word) in ("georgian", "armenian"):
        other = [(word, False)] + [(r, True) for r in _other_script_readings(word)]
    else:
        other = [(a.nominative, a.case not in (None, "Nom")) for a in analyses(word)]
    seen: set[str] = set()
    unique: list[tuple[str, bool]] = []
    for reading, removed in other:
        if reading.lower() not in seen:
            seen.add(reading.lower())
            unique.append((reading, removed))
    return tuple(unique)


def surname_genders(word: str) -> set[Gender]:
    """The genders a printed surname form may be of, by its family's endings (empty when
    it is no -ов/-ин/-ский form: Ягублу, a Latin word)."""
    return {a.gender for a in _surname_analyses(word) if a.gender is not None}


def _pick(word: str, case: str | None, feminine: bool | None) -> tuple[str, bool | None]:
    """The nominative of a surname form, and whether it is a woman's (None: untold)."""
    options = _surname_analyses(word)
    if not options:
        return word, feminine
    genders = {a.gender for a in options}
    if len(genders) == 1:
        return options[0].nominative, options[0].gender == "f"
    if feminine is None:
        # Мусаева: a woman's nominative, or a man's genitive; Мусаеву: a man's dative,
        # or a woman's accusative. The tagger's case decides; untold, the first.
        feminine = case in (None, "Nom") if word.lower().endswith("а") else case == "Acc"
    wanted = "f" if feminine else "m"
    chosen = next(a for a in options if a.gender == wanted)
    return chosen.nominative, feminine


def _given_nominative(word: str, feminine: bool) -> str:
    for option in _given_analyses(word):
        if option.gender in (None, "f" if feminine else "m"):
            if feminine and option.gender is None and not option.nominative.lower().endswith("а"):
                continue
            return option.nominative
    return word


def nominative(
    words: tuple[str, ...], cases: tuple[str | None, ...], feminine: bool | None = None
) -> str:
    """Russian name words to the nominative, gender read from the surname's ending
    (``feminine``: known from another form of the name, "Мусаевой" for "Айтен Мусаева")."""
    if not words or not is_cyrillic(" ".join(words)):
        return " ".join(words)
    if len(words) == 1:
        surname, _ = _pick(words[0], cases[0] if cases else None, feminine)
        return surname
    *given, last = words
    surname, feminine = _pick(last, cases[-1] if cases else None, feminine)
    if surname == last and not feminine:
        surname = _declined_like(last, given[0]) or last
    return " ".join([*(_given_nominative(g, bool(feminine)) for g in given), surname])


def _declined_like(surname: str, given: str) -> str | None:
    """A man's surname of no family (Саргсян, Захид; Абдуллаев's is one) declines like
    a man's name, in the case the given name before it shows ("Ашота Саргсяна" -> "Ашот
    Саргсян"). Not an indeclinable one that only looks so (Тофигу Ягублу: no Ягубл)."""
    shown = {
        a.case for a in _given_analyses(given) if a.gender == "m" and a.case not in (None, "Nom")
    }
    return next(
        (
            option.nominative
            for option in _given_analyses(surname)
            if option.gender == "m"
            and option.case in shown
            and (not indeclinable(surname) or looks_like_surname(option.nominative))
        ),
        None,
    )


def indeclinable(word: str) -> bool:
    """Whether a surname keeps one form in every case (Ягублу, Hasanli, Nuruzade)."""
    latin = unified(word)
    return any(latin.endswith(e) for e in declension_rules()["indeclinable_latin_endings"])


def _family_forms(word: str, gender: str | None) -> list[str] | None:
    """A surname family's forms of a Cyrillic nominative, None when it is of none."""
    lower = word.lower()
    for family in declension_rules()["surname_families"].values():
        for listed_gender in ("m", "f"):
            nominative_end = _as_list(family[listed_gender]["Nom"])[0]
            if not lower.endswith(nominative_end):
                continue
            stem = lower[: len(lower) - len(nominative_end)] if nominative_end else lower
            if not any(stem.endswith(s) and len(stem) > len(s) + 1 for s in family["stems"]):
                continue
            base = word[: len(stem)]
            out = [word]
            for g in ("m", "f"):
                if gender in (None, g):
                    out += [base + _written(base, v) for v in family[g].values()]
            return out
    return None


def _written(stem: str, value: str | list[str]) -> str:
    """The ending a case takes after this stem: the second of two after г, к, х and the
    hushing letters (Малики, Аишей), else the first (Лалы, Лалой)."""
    options = _as_list(value)
    return options[1] if len(options) > 1 and stem[-1:] in "гкхжшчщц" else options[0]


def forms(word: str, gender: str | None, surname: bool) -> list[str]:
    """The Russian case forms of a Cyrillic nominative, the nominative first.

    ``gender`` is "m", "f" or None (unknown: the forms of both are given).
    """
    if surname and indeclinable(word):
        return [word]
    family = _family_forms(word, gender) if surname else None
    if family is not None:
        return list(dict.fromkeys(family))
    lower = word.lower()
    for name in declension_rules()["given_families"].values():
        end = name["nominative"]
        stem = lower[: len(lower) - len(end)] if end else lower
        if not lower.endswith(end) or not _stem_fits(stem, name["after"]):
            continue
        if name["gender"] != "any" and gender not in (None, name["gender"]):
            return [word]  # a woman's name ending in a consonant never changes
        written = {_written(stem, value) for value in name["forms"].values()}
        return list(dict.fromkeys([word, *(word[: len(stem)] + e for e in sorted(written))]))
    return [word]
