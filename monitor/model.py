"""The plain records the stages hand to each other.

Spiders and article files produce an :class:`Article`; extraction turns it into an
:class:`Extraction`; matching adds a :class:`Match` per person; the analysis contract
(`monitor analyze`) and the database are both filled from these. None of them knows
about the database or about spaCy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["detainee", "lawyer", "relative", "official", "other"]
ROLES: tuple[Role, ...] = ("detainee", "lawyer", "relative", "official", "other")

EVENT_TYPES: tuple[str, ...] = (
    "arrest",
    "charge",
    "pretrial_detention",
    "house_arrest",
    "trial",
    "sentence",
    "appeal",
    "transfer",
    "release",
    "hunger_strike",
    "health",
    "ill_treatment",
    "death",
)

CHARGE_CODES: tuple[str, ...] = (
    "drug_trafficking",
    "smuggling",
    "hooliganism",
    "petty_hooliganism",
    "disobeying_police",
    "illegal_entrepreneurship",
    "money_laundering",
    "tax_evasion",
    "fraud",
    "forgery",
    "abuse_of_office",
    "bribery",
    "violence_against_officials",
    "weapons",
    "mass_disorder",
    "treason",
    "calls_against_state",
    "terrorism",
    "incitement",
    "illegal_border_crossing",
    "defamation",
    "other",
)

CASE_STATUSES: tuple[str, ...] = (
    "detained",
    "imprisoned",
    "house_arrest",
    "released",
    "deceased",
    "unknown",
)


# --- articles -------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article body.

    ``background`` marks text that repeats earlier reporting ("As the Caucasian Knot
    reported, ..."): later stages keep it for context but never treat it as news.
    """

    text: str
    background: bool = False


HEADLINE_MAX_CHARS = 250


def title_is_lead_paragraph(title: str) -> bool:
    """Whether a page's first line is its lead paragraph rather than a headline: a page
    saved from below its headline starts with the body (headlines are short)."""
    return len(title) > HEADLINE_MAX_CHARS


@dataclass
class Article:
    """An article as a spider or an article file delivers it, before any analysis."""

    title: str
    paragraphs: list[Paragraph]
    url: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    outlet: str | None = None
    author: str | None = None
    edition: str | None = None
    number: str | None = None
    alternate_url: str | None = None

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def text(self) -> str:
        """Title and body, one paragraph a line: the text all character offsets refer to."""
        return "\n".join([self.title, *(p.text for p in self.paragraphs)])

    def background_ranges(self) -> list[tuple[int, int]]:
        """Character ranges of :attr:`text` that are background paragraphs."""
        ranges: list[tuple[int, int]] = []
        offset = len(self.title) + 1
        for paragraph in self.paragraphs:
            end = offset + len(paragraph.text)
            if paragraph.background:
                ranges.append((offset, end))
            offset = end + 1
        return ranges


# --- extraction -----------------------------------------------------------------------


@dataclass
class PersonMention:
    """A person named in an article, all mentions of one name merged.

    ``name`` is the first full surface form ("Мохйаддина Оруджева"), ``normalized`` its
    nominative, Latin or Cyrillic as written ("Мохйаддин Оруджев"); ``forms`` holds every
    surface form met, ``spans`` their character ranges in :attr:`Article.text`.
    ``case_hint`` is set when a known-case name pattern found the mention.
    """

    name: str
    normalized: str
    role: Role = "other"
    forms: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    case_hint: str | None = None
    patronymic: str | None = None


@dataclass
class FacilityMention:
    text: str
    canonical: str
    start: int
    end: int


@dataclass
class ChargeMention:
    text: str
    code: str
    start: int
    end: int
    person: int | None = None  # index into Extraction.people
    article_ref: str | None = None  # "234.4.3" when the text cites the code


@dataclass
class EventMention:
    type: str
    sentence: str
    start: int
    end: int
    person: int | None = None  # index into Extraction.people
    date: dt.date | None = None
    date_precision: str = "day"  # "month" or "year": ``date`` is that period's first day
    background: bool = False
    negated: bool = False

    @property
    def date_text(self) -> str | None:
        """ISO 8601 at the precision the text gave: 2025-02-25, 2023-10 or 2016."""
        return iso_date(self.date, self.date_precision)


@dataclass
class Extraction:
    language: str
    relevant: bool
    people: list[PersonMention] = field(default_factory=list)
    facilities: list[FacilityMention] = field(default_factory=list)
    charges: list[ChargeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


def iso_date(date: dt.date | None, precision: str = "day") -> str | None:
    if date is None:
        return None
    return {"year": f"{date:%Y}", "month": f"{date:%Y-%m}"}.get(precision, date.isoformat())


def last_day(date: dt.date, precision: str) -> dt.date:
    """The last day a date of this precision may stand for ("in May": May 31)."""
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        following = date.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return date


def long_before(date: dt.date | None, precision: str, reference: dt.date | None, days: int) -> bool:
    """Whether a date of this precision ends more than ``days`` before ``reference``
    (an article's date): a fact restated, not news. False when either is unknown."""
    if date is None or reference is None:
        return False
    return last_day(date, precision) < reference - dt.timedelta(days=days)


# --- cases and matching ----------------------------------------------------------------


@dataclass(frozen=True)
class KnownEvent:
    type: str
    date: dt.date | None = None
    source: str | None = None


@dataclass
class Case:
    """A known case, as a monitors' list describes it (see the analysis contract)."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    born: int | None = None
    gender: str | None = None
    occupation: str | None = None
    charges: list[str] = field(default_factory=list)
    facility: str | None = None
    status: str | None = None
    events: list[KnownEvent] = field(default_factory=list)


Decision = Literal["match", "review", "none"]


@dataclass
class Match:
    """The matcher's verdict on one person of an article."""

    case_id: str | None
    confidence: float
    decision: Decision
    explanation: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NamePattern:
    """One spelling of a known case's name, for the extraction stage's name ruler.

    Matching generates these (every transliteration and Russian case form); extraction
    turns them into spaCy ruler patterns whose ``id`` is the case id, so a name the
    statistical NER misses is still found and already says which case it may be.
    """

    case_id: str
    text: str


Verdict = Literal["positive", "negative", "unsure"]


@dataclass(frozen=True)
class Judgement:
    """An analyst's verdict on one person-to-case match, fed back into matching.

    ``name`` is the person's normalized name as the article gave it; ``context`` says
    where the judgement applies (for a rejection: the outlet and the other names or
    facts the matcher saw), so a rejected pair is not matched again in that context.
    """

    case_id: str
    name: str
    verdict: Verdict
    context: str | None = None
