"""Feature functions: each compares one person to one case name, returning (score, detail).

Scores lie in [-1, 1]: 1 agrees fully, 0 says nothing, -1 conflicts. The detail is a
short readable reason (shown in alerts and on the review page); empty when the feature
has nothing to say. :mod:`monitor.matching.scoring` weighs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from monitor.matching.context import PersonContext
from monitor.matching.data import context_rules
from monitor.matching.names import CaseName, patronymic_word
from monitor.model import Case
from monitor.names import Reading, Word, gender, stem_key

Feature = tuple[float, str]
SIMILAR = 0.85  # least key similarity for "similar spelling"
NEAR = 0.75  # least key similarity for "near spelling": another name, or a misspelling
NEAR_SCORE = 0.5
OV_SCORE = 0.88  # Zeynal for Zeynalov: outlets add or drop the Russian ending
TYPO_SCORE = 0.72  # one letter off or doubled in a word of five letters or more
TYPO_MIN_LETTERS = 5
# Kinds of word agreement that a misspelling can give as well as another name.
LOOSE_KINDS = frozenset({"one letter off", "near spelling"})


@dataclass(frozen=True)
class Comparison:
    """Everything the features look at for one person and one case name."""

    words: tuple[Word, ...]
    name: CaseName
    case: Case
    context: PersonContext
    cases_sharing_surname: int = 1
    rejected: bool = False

    # what several features ask, worked out once per comparison
    @cached_property
    def surname_found(self) -> WordMatch:
        return _surname_match(self)

    @cached_property
    def first_name_found(self) -> Feature:
        return _first_name_agreement(self)

    @cached_property
    def has_evidence(self) -> bool:
        """Whether a fact of the case stands in the article (see :data:`EVIDENCE`)."""
        return any(feature(self)[0] > 0 for feature in EVIDENCE)


@dataclass(frozen=True)
class WordMatch:
    score: float
    kind: str
    written: str
    position: int


def compare_word(word: Word, target: Word, source: str, position: int = 0) -> WordMatch:
    """How well a printed word agrees with a listed word, and which kind of variant it is."""
    best = WordMatch(0.0, "different", word.written, position)
    goal: Reading = target.main
    for reading in word.readings:
        if not reading.case_form and reading.written.lower() == goal.written.lower():
            kind = "exact" if source == "name" else source
            return WordMatch(1.0, kind, word.written, position)
        if reading.key == goal.key:
            score, kind = (0.94, "case form") if reading.case_form else (0.96, "transliteration")
        elif stem_key(reading.key) == stem_key(goal.key):
            score, kind = OV_SCORE, "ending variant"  # Zeynal, Zeynalov; Vagif, Vagifgizi
        else:
            similarity = Levenshtein.normalized_similarity(reading.key, goal.key)
            if similarity >= SIMILAR:
                score, kind = round(0.9 * similarity, 2), "similar spelling"
            elif _one_letter_off(reading.unified, goal.unified):
                score, kind = TYPO_SCORE, "one letter off"
            elif similarity >= NEAR:
                score, kind = NEAR_SCORE, "near spelling"
            else:
                continue
        if score > best.score:
            best = WordMatch(score, kind, word.written, position)
    return best


def _one_letter_off(printed: str, listed: str) -> bool:
    """Ramin for Ramil, Babayyev for Babayev: one letter changed, added or left out."""
    return (
        min(len(printed), len(listed)) >= TYPO_MIN_LETTERS
        and Levenshtein.distance(printed, listed) == 1
    )


def surname_match(c: Comparison) -> WordMatch:
    """The word of the mention that best agrees with the case's surname (last word wins ties)."""
    return c.surname_found


def _surname_match(c: Comparison) -> WordMatch:
    best = WordMatch(0.0, "different", "", -1)
    for position, word in enumerate(c.words):
        if word.initial:
            continue
        found = compare_word(word, c.name.surname, c.name.source, position)
        if found.score >= best.score and found.score > 0:
            best = found
    return best


