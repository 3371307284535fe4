"""Person names: patronymics, Russian case forms to the nominative, surname keys.

Pure functions over the words of a name; the grammatical case, when known, comes from
natasha's morphology tagger (``Nom``, ``Gen``, ``Dat``, ``Acc``, ``Ins``, ``Loc``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from monitor.nlp.resources import load_data

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# surname stem + Russian case ending, the stem ending in -ов/-ев/-ёв/-ин/-ын
_SURNAME = re.compile(r"^(?P<stem>.+(?:ов|ев|ёв|ин|ын))(?P<end>а|у|ым|ой|ом|е|ою)?$", re.IGNORECASE)
_SKY = re.compile(
    r"^(?P<stem>.+)(?P<end>ский|ского|скому|ским|ском|ская|ской|скую)$", re.IGNORECASE
)


@dataclass(frozen=True)
class NameParts:
    words: tuple[str, ...]  # the name used for matching, patronymic removed
    patronymic: str | None


@lru_cache(maxsize=1)
def _name_data() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = load_data("nlp_names.yaml")
    return (
        frozenset(data["patronymic_markers"]),
        tuple(data["patronymic_suffixes"]),
        frozenset(data["not_name_words"]),
    )


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def strip_titles(words: list[str]) -> list[str]:
    """Drop title words ("President", "адвокат") an NER span may have kept."""
    _, _, titles = _name_data()
    stems = _cyrillic_title_stems()
    kept = []
    for word in words:
        low = word.lower().strip(".")
        if low in titles or (stems and low.startswith(stems)):
            continue
        kept.append(word)
    return kept


@lru_cache(maxsize=1)
def _cyrillic_title_stems() -> tuple[str, ...]:
    _, _, titles = _name_data()
    return tuple(t for t in titles if t[:1].isalpha() and not t[:1].isascii())


def split_patronymic(words: list[str]) -> NameParts:
    """``Hilal Alif oglu Mammadov`` -> (Hilal, Mammadov), patronymic ``Alif oglu``."""
    markers, suffixes, _ = _name_data()
    for i, word in enumerate(words):
        if word.lower() in markers and i > 0:
            patronymic = f"{words[i - 1]} {word}"
            rest = [*words[: i - 1], *words[i + 1 :]]
            return NameParts(_given_first(rest), patronymic)
    for i, word in enumerate(words):
        if i > 0 and len(words) > 2 and word.lower().endswith(suffixes):
            return NameParts(_given_first([*words[:i], *words[i + 1 :]]), word)
    return NameParts(tuple(words), None)


def _looks_like_surname(word: str) -> bool:
    low = word.lower()
    return bool(
        re.search(r"(?:ov|ev|ova|eva|ли|li|ly|zade|заде|ов|ев|ова|ева|ин|ина|yan|ян)$", low)
    )


def _given_first(words: list[str]) -> tuple[str, ...]:
    """``Мамедов Гилал`` (official order) -> ``Гилал Мамедов``."""
    if len(words) == 2 and _looks_like_surname(words[0]) and not _looks_like_surname(words[1]):
        return (words[1], words[0])
    return tuple(words)


def _surname_nominative(
    word: str, case: str | None, feminine: bool | None
) -> tuple[str, bool | None]:
    sky = _SKY.match(word)
    if sky:
        fem = sky.group("end").lower() in ("ская", "ской", "скую")
        return sky.group("stem") + ("ская" if fem else "ский"), fem
    found = _SURNAME.match(word)
    if not found:
        return word, feminine
    stem, end = found.group("stem"), (found.group("end") or "").lower()
    if end == "":
        return stem, False
    if end in ("ой", "ою"):
        return stem + "а", True
    if end in ("ым", "ом", "е"):
        return stem, False
    if end == "а":
        # nominative feminine (Айсель Умудова) or genitive/accusative masculine (Оруджева)
        fem = feminine if feminine is not None else case in (None, "Nom")
        return (stem + "а", True) if fem else (stem, False)
    # end == "у": dative masculine (Мамедову) or accusative feminine (Умудову)
    fem = feminine if feminine is not None else case == "Acc"
    return (stem + "а", True) if fem else (stem, False)


def _given_nominative(word: str, feminine: bool | None) -> str:
    low = word.lower()
    if feminine:
        if re.search(r"[^аеиоуыэюя](?:ы|е|у|ой)$", low) and not low.endswith("ье"):
            return re.sub(r"(?:ы|е|у|ой)$", "а", word)
        if re.search(r"(?:ии|ию|ией)$", low):
            return re.sub(r"(?:ии|ию|ией)$", "ия", word)
        return word
    if re.search(r"[^аеиоуыэюяй](?:а|у|ом|е)$", low):
        return re.sub(r"(?:а|у|ом|е)$", "", word)
    if re.search(r"(?:ея|ею|еем)$", low):
        return re.sub(r"(?:ея|ею|еем)$", "ей", word)
    return word


def nominative(
    words: tuple[str, ...], cases: tuple[str | None, ...], feminine: bool | None = None
) -> str:
    """Russian name words to the nominative, gender read from the surname's ending
    (``feminine``: known from another form of the name, "Мусаевой" for "Айтен Мусаева")."""
    if not words or not is_cyrillic(" ".join(words)):
        return " ".join(words)
    if len(words) == 1:
        surname, _ = _surname_nominative(words[0], cases[0] if cases else None, feminine)
        return surname
    *given, last = words
    case = cases[-1] if cases else None
    surname, feminine = _surname_nominative(last, case, feminine)
    if feminine is None:
        feminine = False
    return " ".join([*(_given_nominative(g, feminine) for g in given), surname])


def feminine_form(word: str) -> bool:
    """Whether a Russian surname form can only be a woman's: "Мусаевой", "Гасановою"."""
    found = _SURNAME.match(word)
    return bool(found and (found.group("end") or "").lower() in ("ой", "ою"))


@lru_cache(maxsize=65536)
def surname_key(word: str) -> str:
    """A spelling-tolerant key: ``Оруджевым`` and ``Orujev`` -> ``orudzhev``-like Latin."""
    base, _ = _surname_nominative(word, None, False) if is_cyrillic(word) else (word, None)
    latin = anyascii(base).lower()
    latin = re.sub(r"(?:dzh|dj|j|c)", "j", latin)
    latin = re.sub(r"(?:kh|x)", "h", latin)
    latin = latin.replace("q", "g").replace("y", "i").replace("'", "")
    latin = re.sub(r"(.)\1", r"\1", latin)
    return re.sub(r"(?:a|u)$", "", latin)
