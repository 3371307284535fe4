"""The blocking index: from a word's key straight to the case names that may be meant.

Every listed spelling of every case is filed under the phonetic key of its surname and
under that key's consonant skeleton (for spellings the key rules do not foresee). A
mention looks up each of its words' readings: a handful of dictionary look-ups, never a
scan of the cases.
"""

from __future__ import annotations

from collections import defaultdict

from monitor.matching.names import CaseName, Word
from monitor.matching.normalize import consonant_key


class CaseIndex:
    def __init__(self) -> None:
        self._by_key: dict[str, list[CaseName]] = defaultdict(list)
        self._by_skeleton: dict[str, list[CaseName]] = defaultdict(list)
        self._cases_by_key: dict[str, set[int]] = defaultdict(set)

    def add(self, name: CaseName) -> None:
        for reading in name.surname.readings[:1]:
            self._by_key[reading.key].append(name)
            self._cases_by_key[reading.key].add(name.case_index)
            skeleton = consonant_key(reading.key)
            if len(skeleton) >= 3:
                self._by_skeleton[skeleton].append(name)

    def candidates(self, words: list[Word]) -> list[CaseName]:
        """Case names whose surname any reading of ``words`` may be, in a stable order."""
        found: dict[tuple[int, str], CaseName] = {}
        for word in words:
            if word.initial:
                continue
            for reading in word.readings:
                for name in self._by_key.get(reading.key, ()):
                    found.setdefault((name.case_index, name.written), name)
                for name in self._by_skeleton.get(consonant_key(reading.key), ()):
                    found.setdefault((name.case_index, name.written), name)
        return [found[k] for k in sorted(found)]

    def cases_sharing(self, key: str) -> int:
        """How many cases have a surname with this key."""
        return len(self._cases_by_key.get(key, ()))
