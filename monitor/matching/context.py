"""What an article says around one person: the facts a case can agree or conflict with.

The *context key* (:func:`context_key`) names the situation an analyst's rejection
applies to: ``"<outlet>|<charges>|<facilities>"`` where outlet is the article's outlet
(or its URL's host without ``www.``/``m.``), charges the sorted charge codes the article
ties to the person, facilities the sorted canonical places of detention near the person.
The same name met again with the same outlet and the same facts is not matched again to
a case the analyst rejected; a judgement without context applies everywhere.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from monitor.matching.data import context_rules
from monitor.model import Article, Extraction, PersonMention, Role
from monitor.names import gender, surname_key, tokens


@dataclass(frozen=True)
class PersonContext:
    role: Role
    gender: str | None
    charges: frozenset[str]
    facilities: tuple[str, ...]
    event_dates: frozenset[tuple[str, dt.date]]
    window: str
    key: str
    custodial: bool = True  # the article reports any development, charge or prison
    # charges of the known cases matched to the names listed with this one ("A, B and C")
    listed_with: tuple[tuple[str, frozenset[str]], ...] = ()


def _near(start: int, end: int, spans: list[tuple[int, int]], width: int) -> bool:
    return any(start < s_end + width and end > s_start - width for s_start, s_end in spans)


def _window(text: str, spans: list[tuple[int, int]], width: int) -> str:
    if not spans:
        return text.lower()
    parts = [text[max(0, s - width) : e + width] for s, e in spans]
    return " ".join(parts).lower()


def outlet_of(article: Article) -> str:
    if article.outlet:
        return article.outlet.strip().lower()
    if article.url:
        host = urlparse(article.url).netloc.lower()
        for prefix in ("www.", "m.", "amp."):
            host = host.removeprefix(prefix)
        return host
    return ""


def mention_gender(person: PersonMention) -> str | None:
    """Gender told by the surname's endings in the person's written forms, None when
    unsure. Not by the normalized name: "Леман Гасымову" may be a woman's accusative or
    a man's dative, and the normalizer's guess must not count as evidence. Nor by a form
    of another surname: "супругов Юнусов" is the Yunus couple, not a man named Yunusov."""
    words = tokens(person.normalized)
    own = surname_key(words[-1]) if words else ""
    for text in [person.name, *person.forms]:
        printed = tokens(text)
        if not printed or surname_key(printed[-1]) != own:
            continue
        told = gender(text)
        if told is not None:
            return told
    return None


def reports_custody(extraction: Extraction) -> bool:
    """Does the article report any development, charge or place of detention at all?"""
    return bool(
        extraction.charges or extraction.facilities or any(not e.negated for e in extraction.events)
    )


def person_context(article: Article, extraction: Extraction, index: int) -> PersonContext:
    person = extraction.people[index]
    width = int(context_rules()["window"])
    text = article.text
    spans = person.spans
    charges = frozenset(
        c.code
        for c in extraction.charges
        if c.person == index or (c.person is None and _near(c.start, c.end, spans, width))
    )
    facilities = tuple(
        sorted({f.canonical for f in extraction.facilities if _near(f.start, f.end, spans, width)})
    )
    dates = frozenset(
        (e.type, e.date)
        for e in extraction.events
        if e.person == index and e.date is not None and not e.negated
    )
    key = context_key(article, extraction, person)
    return PersonContext(
        role=person.role,
        gender=mention_gender(person),
        charges=charges,
        facilities=facilities,
        event_dates=dates,
        window=_window(text, spans, width),
        key=key,
        custodial=reports_custody(extraction),
    )


def context_key(article: Article, extraction: Extraction, person: PersonMention) -> str:
    """The situation a judgement on ``person`` applies to (see the module docstring)."""
    index = next((i for i, p in enumerate(extraction.people) if p is person), None)
    width = int(context_rules()["window"])
    charges = sorted(
        {
            c.code
            for c in extraction.charges
            if (index is not None and c.person == index)
            or (c.person is None and _near(c.start, c.end, person.spans, width))
        }
    )
    facilities = sorted(
        {f.canonical for f in extraction.facilities if _near(f.start, f.end, person.spans, width)}
    )
    return f"{outlet_of(article)}|{','.join(charges)}|{','.join(facilities)}"


_LIST_GAP = re.compile(r"\s*(?:[,;&]|[,;]?\s*(?:and|и))\s*", re.IGNORECASE)


def listed_together(article: Article, extraction: Extraction) -> list[set[int]]:
    """The people named one after another in a list ("A, B and C", "А, Б и В"): groups
    of person indexes whose mentions stand next to each other with only a comma, a
    semicolon or "and" between them."""
    text = article.text
    spans = sorted(
        (start, end, index)
        for index, person in enumerate(extraction.people)
        for start, end in person.spans
    )
    parent = list(range(len(extraction.people)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (_, end, one), (start, _, other) in itertools.pairwise(spans):
        if one != other and start >= end and _LIST_GAP.fullmatch(text[end:start]):
            parent[root(one)] = root(other)
    groups: dict[int, set[int]] = {}
    for index in range(len(parent)):
        groups.setdefault(root(index), set()).add(index)
    return [g for g in groups.values() if len(g) > 1]
