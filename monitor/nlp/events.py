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
from functools import cached_property, lru_cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from monitor.nlp.resources import compile_any, compile_words, load_data
from monitor.nlp.sentences import sentences_of

SPAN_KEY = "events"
BACKGROUND_KEY = "background"
NEGATED = "negated"
STATUS = "status"  # "находится под домашним арестом": a state, not a new development
_NEGATION_WORDS = 5
# A hearing is a noun: "journalists were not let into the hearing" denies the letting in,
# not the hearing; only a denial right before it ("no hearing", "не было заседания") counts.
_NEGATION_WORDS_BEFORE_A_HEARING = 2
# clause boundaries for modal cues: punctuation that closes a clause, and "but"/"но"
_BREAKS_BUT_A_DASH = r"[;:()\[\]]|,\s|\b(?:but|whereas|while|но|однако|а)\b"
_CLAUSE = re.compile(_BREAKS_BUT_A_DASH + r"|\s[-–—]\s", re.I)
# a dash alone does not end the clause of a step put off: "the question of extending the
# arrest of the editors – A and B – was adjourned" puts the whole sentence off
_CLAUSE_BREAK_NOT_DASH = re.compile(_BREAKS_BUT_A_DASH, re.I)


@dataclass(frozen=True)
class _ChargeContent:
    """What a charge names ("charged with torture"): see ``charge_content`` in events.yaml."""

    types: frozenset[str]
    reach: int
    cue: re.Pattern[str] | None
    breaks: re.Pattern[str] | None

    def names(self, sentence: str, start: int, end: int) -> bool:
        """Whether the trigger at ``start``-``end`` names what someone is charged with."""
        if _ARTICLE_NUMBER.match(sentence, end):
            return True  # "torture (113)"
        if self.cue is None:
            return False
        words = sentence[:start].split()[-self.reach :]
        before = " ".join(words)
        cues = list(self.cue.finditer(before))
        if not cues:
            return False
        between = before[cues[-1].end() :]
        return self.breaks is None or self.breaks.search(between) is None


@dataclass(frozen=True)
class _CustodyOnly:
    """Words of a development that count only in custody: see ``custody_only`` in
    events.yaml."""

    types: frozenset[str]
    words: re.Pattern[str] | None
    custody: re.Pattern[str] | None

    def outside(self, sentence: str, start: int, end: int, type_: str) -> bool:
        """Whether the trigger at ``start``-``end`` is such a word in a sentence that
        names no custody."""
        if type_ not in self.types or self.words is None:
            return False
        if self.words.fullmatch(sentence, start, end) is None:
            return False
        return self.custody is None or self.custody.search(sentence) is None


_ARTICLE_NUMBER = re.compile(r"\s*\((?:art\w*\.?\s*|ст\.?\s*)?\d")


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]
    background: re.Pattern[str] | None
    negation: re.Pattern[str] | None
    negation_after: re.Pattern[str] | None
    administrative: re.Pattern[str] | None
    modal_before: re.Pattern[str] | None
    modal_clause: re.Pattern[str] | None
    status: re.Pattern[str] | None
    status_reaching: re.Pattern[str] | None
    status_apposition: re.Pattern[str] | None
    charge_state: re.Pattern[str] | None
    subsumes: dict[str, frozenset[str]]
    charge_description: re.Pattern[str] | None
    charge_disputed: re.Pattern[str] | None
    charge_content: _ChargeContent
    verdict_charge: re.Pattern[str] | None
    postponed: re.Pattern[str] | None
    custody_only: _CustodyOnly


@dataclass(frozen=True)
class TriggerHit:
    type: str
    start: int
    end: int
    negated: bool
    status: bool = False


