"""Sentence boundaries that keep "Facility No. 13", "ч. 3 ст. 206" and initials whole.

Registered as the ``monitor_sentences`` component: it replaces the parser (which we do
not load) and spaCy's sentencizer (which splits after every full stop).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from monitor.nlp.resources import load_data

# A full stop, question or exclamation mark, with any closing quotes or brackets.
_STOP = r"[.!?…]+[\"»”')\]]*"


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern[str]:
    """A full stop, question or exclamation mark (with closing quotes), then space and a
    capital letter, an opening quote or bracket, a date that opens the next sentence
    ("... под домашний арест. 23 марта в суде ..."; the month names of nlp_dates.yaml),
    or an age ("... огласят 27 февраля. 19-летнего ...", "... 30-year-old ...")."""
    months = "|".join(
        re.escape(w) for ws in load_data("nlp_dates.yaml")["months"].values() for w in ws
    )
    return re.compile(
        _STOP
        + rf"\s+(?=[\"«“(\[]?[A-ZА-ЯЁƏÜÖĞÇŞİ]|(?:[1-9]|[12]\d|3[01])\s+(?i:{months})\b"
        + r"|\d{1,3}-[^\W\d_])"
    )


_LAST_WORD = re.compile(rf"(\w+){_STOP}\s*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_data("nlp_sentences.yaml")["abbreviations"])


def sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of the sentences of ``text``; a newline always ends one."""
    abbreviations = _abbreviations()
    offset = 0
    for line in text.split("\n"):
        start = 0
        for found in _boundary().finditer(line):
            before = _LAST_WORD.search(line[: found.end()])
            word = before.group(1) if before else ""
            if word.lower() in abbreviations or (len(word) == 1 and word.isupper()):
                continue
            if line[start : found.start() + 1].strip():
                yield offset + start, offset + found.end()
            start = found.end()
        if line[start:].strip():
            yield offset + start, offset + len(line)
        offset += len(line) + 1


@Language.factory("monitor_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSetter:
    return SentenceSetter()


class SentenceSetter:
    """Sets every token's sentence start from :func:`sentence_bounds`, in one array write."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data.pop(_SENTS_KEY, None)
        if len(doc) == 0:
            return doc
        text = doc_text(doc)
        starts = {start for start, _ in sentence_bounds(text)}
        columns = doc.to_array([IDX, IS_SPACE]).tolist()
        flags = numpy.full((len(doc), 1), -1, dtype="int64")
        pending = True  # the next word token starts a sentence
        for i, (idx, space) in enumerate(columns):
            if space:
                # a newline inside a whitespace token ends the line: start at the next word
                end = columns[i + 1][0] if i + 1 < len(columns) else len(text)
                pending = (pending and i > 0) or "\n" in text[idx:end]
                if i == 0:
                    flags[i, 0] = 1
                continue
            if pending or idx in starts:
                flags[i, 0] = 1
            pending = False
        doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64")))
        return doc


_TEXT_KEY = "monitor.text"
_SENTS_KEY = "monitor.sentences"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins the tokens on every call)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def sentences_of(doc: Doc) -> list[tuple[Span, str]]:
    """The sentences of a processed document with their text, computed once."""
    cached = doc.user_data.get(_SENTS_KEY)
    if not isinstance(cached, list):
        text = doc_text(doc)
        cached = [(s, text[s.start_char : s.end_char]) for s in doc.sents]
        doc.user_data[_SENTS_KEY] = cached
    return cast(list[tuple[Span, str]], cached)
