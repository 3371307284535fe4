"""From a processed Doc to an :class:`~monitor.model.Extraction`.

People come from :mod:`monitor.nlp.people`; each development and charge goes to the
person its sentence names (a lawyer, relative or official never carries one), or, when
the sentence names nobody, to the person the paragraph was last about.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from monitor.model import (
    Article,
    ChargeMention,
    EventMention,
    Extraction,
    FacilityMention,
    PersonMention,
    Role,
)
from monitor.nlp.charges import OTHER
from monitor.nlp.charges import SPAN_KEY as CHARGE_KEY
from monitor.nlp.dates import find_dates, nearest_date
from monitor.nlp.events import BACKGROUND_KEY, NEGATED
from monitor.nlp.events import SPAN_KEY as EVENT_KEY
from monitor.nlp.facilities import SPAN_KEY as FACILITY_KEY
from monitor.nlp.people import PersonGroup, group_people, to_person_mention
from monitor.nlp.relevance import is_relevant
from monitor.nlp.roles import CUE_ROLES, mention_role

_CARRY_SENTENCES = 3


class _Context:
    """Sentences, paragraphs and who is mentioned where, for one document."""

    def __init__(self, doc: Doc, article: Article, groups: list[PersonGroup]) -> None:
        self.doc = doc
        self.sents = list(doc.sents)
        self.sent_of = {}
        for index, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        text = doc.text
        self.paragraph_of = [text.count("\n", 0, s.start_char) for s in self.sents]
        taken = {i for g in groups for s in g.spans for i in range(s.start, s.end)}
        roles: list[Role | None] = []
        for group in groups:
            found = [
                mention_role(doc, s, taken, self.sents[self.sent_of[s.start]]) for s in group.spans
            ]
            full = [r for s, r in zip(group.spans, found, strict=True) if len(s) > 1 and r]
            cue = next((r for r in [*full, *found] if r in CUE_ROLES), None)
            roles.append(cue or ("detainee" if "detainee" in found else None))
        self.roles = roles
        self.mentions: list[list[tuple[int, int]]] = [[] for _ in self.sents]  # (person, token)
        for person, group in enumerate(groups):
            for span in group.spans:
                self.mentions[self.sent_of[span.start]].append((person, span.start))
        self.background = self._background(article)
        self.anchor = article.published.date() if article.published else None

    def _background(self, article: Article) -> list[bool]:
        ranges = article.background_ranges()
        flags = [
            any(s.start_char < end and start < s.end_char for start, end in ranges)
            for s in self.sents
        ]
        cue_sents = {self.sent_of[s.start] for s in self.doc.spans.get(BACKGROUND_KEY, [])}
        for index in sorted(cue_sents):
            # a cue marks its sentence and the rest of its paragraph
            j = index
            while j < len(self.sents) and self.paragraph_of[j] == self.paragraph_of[index]:
                flags[j] = True
                j += 1
        return flags

    def eligible(self, sent: int) -> list[tuple[int, int]]:
        return [(p, t) for p, t in self.mentions[sent] if self.roles[p] not in CUE_ROLES]

    def persons_for(self, sent: int) -> list[int]:
        """People a sentence's development is about: named in it, else carried over."""
        named = list(dict.fromkeys(p for p, _ in self.eligible(sent)))
        if named:
            return named
        for back in range(sent - 1, max(-1, sent - 1 - _CARRY_SENTENCES), -1):
            if self.paragraph_of[back] != self.paragraph_of[sent]:
                break
            earlier = self.eligible(back)
            if earlier:
                return [earlier[-1][0]]
        return []

    def nearest_person(self, sent: int, token: int) -> int | None:
        named = self.eligible(sent)
        if named:
            before = [(p, t) for p, t in named if t <= token]
            return (before[-1] if before else named[0])[0]
        carried = self.persons_for(sent)
        return carried[0] if carried else None


def _events(ctx: _Context, groups: list[PersonGroup]) -> list[EventMention]:
    events: list[EventMention] = []
    seen: set[tuple[int | None, str, int]] = set()
    for span in ctx.doc.spans.get(EVENT_KEY, []):
        if span.id_ == NEGATED:
            continue
        index = ctx.sent_of[span.start]
        sent = ctx.sents[index]
        dates = find_dates(sent.text, ctx.anchor, sent.start_char)
        date: dt.date | None = nearest_date(dates, span.start_char)
        persons: list[int | None] = list(ctx.persons_for(index)) or [None]
        for person in persons:
            key = (person, span.label_, index)
            if key in seen:
                continue
            seen.add(key)
            events.append(
                EventMention(
                    type=span.label_,
                    sentence=sent.text.strip(),
                    start=sent.start_char,
                    end=sent.end_char,
                    person=person,
                    date=date,
                    background=ctx.background[index],
                )
            )
    return events


def _charges(ctx: _Context) -> list[ChargeMention]:
    spans: list[Span] = list(ctx.doc.spans.get(CHARGE_KEY, []))
    coded = any(s.label_ != OTHER for s in spans)
    charges: list[ChargeMention] = []
    seen: set[tuple[str, int | None, str]] = set()
    for span in spans:
        if span.label_ == OTHER and coded:
            continue
        person = ctx.nearest_person(ctx.sent_of[span.start], span.start)
        key = (span.label_, person, span.id_)
        if key in seen:
            continue
        seen.add(key)
        charges.append(
            ChargeMention(
                text=span.text,
                code=span.label_,
                start=span.start_char,
                end=span.end_char,
                person=person,
                article_ref=span.id_ or None,
            )
        )
    return charges


def _facilities(doc: Doc) -> list[FacilityMention]:
    found: dict[str, FacilityMention] = {}
    for span in doc.spans.get(FACILITY_KEY, []):
        found.setdefault(
            span.label_, FacilityMention(span.text, span.label_, span.start_char, span.end_char)
        )
    return list(found.values())


def build_extraction(doc: Doc, article: Article, language: str) -> Extraction:
    groups = group_people(doc)
    ctx = _Context(doc, article, groups)
    text = doc.text
    people: list[PersonMention] = [to_person_mention(g, text) for g in groups]
    events = _events(ctx, groups)
    charges = _charges(ctx)
    for index, person in enumerate(people):
        role = ctx.roles[index]
        if role is None:
            involved = any(e.person == index for e in events) or any(
                c.person == index for c in charges
            )
            role = "detainee" if involved else "other"
        person.role = role
    extraction = Extraction(
        language=language,
        relevant=False,
        people=people,
        facilities=_facilities(doc),
        charges=charges,
        events=events,
    )
    extraction.relevant = is_relevant(extraction, text)
    return extraction
