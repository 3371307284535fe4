"""Articles longer than the language pipelines take at once, analysed in parts.

spaCy refuses texts over ``nlp.max_length`` (a million characters) and needs memory in
proportion to the text, while the crawler accepts pages of several megabytes (a court
ruling, a list of prisoners). Such an article is cut at paragraph boundaries into parts
of at most :data:`PART_CHARS` characters (a paragraph longer than that is cut between
sentences, or between words); every part is extracted on its own, and the extractions
are joined back into one whose character offsets refer to the whole article's text:

- part 0 keeps the title, so its text is the start of the article's text;
- a later part has an empty title, so its text is a newline and its paragraphs, and an
  offset in it lies ``shift`` characters later in the whole text;
- the same person named in several parts is one person (by normalized name), with the
  forms and spans of every part; charges and events point at the joined people.

What a sentence reports is read within its part, as always; only the lead (the title
and first paragraph, which decide news and dates) is that of each part, which for text
this long is the best a part can do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from monitor.model import (
    Article,
    ChargeMention,
    EventMention,
    Extraction,
    Paragraph,
    PersonMention,
)

PART_CHARS = 50_000  # spaCy needs memory in proportion: keep each part modest
_BREAKS = (re.compile(r"[.!?…]\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Part:
    article: Article
    shift: int  # offset in the part's text + shift = offset in the article's text


def _pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters, between sentences where
    it can, else between words, else anywhere; (start in ``text``, piece)."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def split_article(article: Article, limit: int = PART_CHARS) -> list[Part]:
    """The parts of ``article`` (just the article itself when it is short enough)."""
    if len(article.text) <= limit:
        return [Part(article, 0)]
    parts: list[Part] = []
    current: list[Paragraph] = []
    size, shift = len(article.title), 0  # part 0: the title, then its paragraphs

    def close() -> None:
        title = "" if parts else article.title
        parts.append(Part(replace(article, title=title, paragraphs=list(current)), shift))
        current.clear()

    position = len(article.title) + 1  # where the paragraph starts in the whole text
    for paragraph in article.paragraphs:
        if 1 + len(paragraph.text) > limit:  # cut into parts of its own
            if current or not parts:
                close()
            for start, piece in _pieces(paragraph.text, limit - 1):
                parts.append(
                    Part(
                        replace(article, title="", paragraphs=[replace(paragraph, text=piece)]),
                        position + start - 1,
                    )
                )
            size = limit  # the next paragraph opens a new part
        else:
            if size + 1 + len(paragraph.text) > limit:
                if current or not parts:
                    close()
                size = 0
            if not current and parts:
                shift = position - 1  # a later part's text is "\n" and its paragraphs
            current.append(paragraph)
            size += 1 + len(paragraph.text)
        position += len(paragraph.text) + 1
    if current:
        close()
    return parts


def join_extractions(parts: Sequence[Part], extractions: Sequence[Extraction]) -> Extraction:
    """One extraction of the whole article from those of its parts (module docs)."""
    whole = Extraction(
        language=extractions[0].language,
        relevant=any(e.relevant for e in extractions),
    )
    by_name: dict[str, int] = {}
    for part, extraction in zip(parts, extractions, strict=True):
        shift = part.shift
        index: dict[int, int] = {}
        for old, person in enumerate(extraction.people):
            spans = [(start + shift, end + shift) for start, end in person.spans]
            known = by_name.get(person.normalized)
            if known is None:
                by_name[person.normalized] = index[old] = len(whole.people)
                whole.people.append(replace(person, spans=spans, forms=list(person.forms)))
                continue
            index[old] = known
            _merge_person(whole.people[known], person, spans)
        whole.facilities += [
            replace(f, start=f.start + shift, end=f.end + shift) for f in extraction.facilities
        ]
        whole.charges += [_moved(c, shift, index) for c in extraction.charges]
        whole.events += [_moved(e, shift, index) for e in extraction.events]
    return whole


Located = TypeVar("Located", ChargeMention, EventMention)


def _moved(mention: Located, shift: int, people: dict[int, int]) -> Located:
    """``mention`` with offsets in the whole text and its person among the joined ones."""
    person = None if mention.person is None else people[mention.person]
    return replace(mention, start=mention.start + shift, end=mention.end + shift, person=person)


def _merge_person(into: PersonMention, other: PersonMention, spans: list[tuple[int, int]]) -> None:
    into.forms += [form for form in other.forms if form not in into.forms]
    into.spans += [span for span in spans if span not in into.spans]
    if into.role == "other":
        into.role = other.role
    into.case_hint = into.case_hint or other.case_hint
    into.patronymic = into.patronymic or other.patronymic


class Extracting(Protocol):
    """What :class:`monitor.nlp.Extractor` offers that is used here."""

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[Extraction]: ...


def extract_in_parts(
    extractor: Extracting, articles: Sequence[Article], batch_size: int = 16
) -> Iterator[Extraction]:
    """``extractor.extract_many`` for articles of any length, in input order."""
    split = [split_article(article) for article in articles]
    flat = [part.article for parts in split for part in parts]
    extractions = iter(extractor.extract_many(flat, batch_size=batch_size))
    for parts in split:
        got = [next(extractions) for _ in parts]
        yield got[0] if len(parts) == 1 else join_extractions(parts, got)
