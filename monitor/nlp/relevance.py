"""Is the article about prosecution, detention, imprisonment or release at all?"""

from __future__ import annotations

from functools import lru_cache

from monitor.model import Extraction
from monitor.nlp.resources import compile_any, load_data


@lru_cache(maxsize=1)
def _rules() -> tuple[int, frozenset[str], dict[str, list[str]]]:
    data = load_data("nlp_relevance.yaml")
    return int(data["threshold"]), frozenset(data["core_events"]), data["topic_words"]


def topic_words(text: str, lang: str) -> int:
    """How many distinct topic words of ``lang`` (English rules for others) the text has."""
    _, _, words = _rules()
    found = set()
    for pattern in words.get(lang, words["en"]):
        compiled = compile_any([rf"(?<!\w)(?:{pattern})"])
        if compiled is not None and compiled.search(text):
            found.add(pattern)
    return len(found)


def is_relevant(extraction: Extraction, text: str) -> bool:
    threshold, core, _ = _rules()
    if extraction.charges or extraction.facilities:
        return True
    affirmed = {e.type for e in extraction.events if not e.negated and e.person is not None}
    points = sum(3 if t in core else 1 for t in affirmed)
    if any(p.case_hint for p in extraction.people):
        points += threshold - 1  # a known name, and one more sign (not a namesake's match report)
    return points + topic_words(text, extraction.language) >= threshold