@lru_cache(maxsize=4)
def event_rules(lang: str) -> EventRules:
    data = load_data("events.yaml")
    rule_lang = lang if lang in ("en", "ru") else "en"
    triggers = []
    for type_, entry in data["types"].items():
        compiled = compile_words(entry.get(rule_lang, []))
        if compiled is not None:
            triggers.append((type_, compiled))
    negation = compile_words(data["negation"][rule_lang], whole=True)
    modal = data["modal"]
    background = compile_any([*data["background"]["en"], *data["background"]["ru"]])
    return EventRules(
        triggers=tuple(triggers),
        background=background,
        negation=negation,
        administrative=compile_any(data["administrative_arrest"][rule_lang]),
        negation_after=compile_any(
            [rf"^\W*(?:\w+\W+)?(?:{p})(?!\w)" for p in data["negation_after"][rule_lang]]
        ),
        modal_before=compile_words(modal["before"][rule_lang], whole=True),
        modal_clause=compile_words(modal["clause"][rule_lang], whole=True),
        status=compile_any(
            [rf"(?<!\w)(?:{p})\s+(?:\w+\s+){{0,3}}$" for p in data["status"]["before"][rule_lang]]
        ),
        status_reaching=compile_any(
            [rf"(?<!\w)(?:{p})$" for p in data["status"]["reaching"][rule_lang]]
        ),
        status_apposition=compile_any(data["status"]["apposition"][rule_lang]),
        charge_state=compile_any(data["charge_state"][rule_lang]),
        subsumes={k: frozenset(v) for k, v in data["subsumes"].items()},
        charge_description=compile_any(
            [rf"(?:{p})$" for p in data["charge_description"][rule_lang]]
        ),
        charge_disputed=compile_words(data["charge_disputed"][rule_lang], whole=True),
        charge_content=_ChargeContent(
            types=frozenset(data["charge_content"]["types"]),
            reach=int(data["charge_content"]["reach"]),
            cue=compile_words(data["charge_content"]["cue"][rule_lang], whole=True),
            breaks=compile_words(data["charge_content"]["breaks"][rule_lang], whole=True),
        ),
        verdict_charge=compile_any(data["verdict_charge"][rule_lang]),
        postponed=compile_words(data["postponed"][rule_lang]),
        custody_only=_CustodyOnly(
            types=frozenset(data["custody_only"]["types"]),
            words=compile_any(data["custody_only"]["words"][rule_lang]),
            custody=compile_words(data["custody_only"]["custody"][rule_lang], whole=True),
        ),
    )


def _negated_after(sentence: str, end: int, pattern: re.Pattern[str] | None) -> bool:
    """ "под помилование не попали": the denial right after the trigger."""
    return pattern is not None and pattern.search(sentence[end : end + 60]) is not None


_FIRST_WORD = re.compile(r"\w+")


def _status(sentence: str, start: int, rules: EventRules) -> bool:
    """Whether the trigger at ``start`` reports a state (``status`` in events.yaml)."""
    before = sentence[max(0, start - 60) : start]
    if rules.status is not None and rules.status.search(before):
        return True
    apposition = rules.status_apposition
    if apposition is not None and before.endswith(", ") and apposition.match(sentence, start):
        return True  # "X, sentenced in 2014 on drug charges, is placed in a punishment cell"
    first = _FIRST_WORD.match(sentence, start)
    reaching = rules.status_reaching
    return (
        first is not None and reaching is not None and bool(reaching.search(before + first.group()))
    )


_LAST_WORD = re.compile(r"\w+\s+$")


def _verdict_grounds(sentence: str, charge: re.Match[str], pattern: re.Pattern[str] | None) -> bool:
    """Whether the charge trigger, with the word before it, gives a verdict's grounds
    ("on charges of", "по обвинению в")."""
    if pattern is None:
        return False
    before = _LAST_WORD.search(sentence, max(0, charge.start() - 30), charge.start())
    return bool(
        pattern.match(charge.group())
        or (before is not None and pattern.match(before.group() + charge.group()))
    )


def _described(sentence: str, start: int, rules: EventRules) -> bool:
    """Whether a charge trigger describes the person it follows ("X, a citizen charged
    with ...") rather than reporting a charge."""
    pattern = rules.charge_description
    if _FINITE.match(sentence, start):
        return False  # "A, B and C—were charged with ...": the sentence's own verb
    return pattern is not None and pattern.search(sentence[max(0, start - 60) : start]) is not None


_FINITE = re.compile(r"(?:were|was|is|are|has|have|had)\b", re.IGNORECASE)


def _negated(
    sentence: str, start: int, negation: re.Pattern[str] | None, reach: int = _NEGATION_WORDS
) -> bool:
    if negation is None:
        return False
    words = sentence[:start].split()[-reach:]
    return negation.search(" ".join(words) + " ") is not None


