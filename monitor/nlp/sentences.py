"""Sentence boundaries that keep "Facility No. 13", "ч. 3 ст. 206" and initials whole.

Registered as the ``monitor_sentences`` component: it replaces the parser (which we do
not load) and spaCy's sentencizer (which splits after every full stop).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from monitor.nlp.resources import load_data

# A full stop, question or exclamation mark (with closing quotes), then space and a
# capital letter or an opening quote or bracket.
_BOUNDARY = re.compile(r"[.!?…]+[\"»”')\]]*\s+(?=[\"«“(\[]?[A-ZА-ЯЁƏÜÖĞÇŞİ])")
_LAST_WORD = re.compile(r"(\w+)[.!?…]+[\"»”')\]]*\s*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_data("nlp_sentences.yaml")["abbreviations"])


def sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of the sentences of ``text``; a newline always ends one."""
    abbreviations = _abbreviations()
    offset = 0
    for line in text.split("\n"):
        start = 0
        for found in _BOUNDARY.finditer(line):
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
    """Sets ``token.is_sent_start`` from :func:`sentence_bounds`."""

    def __call__(self, doc: Doc) -> Doc:
        starts = {start for start, _ in sentence_bounds(doc.text)}
        pending = False  # a line starts at a whitespace token: start at the next one
        for token in doc:
            start = token.i == 0 or token.idx in starts or pending
            pending = False
            if start and token.is_space and token.i > 0:
                start, pending = False, True
            token.is_sent_start = start
        return doc
