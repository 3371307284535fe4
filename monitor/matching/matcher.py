"""The matcher: known cases in, one verdict per person of an article out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from monitor.matching.context import PersonContext, listed_together, person_context
from monitor.matching.features import Comparison
from monitor.matching.feedback import Rejections, confirmed_spellings
from monitor.matching.index import CaseIndex
from monitor.matching.names import CaseName, case_name
from monitor.matching.scoring import AMBIGUITY_MARGIN, MATCH, REVIEW, Score, decide, score
from monitor.model import Article, Case, Extraction, Judgement, Match, NamePattern, PersonMention
from monitor.names import Word, name_spellings, name_words

# A bare surname that more cases share than this is not even scored: it cannot match.
MAX_BARE_SURNAME_CASES = 8


class Matcher:
    """Matches the people of an article to known cases, across spellings and scripts.

    Built from the cases alone (nothing precomputed elsewhere) and, optionally, analysts'
    judgements (see :mod:`monitor.matching.feedback`). Deterministic.
    """

    def __init__(self, cases: Sequence[Case], judgements: Sequence[Judgement] = ()) -> None:
        self.cases = list(cases)
        self._position = {case.id: i for i, case in enumerate(self.cases)}
        self._rejections = Rejections(judgements)
        confirmed = confirmed_spellings(judgements)
        self._names: list[list[CaseName]] = []
        self._index = CaseIndex()
        for i, case in enumerate(self.cases):
            listed = [("name", case.name)] + [("alias", a) for a in case.aliases]
            listed += [("judgement", s) for s in confirmed.get(case.id, [])]
            names = [n for src, text in listed if (n := case_name(i, src, text)) is not None]
            self._names.append(names)
            for name in names:
                self._index.add(name)

    def name_patterns(self) -> list[NamePattern]:
        """Every full-name spelling of every case, for the extraction stage's name ruler."""
        patterns: list[NamePattern] = []
        for case, names in zip(self.cases, self._names, strict=True):
            seen: set[str] = set()
            for name in names:
                if name.first is None:
                    continue  # a bare surname would tag every namesake
                for text in name_spellings(name.written, case.gender):
                    if text not in seen:
                        seen.add(text)
                        patterns.append(NamePattern(case.id, text))
        return patterns

    def match(self, article: Article, extraction: Extraction) -> list[Match]:
        """One Match per extraction.people, same order.

        A person listed with others ("A, B and C") whom the first pass leaves unmatched is
        weighed again knowing the cases matched beside them: a co-defendant's charge is a
        fact of the case (see :func:`monitor.matching.features.listed_with_codefendant`).
        """
        contexts = [person_context(article, extraction, i) for i in range(len(extraction.people))]
        matches = [
            self.match_person(p, c) for p, c in zip(extraction.people, contexts, strict=True)
        ]
        for group in listed_together(article, extraction):
            beside = {
                i: (m.case_id, frozenset(self._case(m).charges))
                for i in group
                if (m := matches[i]).decision == "match" and m.case_id is not None
            }
            for i in sorted(group):
                if matches[i].decision == "match" or not beside.keys() - {i}:
                    continue
                listed = tuple(v for j, v in sorted(beside.items()) if j != i)
                context = replace(contexts[i], listed_with=listed)
                matches[i] = self.match_person(extraction.people[i], context)
        return matches

    def _case(self, match: Match) -> Case:
        assert match.case_id is not None
        return self.cases[self._position[match.case_id]]

    def match_person(self, person: PersonMention, context: PersonContext) -> Match:
        spellings = _person_spellings(person)
        if not spellings:
            return Match(None, 0.0, "none", ["no name to compare"])
        sharing = self._sharing(spellings[0])
        if sharing > MAX_BARE_SURNAME_CASES:
            return Match(None, 0.0, "none", [f"surname alone, shared by {sharing} cases"])
        best: dict[int, Score] = {}
        # every full spelling the article prints is tried ("Onis Tskhadadze" and, further
        # down, "Onise Tskhadadze"); each case keeps its best
        hinted = (
            self._names[self._position[person.case_hint]]
            if person.case_hint in self._position
            else []
        )
        for words in spellings:
            candidates = self._index.candidates(words)
            candidates += [n for n in hinted if n not in candidates]
            for name in candidates:
                case = self.cases[name.case_index]
                comparison = Comparison(
                    words=tuple(words),
                    name=name,
                    case=case,
                    context=context,
                    cases_sharing_surname=sharing,
                    rejected=self._rejections.rejected(case.id, words, context.key),
                )
                result = score(comparison)
                if name.case_index not in best or result.total > best[name.case_index].total:
                    best[name.case_index] = result
        if not best:
            return Match(None, 0.0, "none", ["no known case has this name"])
        ranked = sorted(best.items(), key=lambda kv: (-kv[1].total, self.cases[kv[0]].id))
        top_index, top = ranked[0]
        decision = decide(top.confidence)
        if decision == "none":
            return Match(None, top.confidence, "none", top.explanation)
        explanation = list(top.explanation)
        if len(ranked) > 1 and ranked[1][1].confidence >= REVIEW:
            other, second = self.cases[ranked[1][0]], ranked[1][1]
            if second.total >= top.total - AMBIGUITY_MARGIN:
                explanation.append(
                    f"also close: {other.id} ({second.confidence:.2f}); the article's facts do "
                    f"not tell {self.cases[top_index].id} and {other.id} apart"
                )
                decision = "review"
            elif second.confidence >= MATCH:
                explanation.append(
                    f"namesake {other.id} ({second.confidence:.2f}) set aside: the article's "
                    "facts fit this case better"
                )
        return Match(self.cases[top_index].id, top.confidence, decision, explanation)

    def _sharing(self, words: list[Word]) -> int:
        named = [w for w in words if not w.initial]
        if len(named) != 1:
            return 1
        return max(self._index.cases_sharing(r.key) for r in named[0].readings)


def _person_spellings(person: PersonMention) -> list[list[Word]]:
    """The words of each distinct spelling of the person as full as the fullest, the
    first printed first on a tie (its readings hold every nominative the normalizer chose
    among, "Муса" and "Мус")."""
    parsed: list[list[Word]] = []
    seen: set[str] = set()
    for text in [person.name, person.normalized, *person.forms]:
        words = name_words(text) if text else []
        key = " ".join(w.written for w in words)
        if words and key not in seen:
            seen.add(key)
            parsed.append(words)
    fullest = max((len(words) for words in parsed), default=0)
    return [words for words in parsed if len(words) == fullest]


def _person_words(person: PersonMention) -> list[Word]:
    """The words of the person's fullest name form, as printed first on a tie."""
    spellings = _person_spellings(person)
    return spellings[0] if spellings else []


def is_new_case_candidate(person: PersonMention, match: Match) -> bool:
    """A detainee named in full whom no known case matches: a possible new case."""
    if person.role != "detainee" or match.decision != "none":
        return False
    words = [w for w in _person_words(person) if not w.initial]
    return len(words) >= 2
