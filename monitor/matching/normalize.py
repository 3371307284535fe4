"""Bringing any spelling of a name to one unified Latin form and to a phonetic key.

*Unified Latin* is the English style human-rights lists use (Huseynov, Mammadov, Orujov):
Cyrillic is read with the letter table of ``names_ru.yaml``, Azerbaijani Latin with the
one of ``translit_az.yaml``, anything else through anyascii. The *key* collapses the
letters outlets interchange (h/g/kh/q, j/dzh/c, vowels into three classes, doubled
letters, the -ov/-ev/-yev ending) so that Гусейнов, Guseinov, Hüseynov and Huseynov
share one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from monitor.matching.data import az_rules, ru_rules

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_VOWELS_LATIN = set("aeiouy")
_OV_ENDING = re.compile(r"(?:yev|yov|ov|ev)(?:a)?$")


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def tokens(name: str) -> list[str]:
    """The words of a name, possessive ``'s`` and stray punctuation removed."""
    words = [_POSSESSIVE.sub("", w) for w in _TOKEN.findall(name)]
    return [w for w in words if w.strip(".")]


def is_initial(token: str) -> bool:
    """``M.`` or ``M``: a first name given as its initial."""
    return len(token.rstrip(".")) == 1


def _cyrillic_to_latin(word: str) -> str:
    table = ru_rules()["cyrillic_to_latin"]
    letters: dict[str, str] = table["letters"]
    out: list[str] = []
    i = 0
    prev_consonant = False
    while i < len(word):
        pair = word[i : i + 2]
        if pair in table["digraphs"]:
            out.append(table["digraphs"][pair])
            prev_consonant = True
            i += 2
            continue
        char = word[i]
        if char in table["after_consonant"]:
            soft = table["after_consonant" if prev_consonant else "after_vowel"]
            out.append(soft[char])
            prev_consonant = False
        elif char in letters:
            latin = letters[char]
            out.append(latin)
            if latin:
                prev_consonant = latin[-1] not in _VOWELS_LATIN or latin == "y"
        else:
            out.append(char)
            prev_consonant = False
        i += 1
    return "".join(out)


@lru_cache(maxsize=65536)
def unified(word: str) -> str:
    """One word in unified Latin, lower case, letters only (Гусейнов -> guseynov)."""
    text = word.lower().replace("i̇", "i")
    if is_cyrillic(text):
        text = _cyrillic_to_latin(text)
    else:
        table: dict[str, str] = az_rules()["az_to_unified"]
        text = "".join(
            c if c == "c" and text[i + 1 : i + 2] == "h" else table.get(c, c)
            for i, c in enumerate(text)
        )
    text = anyascii(text).lower()
    text = re.sub(r"[^a-z]", "", text)
    for old, new in az_rules()["unified_rewrites"]:
        text = text.replace(old, new)
    return text


def _classes() -> list[tuple[str, str]]:
    table: dict[str, str] = az_rules()["key_classes"]
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=65536)
def phonetic_key(unified_word: str) -> str:
    """The coarse key of a unified Latin word (huseynov, guseinov -> KUsAInUv)."""
    word = _OV_ENDING.sub("ov", unified_word) if len(unified_word) > 4 else unified_word
    classes = _classes()
    out: list[str] = []
    i = 0
    while i < len(word):
        for seq, symbol in classes:
            if word.startswith(seq, i):
                out.append(symbol)
                i += len(seq)
                break
        else:
            out.append(word[i])
            i += 1
    collapsed = [s for j, s in enumerate(out) if j == 0 or s != out[j - 1]]
    return "".join(collapsed)


def consonant_key(key: str) -> str:
    """A key with its vowel classes dropped: the wider blocking key for odd spellings."""
    vowels = set(az_rules()["vowel_classes"])
    return "".join(s for s in key if s not in vowels)


def word_key(word: str) -> str:
    """The phonetic key of one written word in any script."""
    return phonetic_key(unified(word))
