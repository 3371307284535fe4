"""Developments, sentence by sentence: trigger phrases per event type (``data/events.yaml``).

The ``event_tagger`` component stores one span per (type, sentence) in
``doc.spans["events"]`` (label = event type, ``span.id_`` = "negated" when the trigger
is denied, asked for or only possible), and the sentences that repeat earlier reporting
("As reported earlier", "Как ранее сообщал") in ``doc.spans["background"]``.

A trigger is not an event when, in the few words before it, a negation says it did not
happen ("was not released"), or when, in its clause, a request, an intention or a
possibility says it has not happened yet ("demanded his release", "intends to go on
hunger strike", "is punishable by eight years in prison", "грозит до 12 лет"). A trigger
of a more specific type takes the words it shares with a broader one ("four months'
arrest" is pretrial detention, not an arrest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from monitor.nlp.resources import compile_any, load_data

SPAN_KEY = "events"
BACKGROUND_KEY = "background"
NEGATED = "negated"
_NEGATION_WORDS = 5
# clause boundaries for modal cues: punctuation that closes a clause, and "but"/"но"
_CLAUSE = re.compile(r"[;:()\[\]]|,\s|\s[-–—]\s|\b(?:but|whereas|while|но|однако|а)\b", re.I)


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]
    background: re.Pattern[str] | None
    negation: re.Pattern[str] | None
    modal_before: re.Pattern[str] | None
    modal_clause: re.Pattern[str] | None
    subsumes: dict[str, frozenset[str]]


@dataclass(frozen=True)
class TriggerHit:
    type: str
    start: int
    end: int
    negated: bool


@lru_cache(maxsize=4)
def event_rules(lang: str) -> EventRules:
    data = load_data("events.yaml")
    rule_lang = lang if lang in ("en", "ru") else "en"
    triggers = []
    for type_, entry in data["types"].items():
        compiled = compile_any([rf"(?<!\w)(?:{p})" for p in entry.get(rule_lang, [])])
        if compiled is not None:
            triggers.append((type_, compiled))
    negation = compile_any([rf"(?<!\w)(?:{p})(?!\w)" for p in data["negation"][rule_lang]])
    modal = data["modal"]
    background = compile_any([*data["background"]["en"], *data["background"]["ru"]])
    return EventRules(
        triggers=tuple(triggers),
        background=background,
        negation=negation,
        modal_before=compile_any([rf"(?<!\w)(?:{p})(?!\w)" for p in modal["before"][rule_lang]]),
        modal_clause=compile_any([rf"(?<!\w)(?:{p})(?!\w)" for p in modal["clause"][rule_lang]]),
        subsumes={k: frozenset(v) for k, v in data["subsumes"].items()},
    )


def _negated(sentence: str, start: int, negation: re.Pattern[str] | None) -> bool:
    if negation is None:
        return False
    words = sentence[:start].split()[-_NEGATION_WORDS:]
    return negation.search(" ".join(words) + " ") is not None


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0]
    bounds.extend(m.start() for m in _CLAUSE.finditer(sentence))
    bounds.append(len(sentence))
    return list(pairwise(bounds))


class _Modality:
    """Where in one sentence a request, intention or possibility governs a trigger."""

    def __init__(self, sentence: str, rules: EventRules) -> None:
        self.clauses = _clauses(sentence)
        self.before = self._cues(sentence, rules.modal_before)
        self.anywhere = self._cues(sentence, rules.modal_clause)

    @staticmethod
    def _cues(sentence: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
        return [] if pattern is None else [m.span() for m in pattern.finditer(sentence)]

    def _clause(self, position: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= position < c[1]), (0, 0))

    def governs(self, start: int, end: int) -> bool:
        low, high = self._clause(start)
        for cue_start, cue_end in self.before:
            if low <= cue_start and cue_end <= start:
                return True
        for cue_start, cue_end in self.anywhere:
            inside = start <= cue_start and cue_end <= end
            if low <= cue_start < high and not inside:
                return True
        return False


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[TriggerHit]:
    """One trigger per event type in one sentence, affirmed ones preferred."""
    rules = event_rules(lang)
    modality: _Modality | None = None
    found: dict[str, list[tuple[int, int, bool]]] = {}
    for type_, pattern in rules.triggers:
        matches = [m.span() for m in pattern.finditer(sentence)]
        if not matches:
            continue
        if modality is None:
            modality = _Modality(sentence, rules)
        found[type_] = [
            (s, e, _negated(sentence, s, rules.negation) or modality.governs(s, e))
            for s, e in matches
        ]
    hits = []
    for type_, candidates in found.items():
        # words a more specific type's trigger took are not this type's trigger
        taken = [
            (s, e)
            for other, spans in found.items()
            if type_ in rules.subsumes.get(other, frozenset())
            for s, e, _ in spans
        ]
        own = [m for m in candidates if not any(m[0] < e and s < m[1] for s, e in taken)]
        if not own:
            continue
        start, end, negated = next((m for m in own if not m[2]), own[0])
        hits.append(TriggerHit(type_, offset + start, offset + end, negated))
    return hits


def is_background_sentence(sentence: str, lang: str) -> bool:
    pattern = event_rules(lang).background
    return pattern is not None and pattern.search(sentence) is not None


@Language.factory("event_tagger")
def make_event_tagger(nlp: Language, name: str) -> EventTagger:
    return EventTagger(nlp.lang or "xx")


class EventTagger:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        events: list[Span] = []
        background: list[Span] = []
        for sent in doc.sents:
            text = sent.text
            if is_background_sentence(text, self.lang):
                background.append(Span(doc, sent.start, sent.end, label="background"))
            for hit in find_triggers(text, self.lang, sent.start_char):
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if span is not None:
                    events.append(
                        Span(
                            doc,
                            span.start,
                            span.end,
                            label=hit.type,
                            span_id=NEGATED if hit.negated else "",
                        )
                    )
        doc.spans[SPAN_KEY] = events
        doc.spans[BACKGROUND_KEY] = background
        return doc
