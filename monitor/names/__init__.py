"""Name linguistics, in one place: what every other stage knows about names.

- :mod:`.script`: which script a word is written in.
- :mod:`.translit`: any script (Cyrillic, Azerbaijani Latin, Georgian, Armenian) to one
  unified Latin form and a phonetic key for comparison.
- :mod:`.declension`: case endings both ways (a list name into Russian cases; a printed
  form back to the nominatives it may be).
- :mod:`.gender`: one :func:`gender` that answers "m", "f" or None (cannot tell).
- :mod:`.markers`: kinship markers and patronymics (oglu, gizi, -ович), surname shapes.
- :mod:`.words`: a name's words with their readings and keys.
- :mod:`.variants`: the spellings outlets print for a known name.

All of it is data in ``monitor/data/names/*.yaml``. ``monitor.nlp`` and
``monitor.matching`` import it; nothing else transliterates, declines or tells gender.
"""

from monitor.names.declension import forms, nominative, nominatives
from monitor.names.gender import Gender, gender
from monitor.names.markers import NameParts, is_patronymic, looks_like_surname, split_patronymic
from monitor.names.script import is_cyrillic, script_of
from monitor.names.translit import (
    consonant_key,
    is_initial,
    phonetic_key,
    stem_key,
    tokens,
    unified,
    word_key,
)
from monitor.names.variants import name_spellings
from monitor.names.words import Reading, Word, name_words, read_word, surname_key

__all__ = [
    "Gender",
    "NameParts",
    "Reading",
    "Word",
    "consonant_key",
    "forms",
    "gender",
    "is_cyrillic",
    "is_initial",
    "is_patronymic",
    "looks_like_surname",
    "name_spellings",
    "name_words",
    "nominative",
    "nominatives",
    "phonetic_key",
    "read_word",
    "script_of",
    "split_patronymic",
    "stem_key",
    "surname_key",
    "tokens",
    "unified",
    "word_key",
]