_PARENTHETICAL_WORDS = 3


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans; a short aside between commas (", if necessary,", ", 34,") does not
    split the clause it stands in."""
    bounds = [0]
    bounds.extend(m.start() for m in _CLAUSE.finditer(sentence))
    bounds.append(len(sentence))
    kept = [0]
    i = 1
    while i < len(bounds) - 1:
        aside = sentence[bounds[i] : bounds[i + 1]]
        if (
            i + 1 < len(bounds) - 1
            and aside.startswith(",")
            and sentence.startswith(",", bounds[i + 1])
            and len(aside[1:].split()) <= _PARENTHETICAL_WORDS
        ):
            i += 2  # the aside and the clause after it belong to the clause before
            continue
        kept.append(bounds[i])
        i += 1
    kept.append(len(sentence))
    return list(pairwise(kept))


class _Modality:
    """Where in one sentence a request, intention or possibility governs a trigger."""

    def __init__(self, sentence: str, rules: EventRules) -> None:
        self.text = sentence
        self.clauses = _clauses(sentence)
        self.before = self._cues(sentence, rules.modal_before)
        self.anywhere = self._cues(sentence, rules.modal_clause)
        self.postponed = self._cues(sentence, rules.postponed)
        self._disputing = rules.charge_disputed

    @staticmethod
    def _cues(sentence: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
        return [] if pattern is None else [m.span() for m in pattern.finditer(sentence)]

    def _clause(self, position: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= position < c[1]), (0, 0))

    @cached_property
    def disputed(self) -> list[tuple[int, int]]:
        """Words calling charges false, looked for only once a charge trigger needs them."""
        return self._cues(self.text, self._disputing)

    def disputes(self, start: int) -> bool:
        """Whether the clause of a charge trigger at ``start`` calls the charges false
        ("the charges against him were fabricated", "обвинения надуманны"): an opinion
        on charges already known, not news of a charge."""
        low, high = self._clause(start)
        return any(low <= c < high for c, _ in self.disputed)

    def governs(self, start: int, end: int, type_: str) -> bool:
        low, high = self._clause(start)
        if type_ != "trial" and any(
            low <= c < high or (end <= c and not _CLAUSE_BREAK_NOT_DASH.search(self.text, end, c))
            for c, _ in self.postponed
        ):
            return True  # "the appeal hearing was adjourned": a hearing, no ruling yet
        for cue_start, cue_end in self.before:
            if low <= cue_start and cue_end <= start:
                return True
        for cue_start, cue_end in self.anywhere:
            inside = start <= cue_start and cue_end <= end
            if low <= cue_start < high and not inside:
                return True
        return False


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[TriggerHit]:
    """One trigger per event type in one sentence, affirmed ones preferred.

    Each type's pattern is searched once; later matches are only looked at when the
    first is negated or lies inside a more specific type's trigger.
    """
    rules = event_rules(lang)
    firsts: dict[str, re.Match[str]] = {}
    for type_, pattern in rules.triggers:
        found = pattern.search(sentence)
        if found is not None:
            firsts[type_] = found
    if not firsts:
        return []
    if "sentence" in firsts and rules.administrative and rules.administrative.search(sentence):
        del firsts["sentence"]  # an administrative arrest ruling is no criminal sentence
        if not firsts:
            return []
    if (
        "sentence" in firsts
        and "charge" in firsts
        and _verdict_grounds(sentence, firsts["charge"], rules.verdict_charge)
    ):
        del firsts["charge"]  # "sentenced on charges of treason": the verdict's grounds
    patterns = dict(rules.triggers)
    modality = _Modality(sentence, rules)
    all_spans: dict[str, list[tuple[int, int]]] = {}

    def spans_of(type_: str) -> list[tuple[int, int]]:
        if type_ not in all_spans:
            first = firsts[type_]
            later = patterns[type_].finditer(sentence, first.end())
            all_spans[type_] = [first.span(), *(m.span() for m in later)]
        return all_spans[type_]

    hits = []
    for type_, first in firsts.items():
        taken = [
            span
            for other in firsts
            if type_ in rules.subsumes.get(other, frozenset())
            for span in spans_of(other)
        ]
        candidates = [first.span()]
        chosen: tuple[int, int, bool] | None = None
        fallback: tuple[int, int, bool] | None = None
        while candidates:
            start, end = candidates.pop(0)
            if not any(start < e and s < end for s, e in taken):
                negated = (
                    _negated(
                        sentence,
                        start,
                        rules.negation,
                        _NEGATION_WORDS_BEFORE_A_HEARING if type_ == "trial" else _NEGATION_WORDS,
                    )
                    or (type_ == "charge" and _described(sentence, start, rules))
                    or (
                        type_ == "charge"
                        and rules.charge_state is not None
                        and rules.charge_state.match(sentence, start) is not None
                    )
                    or (type_ == "charge" and modality.disputes(start))
                    or (
                        type_ in rules.charge_content.types
                        and rules.charge_content.names(sentence, start, end)
                    )
                    or rules.custody_only.outside(sentence, start, end, type_)
                    or _negated_after(sentence, end, rules.negation_after)
                    or modality.governs(start, end, type_)
                )
                fallback = fallback or (start, end, negated)
                if not negated:
                    chosen = (start, end, False)
                    break
            if not candidates and len(spans_of(type_)) > 1 and (start, end) == first.span():
                candidates = spans_of(type_)[1:]
        chosen = chosen or fallback
        if chosen is not None:
            status = _status(sentence, chosen[0], rules)
            hits.append(
                TriggerHit(type_, offset + chosen[0], offset + chosen[1], chosen[2], status)
            )
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
        for sent, text in sentences_of(doc):
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
                            span_id=NEGATED if hit.negated else STATUS if hit.status else "",
                        )
                    )
        doc.spans[SPAN_KEY] = events
        doc.spans[BACKGROUND_KEY] = background
        return doc
