"""Analysts' judgements fed back into matching.

A positive judgement makes its spelling of the name a new listed spelling of the case
(source "judgement"), so every variant of it is found from then on. A negative judgement
vetoes its name (by phonetic key of every word, so any spelling of it) for its case in
its context (see :func:`monitor.matching.context.context_key`); without a context it
applies everywhere. "unsure" judgements change nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from monitor.model import Judgement
from monitor.names import Word, name_words

ANYWHERE = "*"


def _mention_keys(words: Sequence[Word]) -> set[str]:
    options: list[set[str]] = [set()]
    for word in words:
        options = [opt | {r.key} for opt in options for r in word.readings]
    return {" ".join(sorted(k for k in opt if k)) for opt in options}


class Rejections:
    def __init__(self, judgements: Sequence[Judgement]) -> None:
        self._rejected: dict[tuple[str, str], set[str]] = defaultdict(set)
        for judgement in judgements:
            if judgement.verdict != "negative":
                continue
            for key in _mention_keys(name_words(judgement.name)):
                self._rejected[(judgement.case_id, key)].add(judgement.context or ANYWHERE)

    def rejected(self, case_id: str, words: Sequence[Word], context: str) -> bool:
        for key in _mention_keys(words):
            contexts = self._rejected.get((case_id, key))
            if contexts and (ANYWHERE in contexts or context in contexts):
                return True
        return False


def confirmed_spellings(judgements: Sequence[Judgement]) -> dict[str, list[str]]:
    """Case id to the spellings analysts confirmed for it, in judgement order."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for judgement in judgements:
        if judgement.verdict == "positive" and judgement.name not in spellings[judgement.case_id]:
            spellings[judgement.case_id].append(judgement.name)
    return dict(spellings)
