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
from dataclasses import dataclass
from urllib.parse import urlparse

from monitor.matching.data import context_rules
from monitor.model import Article, Extraction, PersonMention, Role
from monitor.names import gender


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
    a man's dative, and the normalizer's guess must not count as evidence."""
    for text in [person.name, *person.forms]:
        told = gender(text)
        if told is not None:
            return told
    return None


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
    custodial = bool(
        extraction.charges or extraction.facilities or any(not e.negated for e in extraction.events)
    )
    return PersonContext(
        role=person.role,
        gender=mention_gender(person),
        charges=charges,
        facilities=facilities,
        event_dates=dates,
        window=_window(text, spans, width),
        key=key,
        custodial=custodial,
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
