"""Weighing the features into one confidence and a decision.

The weighted list is declared once, below. Confidence is the weighted sum clamped to
[0, 1]. Full first name and surname in any spelling reach the match threshold; a bare
surname (weight 0.55) needs agreeing context (charges, facility, occupation, dates) to
pass it, and a surname several cases share cannot; a name one letter off (Ramin for
Ramil) reaches it only with a fact of the case beside it; a conflicting first name or an
analyst's rejection pull far below it. The role of an official takes a full name to
review, that of a relative or lawyer a full name in a case form or other spelling (an
exact one with nothing else against it stays a match: families of the prosecuted are
prosecuted too). A full name in an article that reports nothing custodial (a namesake
in a sports report) falls to review unless a fact of the case stands beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from monitor.matching import features as f
from monitor.model import Decision

MATCH = 0.80
REVIEW = 0.50
AMBIGUITY_MARGIN = 0.05  # two cases closer than this: a person cannot be both

FEATURES: list[tuple[str, float, Callable[[f.Comparison], f.Feature]]] = [
    ("surname", 0.55, f.surname_agreement),
    ("first_name", 0.40, f.first_name_agreement),
    ("patronymic", 0.30, f.patronymic_agreement),
    ("bare_shared_surname", 0.15, f.bare_shared_surname),
    ("role", 0.20, f.role_agreement),
    ("custody", 0.25, f.custody_context),
    ("gender", 0.30, f.gender_agreement),
    ("charges", 0.08, f.charge_agreement),
    ("facility", 0.08, f.facility_agreement),
    ("occupation", 0.06, f.occupation_agreement),
    ("dates", 0.06, f.date_agreement),
    ("codefendant", 0.06, f.listed_with_codefendant),
    ("spelling_alone", 0.15, f.spelling_alone),
    ("analyst", 1.00, f.analyst_rejection),
]
# These only ever take away: agreeing on them adds nothing to an agreeing full name.
_NEGATIVE_ONLY = frozenset({"role", "gender", "custody", "spelling_alone"})


@dataclass(frozen=True)
class Score:
    confidence: float
    explanation: list[str]
    total: float = 0.0  # the weighted sum before clamping: ranks namesakes that both pass 1


def score(comparison: f.Comparison) -> Score:
    total = 0.0
    explanation: list[str] = []
    for name, weight, feature in FEATURES:
        value, detail = feature(comparison)
        if name in _NEGATIVE_ONLY and value > 0:
            value = 0.0
        total += weight * value
        if detail:
            explanation.append(detail)
    return Score(round(min(1.0, max(0.0, total)), 3), explanation, round(total, 3))


def decide(confidence: float) -> Decision:
    if confidence >= MATCH:
        return "match"
    if confidence >= REVIEW:
        return "review"
    return "none"
