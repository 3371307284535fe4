"""The blocking index: from a mention's words straight to the case names it may be.

Every listed spelling of every case is filed under the phonetic keys of its first name
and surname together, under the consonant skeletons of both (for spellings the key
rules do not foresee), under the first name with the surname's key less its -ov ending
(Zeynal, Zeynalov), under the first name's initial with the surname, under both keys
with one symbol of either left out (Ramin/Ramil, Tairov/Tahirov: one edit apart meets
in the middle; looked up only when nothing closer is found), under the surname (and
under it with one symbol left out) and then the first name, for a name misspelt in
both words (the first names filed there are compared, one edit at most: a bucket holds
as many first names as the language has, however many cases share the surname), and
under the surname alone (for bare surnames).
A mention looks up its word pairs: a handful of dictionary look-ups whatever the number
of cases, never a scan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from monitor.matching.names import CaseName
from monitor.names import Word, consonant_key, stem_key

Key = tuple[str, str]


def deletions(key: str) -> set[str]:
    """The key with one symbol left out, each way (for spellings one letter apart)."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) >= 4 else set()


def near_keys(first: str, surname: str) -> set[Key]:
    """Blocking keys one edit away in the first name or in the surname (not both)."""
    return {(d, surname) for d in deletions(first)} | {(first, d) for d in deletions(surname)}


class CaseIndex:
    def __init__(self) -> None:
        self._by_pair: dict[Key, list[CaseName]] = defaultdict(list)
        self._by_pair_skeleton: dict[Key, list[CaseName]] = defaultdict(list)
        self._by_near: dict[Key, list[CaseName]] = defaultdict(list)
        self._by_stem: dict[Key, list[CaseName]] = defaultdict(list)
        # surname key (or that key with one symbol left out) -> first-name key -> names
        self._firsts_by_surname: dict[str, dict[str, list[CaseName]]] = defaultdict(dict)
        self._firsts_by_surname_near: dict[str, dict[str, list[CaseName]]] = defaultdict(dict)
        self._by_initial: dict[Key, list[CaseName]] = defaultdict(list)
        self._by_surname: dict[str, list[CaseName]] = defaultdict(list)
        self._surname_only: dict[str, list[CaseName]] = defaultdict(list)
        self._cases_by_surname: dict[str, set[int]] = defaultdict(set)

    def add(self, name: CaseName) -> None:
        surname = name.surname.main.key
        self._by_surname[surname].append(name)
        self._cases_by_surname[surname].add(name.case_index)
        if name.first is None:
            self._surname_only[surname].append(name)
            return
        first = name.first.main.key
        self._by_pair[(first, surname)].append(name)
        self._by_pair_skeleton[(consonant_key(first), consonant_key(surname))].append(name)
        self._by_initial[(first[:1], surname)].append(name)
        self._by_stem[(first, stem_key(surname))].append(name)
        for key in near_keys(first, surname):
            self._by_near[key].append(name)
        self._firsts_by_surname[surname].setdefault(first, []).append(name)
        for shorter in deletions(surname):
            self._firsts_by_surname_near[shorter].setdefault(first, []).append(name)

    def candidates(self, words: list[Word]) -> list[CaseName]:
        """Case names the mention may be, in a stable order (by case, then spelling)."""
        named = [w for w in words if not w.initial]
        found: dict[tuple[int, str], CaseName] = {}

        def take(names: Iterable[CaseName]) -> None:
            for name in names:
                found.setdefault((name.case_index, name.written), name)

        if len(named) == 1:
            for reading in named[0].readings:
                take(self._by_surname.get(reading.key, ()))
        for surname in named:
            for sr in surname.readings:
                take(self._surname_only.get(sr.key, ()))
                for first in words:
                    if first is surname:
                        continue
                    for fr in first.readings:
                        if first.initial:
                            take(self._by_initial.get((fr.key[:1], sr.key), ()))
                            continue
                        take(self._by_pair.get((fr.key, sr.key), ()))
                        take(self._by_stem.get((fr.key, stem_key(sr.key)), ()))
                        skeleton = (consonant_key(fr.key), consonant_key(sr.key))
                        take(self._by_pair_skeleton.get(skeleton, ()))
        if not found and len(named) >= 2:
            for surname in named:
                for first in named:
                    if first is surname:
                        continue
                    for sr in surname.readings:
                        for fr in first.readings:
                            for key in {(fr.key, sr.key)} | near_keys(fr.key, sr.key):
                                take(self._by_near.get(key, ()))
        if not found and len(named) >= 2:
            take(self._both_near(named))
        return [found[k] for k in sorted(found)]

    def _both_near(self, named: list[Word]) -> list[CaseName]:
        """Case names one edit from the mention in the surname and in the first name."""
        found: list[CaseName] = []
        for surname in named:
            firsts = [r.key for w in named if w is not surname for r in w.readings]
            for sr in surname.readings:
                buckets = [self._firsts_by_surname_near.get(sr.key)]
                for key in deletions(sr.key):
                    buckets += [
                        self._firsts_by_surname_near.get(key),
                        self._firsts_by_surname.get(key),
                    ]
                for bucket in buckets:
                    for first, names in (bucket or {}).items():
                        if any(_one_edit(f, first) for f in firsts):
                            found += names
        return found

    def cases_sharing(self, key: str) -> int:
        """How many cases have a surname with this key."""
        return len(self._cases_by_surname.get(key, ()))


def _one_edit(one: str, other: str) -> bool:
    """At most one symbol changed, added or left out (lengths first: the cheap test)."""
    return abs(len(one) - len(other)) <= 1 and Levenshtein.distance(one, other) <= 1
