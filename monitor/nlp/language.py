"""Language of an article: script ratio first, then a few stopwords.

Only English and Russian get a full pipeline; everything else is reported by its ISO
code where the script or stopwords tell it ("az", "ka", "hy"), else "und".
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.names.script import script_of
from monitor.nlp.resources import load_data

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = load_data("nlp_language.yaml")
    return {lang: frozenset(words) for lang, words in data["stopwords"].items()}


def detect_language(text: str) -> str:
    """ "en", "ru", another ISO 639-1 code, or "und" when the text does not tell."""
    if not any(ch.isalpha() for ch in text):
        return "und"
    script = script_of(text)
    if script == "georgian":
        return "ka"
    if script == "armenian":
        return "hy"
    if script == "arabic":
        return "ar"
    words = [w.lower() for w in _WORD.findall(text)]
    stop = _stopwords()
    hits = {lang: sum(w in words_ for w in words) for lang, words_ in stop.items()}
    if script == "cyrillic":
        best = max(("ru", "uk", "bg"), key=lambda lang: hits.get(lang, 0))
        return best if hits.get(best, 0) > hits.get("ru", 0) else "ru"
    if script == "latin":
        if hits.get("az", 0) > hits.get("en", 0) or "ə" in text.lower():
            return "az"
        ranked = sorted(hits.items(), key=lambda item: -item[1])
        if ranked and ranked[0][1] > 0:
            return ranked[0][0] if ranked[0][0] not in ("ru", "uk", "bg") else "und"
        return "und"
    return "und"
