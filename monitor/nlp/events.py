"""Developments, sentence by sentence: trigger phrases per event type (``data/events.yaml``).

The ``event_tagger`` component stores one span per (type, sentence) in
``doc.spans["events"]`` (label = event type, ``span.id_`` = "negated" when a negation or
a mere request comes just before the trigger), and the sentences that repeat earlier
reporting ("As reported earlier", "Как ранее сообщал") in ``doc.spans["background"]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from monitor.nlp.resources import compile_any, load_data

SPAN_KEY = "events"
BACKGROUND_KEY = "background"
NEGATED = "negated"
_NEGATION_WORDS = 5


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]
    background: re.Pattern[str] | None
    negation: re.Pattern[str] | None


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
    background = compile_any([*data["background"]["en"], *data["background"]["ru"]])
    return EventRules(tuple(triggers), background, negation)


def _negated(sentence: str, start: int, negation: re.Pattern[str] | None) -> bool:
    if negation is None:
        return False
    words = sentence[:start].split()[-_NEGATION_WORDS:]
    return negation.search(" ".join(words) + " ") is not None


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[TriggerHit]:
    """The first trigger of each event type in one sentence."""
    rules = event_rules(lang)
    hits = []
    for type_, pattern in rules.triggers:
        found = pattern.search(sentence)
        if found is None:
            continue
        # prefer an affirmed trigger of the type when the first one is negated
        negated = _negated(sentence, found.start(), rules.negation)
        if negated:
            for later in pattern.finditer(sentence, found.end()):
                if not _negated(sentence, later.start(), rules.negation):
                    found, negated = later, False
                    break
        hits.append(TriggerHit(type_, offset + found.start(), offset + found.end(), negated))
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