def surname_agreement(c: Comparison) -> Feature:
    found = surname_match(c)
    if found.score <= 0:
        return 0.0, f"surname differs from {c.name.surname.written}"
    return found.score, (
        f"surname {found.kind} match {found.written} ~ {c.name.surname.written} ({found.score:.2f})"
    )


def first_name_agreement(c: Comparison) -> Feature:
    return c.first_name_found


def _first_name_agreement(c: Comparison) -> Feature:
    surname = surname_match(c).position
    others = [
        (i, w) for i, w in enumerate(c.words) if i != surname and not _patronymic_word(c, i, w)
    ]
    target = c.name.first
    if not others:
        return 0.0, "no first name (bare surname)"
    if target is None:
        return 0.0, "case listed without a first name"
    best = WordMatch(-1.0, "conflict", others[0][1].written, others[0][0])
    for position, word in others:
        if word.initial:
            if word.main.unified[:1] == target.main.unified[:1]:
                found = WordMatch(0.5, "initial", word.written, position)
            else:
                continue
        else:
            found = compare_word(word, target, c.name.source, position)
        if found.score > best.score and found.score > 0:
            best = found
    if best.score < 0:
        shown = " ".join(w.written for _, w in others)
        return -1.0, f"first name conflicts: {shown} is not {target.written}"
    return best.score, (
        f"first name {best.kind} match {best.written} ~ {target.written} ({best.score:.2f})"
    )


def _patronymic_word(c: Comparison, position: int, word: Word) -> bool:
    return len(c.words) >= 3 and position == len(c.words) - 1 and patronymic_word(word)


def patronymic_agreement(c: Comparison) -> Feature:
    """The father's name (Vagifoglu, Вагиф оглы): tells namesakes apart."""
    listed = c.name.patronymic
    seen = c.words[-1] if len(c.words) >= 3 and patronymic_word(c.words[-1]) else None
    if listed is None or seen is None:
        return 0.0, ""
    found = compare_word(seen, listed, c.name.source)
    if found.score > 0:
        return 0.2, f"patronymic agrees: {seen.written} ~ {listed.written}"
    return -1.0, f"patronymic conflicts: {seen.written} is not {listed.written}"


def bare_shared_surname(c: Comparison) -> Feature:
    """A surname alone that several cases share cannot tell them apart."""
    if len([w for w in c.words if not w.initial]) > 1 or c.cases_sharing_surname < 2:
        return 0.0, ""
    return -1.0, f"surname alone, shared by {c.cases_sharing_surname} cases"


# How strongly a role speaks against the case: an official who shares a prisoner's full
# name is a namesake far more often than a relative or a lawyer who does (the families
# and lawyers of the prosecuted are prosecuted too).
ROLE_CONFLICT = {"official": -1.0, "relative": -0.6, "lawyer": -0.6}


def role_agreement(c: Comparison) -> Feature:
    if c.context.role == "detainee":
        return 1.0, "named as detained or prosecuted"
    if c.context.role in ROLE_CONFLICT:
        return ROLE_CONFLICT[c.context.role], (
            f"named as {c.context.role}, not as the prosecuted person"
        )
    return 0.0, ""


def custody_context(c: Comparison) -> Feature:
    """A namesake: the name in an article that reports no development, charge or place
    of detention at all (a match report, a ministry's statement), not named as a
    prisoner either, and with no fact of the case beside it (a party leader's press
    conference names his party: the occupation near the name vouches for him)."""
    if c.context.custodial or c.context.role == "detainee":
        return 0.0, ""
    if c.has_evidence:
        return 0.0, "the article reports nothing custodial, but a fact of the case agrees"
    return -1.0, "the article reports no arrest, charge, trial or prison"


