"""Known-case names as a ruler: every spelling the matcher generates, id = case id.

A :class:`CaseNameMatcher` is built once per Extractor and language from
:class:`~monitor.model.NamePattern` records and handed to the shared pipeline's
``case_name_ruler`` component through ``nlp.pipe(component_cfg=...)``, so one loaded
pipeline serves extractors with different case lists.

Names are compared by the phonetic keys of their words (:mod:`monitor.names`), not by
their letters: a run of capitalised words is a known name when each word, as printed or
with a case ending taken off, has the key of the same word of one spelling. So the
ruler finds the spellings no list foresees (Хафиза for Гафиз, Гасымовой for
Гасимова) and names in any script (Սամուէլ Կարապետեան for Samvel Karapetyan). Patterns
are reduced to their key sequences: tens of thousands of spellings give a dictionary of
a fraction of that size, looked up a few times per word of an article.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from monitor.model import NamePattern
from monitor.names import read_word, script_of, tokens, word_key

SPAN_KEY = "case_names"
_UNCASED_SCRIPTS = frozenset({"georgian"})  # Georgian has no capital letters


class CaseNameMatcher:
    """Known names by key; match labels are case ids (the first case listed wins a name
    two cases share: the matcher weighs namesakes)."""

    def __init__(self, nlp: Language, patterns: Iterable[NamePattern]) -> None:
        self._cases: dict[tuple[str, ...], str] = {}
        for pattern in patterns:
            words = tokens(pattern.text)
            if len(words) < 2 or any(len(w.rstrip(".")) < 2 for w in words):
                continue  # a bare surname or an initial would tag every namesake
            keys = tuple(word_key(w) for w in words)
            if all(keys):
                self._cases.setdefault(keys, pattern.case_id)
        self._lengths = sorted({len(k) for k in self._cases}, reverse=True)
        self.size = len(self._cases)

    def __call__(self, doc: Doc) -> list[Span]:
        strings = doc.vocab.strings
        keys = [_word_keys(strings[orth]) for orth in doc.to_array(ORTH).tolist()]
        spans = []
        for start in range(len(doc)):
            if not keys[start]:
                continue
            for length in self._lengths:
                run = keys[start : start + length]
                if len(run) < length or not all(run):
                    continue
                case_id = next(
                    (c for k in itertools.product(*run) if (c := self._cases.get(k))), None
                )
                if case_id is not None:
                    spans.append(Span(doc, start, start + length, label=case_id))
                    break
        return filter_spans(spans)


@lru_cache(maxsize=65536)
def _word_keys(token: str) -> frozenset[str]:
    """The keys of a capitalised word of a name, as printed and with each case ending
    taken off (empty for any other word)."""
    text = token.strip("-–—'’\"«»")
    if len(text) < 2 or not text[0].isalpha():
        return frozenset()
    if not text[0].isupper() and script_of(text) not in _UNCASED_SCRIPTS:
        return frozenset()
    words = tokens(text)
    if len(words) != 1:
        return frozenset()
    return frozenset(r.key for r in read_word(words[0]).readings if r.key)


@Language.factory("case_name_ruler")
def make_case_name_ruler(nlp: Language, name: str) -> CaseNameRuler:
    return CaseNameRuler()


class CaseNameRuler:
    """Writes ``doc.spans["case_names"]`` from the matcher given per call (if any)."""

    def __call__(self, doc: Doc, matcher: CaseNameMatcher | None = None) -> Doc:
        doc.spans[SPAN_KEY] = matcher(doc) if matcher is not None else []
        return doc
