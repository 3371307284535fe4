"""Any spelling of a name to one unified Latin form, and that form to a phonetic key.

*Unified Latin* is the English style human-rights lists use (Huseynov, Mammadov, Orujov):
Cyrillic is read with the letter table of ``translit.yaml``, Azerbaijani Latin with its
own table, Georgian, Armenian and anything else through the anyascii library (with the
few letters lists spell otherwise). Cyrillic look-alike letters typed inside a Latin
word ("Heіdar") are read as the Latin letters they look like. The *key* collapses the
letters outlets interchange (h/g/kh/q, j/dzh/c, vowels into three classes, doubled
letters, the -ov/-ev/-yev ending, -zadeh/-zade, -ullah/-ulla) so that Гусейнов,
Guseinov, Hüseynov and Huseynov share one key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from anyascii import anyascii

from monitor.names.data import translit_rules, word_rules
from monitor.names.script import is_cyrillic, script_of

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_VOWELS_LATIN = set("aeiouy")
_OV_ENDING = re.compile(r"(?:yev|yov|ov|ev)(?:a)?$")


def tokens(name: str) -> list[str]:
    """The words of a name, possessive ``'s`` and stray punctuation removed."""
    words = [_POSSESSIVE.sub("", w) for w in _TOKEN.findall(name)]
    return [w for w in words if w.strip(".")]


def is_initial(token: str) -> bool:
    """``M.`` or ``M``: a first name given as its initial."""
    return len(token.rstrip(".")) == 1


def _cyrillic_to_latin(word: str) -> str:
    table = translit_rules()["cyrillic_to_latin"]
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


def _other_script(word: str) -> str:
    """Georgian or Armenian letters through anyascii, after the letters lists spell
    otherwise; the apostrophes of ejective and aspirated letters dropped."""
    rules = translit_rules()
    for start, latin in rules["script_word_start"].items():
        if word.startswith(start):
            word = latin + word[len(start) :]
    for letters, latin in sorted(rules["script_letters"].items(), key=lambda kv: -len(kv[0])):
        word = word.replace(letters, latin)
    return anyascii(word).replace("'", "")


def _latin(word: str) -> str:
    """A Latin word to unified Latin, Cyrillic look-alike letters read as Latin."""
    rules = translit_rules()
    if is_cyrillic(word):
        homoglyphs: dict[str, str] = rules["homoglyphs"]
        word = "".join(homoglyphs.get(c, c) for c in word)
    table: dict[str, str] = rules["az_to_unified"]
    return "".join(
        c if c == "c" and word[i + 1 : i + 2] == "h" else table.get(c, c)
        for i, c in enumerate(word)
    )


@lru_cache(maxsize=65536)
def unified(word: str) -> str:
    """One word in unified Latin, lower case, letters only (Гусейнов -> guseynov)."""
    text = word.lower().replace("i̇", "i")
    script = script_of(text)
    if script == "cyrillic":
        text = _cyrillic_to_latin(text)
    elif script in ("georgian", "armenian"):
        text = _other_script(text)
    else:
        text = _latin(text)
    text = anyascii(text).lower()
    text = re.sub(r"[^a-z]", "", text)
    for old, new in translit_rules()["unified_rewrites"]:
        text = text.replace(old, new)
    return text


def _classes() -> list[tuple[str, str]]:
    table: dict[str, str] = translit_rules()["key_classes"]
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1)
def _given_name_family() -> dict[str, str]:
    """Every member of a given-name family to the family's first member."""
    return {
        member: family[0] for family in translit_rules()["given_name_families"] for member in family
    }


@lru_cache(maxsize=1)
def _key_drops() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in translit_rules()["key_drops"])


def key_base(unified_word: str) -> str:
    """A unified word with what outlets interchange made one: a given name's spellings
    in other languages (Davit -> David), the letters the key leaves out (a softening y,
    the h Russian drops from Armenian surnames), the endings (-zadeh -> -zade, -ullah ->
    -ulla, -yev/-yeva/-ev -> -ov): what the key and its families start from."""
    word = _given_name_family().get(unified_word, unified_word)
    for drop in _key_drops():
        word = drop.sub("", word)
    for old, new in translit_rules()["key_endings"]:
        if word.endswith(old) and len(word) > len(old):
            word = word[: -len(old)] + new
            break
    return _OV_ENDING.sub("ov", word) if len(word) > 4 else word


def rewrite(
    text: str,
    rules: Iterable[tuple[str, str]],
    refuse: Callable[[str, int], bool] | None = None,
) -> list[str]:
    """``text`` rewritten left to right, piece by piece: at each position the first rule
    ``(old, new)`` whose ``old`` starts there (and that ``refuse(old, position)`` does not
    refuse) gives ``new``; where none does, the letter stays."""
    ordered = list(rules)
    out: list[str] = []
    i = 0
    while i < len(text):
        for old, new in ordered:
            if text.startswith(old, i) and not (refuse is not None and refuse(old, i)):
                out.append(new)
                i += len(old)
                break
        else:
            out.append(text[i])
            i += 1
    return out


@lru_cache(maxsize=65536)
def phonetic_key(unified_word: str) -> str:
    """The coarse key of a unified Latin word (huseynov, guseinov -> KUsAInUv)."""
    out = rewrite(key_base(unified_word), _classes())
    collapsed = [s for j, s in enumerate(out) if j == 0 or s != out[j - 1]]
    return "".join(collapsed)


@lru_cache(maxsize=1)
def _stem_ending() -> re.Pattern[str]:
    """The keys of -ov/-ova and of the kinship markers (-oglu, -gizi), at a key's end."""
    markers = word_rules()["kinship_markers"]
    keys = {phonetic_key(unified(m)) for words in markers.values() for m in words}
    alternatives = sorted(keys | {"Uv", "UvA"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(k) for k in alternatives) + ")$")


@lru_cache(maxsize=65536)
def stem_key(key: str) -> str:
    """A surname's key without the ending outlets add or drop: -ov/-ova (Zeynalov,
    Zeynal: zAInAl) or a kinship marker (Vagifgizi, Vagif: vAKIf); the key itself when
    it has none."""
    stem = _stem_ending().sub("", key)
    return stem if len(stem) >= 3 else key


@lru_cache(maxsize=65536)
def consonant_key(key: str) -> str:
    """A key with its vowel classes dropped: the wider blocking key for odd spellings."""
    vowels = set(translit_rules()["vowel_classes"])
    return "".join(s for s in key if s not in vowels)


def word_key(word: str) -> str:
    """The phonetic key of one written word in any script."""
    return phonetic_key(unified(word))