def gender_agreement(c: Comparison) -> Feature:
    listed = c.case.gender or gender(c.name.surname.written, nominative=True)
    seen = c.context.gender
    if listed is None or seen is None:
        return 0.0, ""
    if listed == seen:
        return 1.0, f"gender agrees ({seen})"
    return -1.0, f"gender conflicts: name form is {seen}, case is {listed}"


def charge_agreement(c: Comparison) -> Feature:
    listed = set(c.case.charges) - {"other"}
    seen = set(c.context.charges) - {"other"}
    if not listed or not seen:
        return 0.0, ""
    common = sorted(listed & seen)
    if common:
        return 1.0, f"charge in case: {', '.join(common)}"
    return -0.5, f"charges differ: {', '.join(sorted(seen))} not in case"


def _facility_parts(name: str) -> tuple[str, str]:
    rules = context_rules()
    lower = name.lower()
    kind = next(
        (k for k, words in rules["facility_kinds"].items() if any(w in lower for w in words)), ""
    )
    number = re.findall(r"\d+", lower)
    return kind, number[0] if number else lower


def facility_agreement(c: Comparison) -> Feature:
    if not c.case.facility or not c.context.facilities:
        return 0.0, ""
    listed = _facility_parts(c.case.facility)
    for seen in c.context.facilities:
        if _facility_parts(seen) == listed:
            return 1.0, f"facility in case: {seen}"
    return 0.0, f"facility named: {', '.join(c.context.facilities)} (case: {c.case.facility})"


def occupation_agreement(c: Comparison) -> Feature:
    if not c.case.occupation:
        return 0.0, ""
    occupation = c.case.occupation.lower()
    rules = context_rules()
    for kind in ("occupation", "organisation"):
        for term, words in rules[f"{kind}_terms"].items():
            if term.lower() in occupation and any(w in c.context.window for w in words):
                return 1.0, f"{kind} near the name: {term}"
    return 0.0, ""


def date_agreement(c: Comparison) -> Feature:
    known = {(e.type, e.date) for e in c.case.events if e.date is not None}
    common = sorted(known & set(c.context.event_dates))
    if not common:
        return 0.0, ""
    kind, date = common[0]
    return 1.0, f"known {kind} date: {date.isoformat()}"


def listed_with_codefendant(c: Comparison) -> Feature:
    """Named in one list with a known case charged alike ("Исмаила Нальгиева, Багаудина
    Хаутиева и Баруха Чемурзиева"): a list of the defendants of one trial."""
    own = set(c.case.charges) - {"other"}
    for case_id, charges in c.context.listed_with:
        common = sorted(own & charges)
        if common and case_id != c.case.id:
            return 1.0, f"listed with {case_id}, charged alike ({', '.join(common)})"
    return 0.0, ""


def _first_name_kind(c: Comparison) -> str:
    detail = first_name_agreement(c)[1]
    return next((kind for kind in LOOSE_KINDS if f"first name {kind} match" in detail), "")


EVIDENCE: tuple[Callable[[Comparison], Feature], ...] = (
    charge_agreement,
    facility_agreement,
    occupation_agreement,
    date_agreement,
    patronymic_agreement,
    listed_with_codefendant,
)


def spelling_alone(c: Comparison) -> Feature:
    """A name one letter off (Ramin for Ramil) fits the case, but so would another
    person's: without a fact of the case in the article (charge, facility, occupation,
    date, father's name, a co-defendant listed beside it) it goes to review, never
    straight to a match."""
    loose = [kind for kind in (surname_match(c).kind, _first_name_kind(c)) if kind in LOOSE_KINDS]
    if not loose:
        return 0.0, ""
    if c.has_evidence:
        return 0.0, ""
    return -1.0, f"only the spelling ({loose[0]}) ties this name to the case"


def analyst_rejection(c: Comparison) -> Feature:
    if c.rejected:
        return -1.0, "an analyst rejected this name for this case in this context"
    return 0.0, ""
