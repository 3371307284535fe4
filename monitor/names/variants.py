"""The spellings outlets print for a known name, in every style and script.

From one listed spelling (any script) each word is brought to unified Latin and written
again as English-style Latin (Huseynov), Russian-style Latin (Guseinov), Azerbaijani
Latin (Hüseynov), and Cyrillic (Гусейнов) with its Russian case forms (Гусейнова,
Гусейнову). The Latin forms also take each member of the families outlets interchange
(Nuruzade, Nuruzadeh, Nuruzada; Eynulla, Eynullah; Heydar, Heidar; Aghayev, Agayev), and
a surname is written with and without the -ov outlets add or drop (Zeynal, Zeynalov).
The rules are data: ``spelling.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.names.data import spelling_rules
from monitor.names.declension import forms
from monitor.names.script import script_of
from monitor.names.translit import rewrite, tokens, unified

_SOFT_L = re.compile(r"([эеи])л([бвгджзкмнпрстфхцчшщ])")
_LATIN_VOWELS = set("aeiou")


@dataclass(frozen=True)
class WordSpellings:
    """The spellings of one word of a name, by style."""

    latin: tuple[str, ...]
    cyrillic: tuple[str, ...]


def ru_latin(word: str) -> str:
    """Unified Latin written the Russian way (huseynov -> guseinov, bayram -> bairam)."""
    table = spelling_rules()["unified_to_ru_latin"]
    text = word
    for old, new in table["word_start"]:
        if text.startswith(old):
            text = new + text[len(old) :]

    def after_digraph(old: str, i: int) -> bool:  # the h of kh, sh, ch, gh, zh stays
        return old == "h" and i > 0 and text[i - 1] in "kscgz"

    return "".join(rewrite(text, table["rules"], after_digraph))


def az_latin(word: str) -> str:
    """Unified Latin written the Azerbaijani way, where the rules or the lexicon know it."""
    rules = spelling_rules()
    lexicon: dict[str, str] = rules["az_lexicon"]
    if word in lexicon:
        return lexicon[word]
    for stem, az in sorted(lexicon.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem) and len(word) - len(stem) <= 4:
            return az + _az_letters(word[len(stem) :])
        if word.endswith(stem) and len(stem) >= 4:
            return _az_letters(word[: -len(stem)]) + az
    return _az_letters(word)


def _az_letters(word: str) -> str:
    text = word
    for old, new in spelling_rules()["unified_to_az"]:
        text = text.replace(old, new)
    return text


def cyrillic(word: str) -> list[str]:
    """Unified or Russian-style Latin in Cyrillic (orujev -> Оруджев; gasanli -> Гасанлы)."""
    table = spelling_rules()["latin_to_cyrillic"]
    rules = sorted(table["rules"].items(), key=lambda kv: -len(kv[0]))
    out: list[str] = []
    i = 0
    while i < len(word):
        context = table["word_start"] if i == 0 else None
        if context is None and word[i - 1] in _LATIN_VOWELS:
            context = table["after_vowel"]
        chosen = None
        if context:
            for old, new in sorted(context.items(), key=lambda kv: -len(kv[0])):
                if word.startswith(old, i):
                    chosen = (old, new)
                    break
        if chosen is None:
            for old, new in rules:
                if word.startswith(old, i):
                    chosen = (old, new)
                    break
        if chosen is None:
            out.append(word[i])
            i += 1
            continue
        out.append(chosen[1])
        i += len(chosen[0])
    text = "".join(out)
    results = [text]
    for ending, alternatives in table["ending_alternatives"].items():
        if text.endswith(ending):
            results += [text[: -len(ending)] + alt for alt in alternatives]
    results += [_SOFT_L.sub(r"\1ль\2", r) for r in list(results)]
    return [r.capitalize() for r in dict.fromkeys(results)]


def family_spellings(word: str, surname: bool = False) -> list[str]:
    """The other members of every family a unified Latin word belongs to (nuruzade ->
    nuruzadeh, nuruzada; heydar -> heidar; aghayev -> agayev; a surname zeynalov ->
    zeynal and zeynal -> zeynalov), one family at a time."""
    rules = spelling_rules()
    found: list[str] = []
    for family in rules["families"]["endings"]:
        old = next((e for e in sorted(family, key=len, reverse=True) if word.endswith(e)), None)
        if old is not None and len(word) > len(old) + 2:
            found += [word[: -len(old)] + new for new in family if new != old]
    for pattern, new in rules["families"]["letters"]:
        found.append(re.sub(pattern, new, word))
    if surname:
        found += _ov_toggled(word, rules["ov_endings"])
    return [f for f in dict.fromkeys(found) if f != word]


def _ov_toggled(word: str, endings: list[str]) -> list[str]:
    """A surname without the -ov ending it has, or with the one it lacks."""
    for ending in sorted(endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return [word[: -len(ending)]]
    if word[-1:] in _LATIN_VOWELS or len(word) < 4:
        return []
    return [word + "ov"]


@lru_cache(maxsize=65536)
def word_spellings(word: str, gender: str | None, surname: bool) -> WordSpellings:
    """Every spelling of one word of a name, with Russian case forms for Cyrillic."""
    base = unified(word)
    latin = [word]
    script = script_of(word)
    if script == "latin":
        latin += [base.capitalize(), ru_latin(base).capitalize(), az_latin(base).capitalize()]
        for member in family_spellings(base, surname):
            latin += [member.capitalize(), az_latin(member).capitalize()]
        nominatives = [*cyrillic(base), *cyrillic(ru_latin(base))]
    elif script == "cyrillic":
        latin += [base.capitalize(), ru_latin(base).capitalize()]
        nominatives = [word]
    else:
        latin += [base.capitalize(), ru_latin(base).capitalize()]
        nominatives = [*cyrillic(base), *cyrillic(ru_latin(base))]
    cyr: list[str] = []
    for nominative in dict.fromkeys(nominatives):
        cyr += forms(nominative, gender, surname)
    return WordSpellings(tuple(dict.fromkeys(latin)), tuple(dict.fromkeys(cyr)))


def name_spellings(name: str, gender: str | None = None) -> list[str]:
    """Every full-name spelling of ``name`` (first name and surname kept in order).

    Latin spellings pair every Latin form of each word; Cyrillic ones pair the case
    forms of first name and surname.
    """
    words = tokens(name)
    if not words:
        return []
    per_word = [
        word_spellings(w, gender, surname=(i == len(words) - 1 and len(words) > 1))
        for i, w in enumerate(words)
    ]
    results: list[str] = [" ".join(words)]
    latin = [""]
    for spelled in per_word:
        latin = [f"{prefix} {w}".strip() for prefix in latin for w in spelled.latin]
    results += latin
    cyr = [""]
    for spelled in per_word:
        cyr = [f"{prefix} {w}".strip() for prefix in cyr for w in spelled.cyrillic]
    results += cyr
    return list(dict.fromkeys(results))
