"""From a processed Doc to an :class:`~monitor.model.Extraction`.

People come from :mod:`monitor.nlp.people`, their roles from :mod:`monitor.nlp.roles`;
each development and charge goes to the people its sentence names (a lawyer, relative
or official never carries one), or, when it names none of them, to the people a group
word or pronoun refers to (:mod:`monitor.nlp.reference`). A development without a date
of its own takes the date the paragraph last gave, or, in the lead (the title and the
first paragraph of the body), the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from monitor.model import (
    Article,
    ChargeMention,
    EventMention,
    Extraction,
    FacilityMention,
    PersonMention,
    Role,
    title_is_lead_paragraph,
)
from monitor.names import gender
from monitor.nlp.charges import SPAN_KEY as CHARGE_KEY
from monitor.nlp.dates import DateHit, find_dates, nearest_date
from monitor.nlp.events import BACKGROUND_KEY, NEGATED, STATUS
from monitor.nlp.events import SPAN_KEY as EVENT_KEY
from monitor.nlp.facilities import SPAN_KEY as FACILITY_KEY
from monitor.nlp.people import PersonGroup, group_people, same_surname, to_person_mention
from monitor.nlp.reference import Gender, Resolver, Sentence, reference_rules
from monitor.nlp.relevance import is_relevant
from monitor.nlp.resources import load_data
from monitor.nlp.roles import CUE_ROLES, is_punished, mention_role
from monitor.nlp.sentences import doc_text, sentences_of

# a title held before: "former minister", and a head of state by number ("the second
# president of Armenia", «второго президента»: one who served before)
_FORMER = re.compile(
    r"(?<!\w)(?:former|ex-|бывш\w+|экс-|(?:first|second|third|fourth|перв|втор|трет|четв[её]рт)"
    r"\w*\s+(?:president|президент))",
    re.IGNORECASE,
)
_LEAD_MIN_CHARS = 80  # shorter lines under a title are datelines and captions
# a shorter line under the title is a standfirst: the first paragraph follows it
_STANDFIRST_MAX_CHARS = 160
_AGENT_WORDS = 4  # "by his cellmate Elvin Aliyev": "by" this many words before the name
_DEFENDANT_WORD_REACH = 10  # "the accused, the chief editor of Sahil News, Aysel Rzayeva"
_CAPITALISED = re.compile(r"(?<!\w)(?:[A-ZА-ЯЁ][\w-]{2,})")
_DATE_CARRY_SENTENCES = 3
# capitalised words of a group cue that name no outlet ("The defendants", "All four")
_GROUP_NAME_STOPWORDS = frozenset(
    ["the", "all", "both", "each", "they", "these", "все", "всех", "всем", "оба", "обе", "эти"]
)


class _Context:
    """Sentences, paragraphs and who is mentioned where, for one document."""

    def __init__(self, doc: Doc, article: Article, groups: list[PersonGroup], lang: str) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        with_text = sentences_of(doc)
        self.sents = [s for s, _ in with_text]
        self.sent_texts = [t for _, t in with_text]
        self.sent_starts = [s.start_char for s in self.sents]
        self.sent_of: dict[int, int] = {}
        for index, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        self.paragraph_of = [self.text.count("\n", 0, s.start_char) for s in self.sents]
        self.groups = groups
        self.roles = self._roles(groups)
        _rehome_bare_surnames(doc, groups, self.roles, self._taken(groups))
        self.people: list[PersonMention] = [to_person_mention(g, self.text) for g in groups]
        self.mentions: list[list[tuple[int, int]]] = [[] for _ in self.sents]  # (person, token)
        for person, group in enumerate(groups):
            for span in group.spans:
                self.mentions[self.sent_of[span.start]].append((person, span.start))
        for mentions in self.mentions:
            mentions.sort(key=lambda m: m[1])
        self.background = self._background(article)
        self.anchor = article.published.date() if article.published else None
        self.lead = self._lead_paragraphs()
        self._date_cache: dict[int, list[DateHit]] = {}
        sentences = [
            Sentence(
                self.sent_texts[i],
                self.paragraph_of[i],
                list(dict.fromkeys(p for p, _ in self.eligible(i))),
                left_out=_left_out().search(self.sent_texts[i]) is not None,
            )
            for i, s in enumerate(self.sents)
        ]
        genders = [_gender(g, p.normalized) for g, p in zip(groups, self.people, strict=True)]
        self.resolver = Resolver(sentences, genders, lang, self._codefendants(lang))

    def _group_names(self, lang: str) -> frozenset[str]:
        """The capitalised names in the article's group cues ("the trial of Abzas Media",
        "Toplum TV journalists", "по делу «Мейдан ТВ»"): the outlet or party whose people
        are the defendants."""
        rules = reference_rules(lang)
        if rules.quantified is None:
            return frozenset()
        common = {*rules.numbers, *_GROUP_NAME_STOPWORDS}
        names: set[str] = set()
        for text in self.sent_texts:
            for cue in rules.quantified.finditer(text):
                names.update(
                    m.group()
                    for m in _CAPITALISED.finditer(cue.group())
                    if m.group().lower() not in common
                )
        return frozenset(names)

    def _codefendants(self, lang: str) -> list[int]:
        """The people a sentence names together (the defendants of a group case, the
        prisoners a pardon freed), in order of mention; not those a sentence lists as
        left out ("the decree left out A and B", "в список не попали А и Б")."""
        members: list[int] = []
        group_names = self._group_names(lang)
        for index, text in enumerate(self.sent_texts):
            named = list(dict.fromkeys(p for p, _ in self.eligible(index)))
            if _left_out().search(text):
                continue  # "the decree left out A and B"
            if len(named) > 1:
                members.extend(named)
            else:
                members.extend(
                    p
                    for p, t in self.eligible(index)
                    if self._called_defendant(t) or self._of_group(t, group_names)
                )
        return sorted(dict.fromkeys(members), key=lambda p: self.groups[p].spans[0].start)

    def _words_before(self, token: int) -> Span:
        """The few words of its sentence before a name, where what introduces it stands."""
        sentence = self.sents[self.sent_of[token]]
        return self.doc[max(sentence.start, token - _DEFENDANT_WORD_REACH) : token]

    def _called_defendant(self, token: int) -> bool:
        """Whether a defendant word stands in the few words before a name ("the accused
        Farid Mehralizade", "подсудимая ... Вагифгызы")."""
        words = _defendant_words()
        return any(t.lower_.startswith(words) for t in self._words_before(token))

    def _of_group(self, token: int, names: frozenset[str]) -> bool:
        """Whether the words just before a name tie it to the group's outlet or party
        ("the director of Abzas Media, Ulvi Hasanli")."""
        return any(t.text.strip('«»"“”') in names for t in self._words_before(token))

    @staticmethod
    def _taken(groups: list[PersonGroup]) -> set[int]:
        return {i for g in groups for s in g.spans for i in range(s.start, s.end)}

    def _roles(self, groups: list[PersonGroup]) -> list[Role | None]:
        taken = self._taken(groups)
        roles: list[Role | None] = []
        for group in groups:
            found = [
                mention_role(self.doc, s, taken, self.sents[self.sent_of[s.start]])
                for s in group.spans
            ]
            full = [r for s, r in zip(group.spans, found, strict=True) if len(s) > 1 and r]
            cue = next((r for r in [*full, *found] if r in CUE_ROLES), None)
            if cue in ("relative", "lawyer") and group.case_hint is not None:
                cue = None  # "Leyla Yunus and her husband Arif Yunus", a jailed lawyer
            titled = [s for s, r in zip(group.spans, found, strict=True) if r == "official"]
            if cue == "official" and all(self._former(s) for s in titled or group.spans):
                cue = None  # "former state minister Ruben Vardanyan": in the dock now
            if cue == "official" and any(
                is_punished(self.doc, s, self.sents[self.sent_of[s.start]]) for s in group.spans
            ):
                cue = None  # "X, the president of the Assembly ..." and "X was sentenced"
            roles.append(cue or ("detainee" if "detainee" in found else None))
        return roles

    def _former(self, span: Span) -> bool:
        """Whether the words just before a name make its title a past one ("former
        state minister X", "бывший министр X", "ex-minister X")."""
        before = self.doc[max(0, span.start - 6) : span.start].text
        return _FORMER.search(before) is not None

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

    def _lead_paragraphs(self) -> set[int]:
        """The title line and the first real paragraph of the body, with any standfirst
        before it (the title alone when it is itself the first paragraph)."""
        lines = self.text.split("\n")
        lead = {0}
        if title_is_lead_paragraph(lines[0]):
            return lead
        for number, line in enumerate(lines[1:], start=1):
            length = len(line.strip())
            if length >= _LEAD_MIN_CHARS:
                lead.add(number)
                if length >= _STANDFIRST_MAX_CHARS:
                    break
        return lead

    def sent_of_char(self, char: int) -> int:
        """The sentence a character offset falls in."""
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def eligible(self, sent: int) -> list[tuple[int, int]]:
        return [(p, t) for p, t in self.mentions[sent] if self.roles[p] not in CUE_ROLES]

    def persons_for(self, sent: int, span: Span | None = None) -> list[int]:
        """People a sentence's development is about: named in it, else referred to."""
        trigger = None
        if span is not None:
            start = self.sents[sent].start_char
            trigger = (span.start_char - start, span.end_char - start)
            owner = self._relative_clause_owner(sent, span)
            if owner is None:
                owner = self._contrasted(sent, span)
            if owner is not None:
                return owner
            if self._unnamed_item(sent, span):
                return []
        found = self.resolver.persons_for(sent, trigger)
        left_out = self._commentators(sent) | self._agents(sent, span)
        return [p for p in found if p not in left_out] if left_out else found

    def _agents(self, sent: int, span: Span | None) -> set[int]:
        """People named as the doer of a passive development after it ("tortures by
        Ludwig Mkrtchyan", "was beaten by his cellmate Elvin Aliyev"): not its subject."""
        if span is None:
            return set()
        return {
            person
            for person, token in self.eligible(sent)
            if token > span.start
            and any(
                self.doc[i].lower_ == "by"
                for i in range(max(span.end, token - _AGENT_WORDS), token)
            )
            and not any(self.doc[i].text in ",;" for i in range(span.end, token))
        }

    def _commentators(self, sent: int) -> set[int]:
        """People of a sentence who only comment on what it reports: the subject of a
        speech or opinion verb, or the source after "according to", in a sentence with no
        pronoun or first-person word that could make the development theirs."""
        rules = _commentary()
        sentence = self.sents[sent]
        words = {t.lower_ for t in sentence}
        if words & rules.self_words:
            return set()
        found: set[int] = set()
        for person, token in self.eligible(sent):
            span = next(s for s in self.groups[person].spans if s.start == token)
            if _commentates(span, sentence, rules):
                found.add(person)
        return found

    def _contrasted(self, sent: int, span: Span) -> list[int] | None:
        """The people of the trigger's part of a sentence that sets two parts against
        each other ("Тахира отпустили, а Агшина отправили в колонию", "X was freed,
        while Y got nine years"), when that part names any."""
        named = self.eligible(sent)
        if len({p for p, _ in named}) < 2:
            return None
        start = self.sents[sent].start_char
        text = self.sent_texts[sent]
        cuts = [0, *(m.start() for m in _contrast().finditer(text)), len(text)]
        if len(cuts) == 2:
            return None
        part = min(bisect_right(cuts, span.start_char - start), len(cuts) - 1)
        low, high = cuts[part - 1], cuts[part]
        inside = [p for p, t in named if low <= self.doc[t].idx - start < high]
        return list(dict.fromkeys(inside)) or None

    def _unnamed_item(self, sent: int, span: Span) -> bool:
        """Whether the trigger stands in an item of a list joined by semicolons (a
        digest: "verdict in the Kasumov case; award to X; end of the trial of Y") that
        names nobody and refers to nobody, while another item names someone: the
        development is of the item's own, unnamed subject."""
        text = self.sent_texts[sent]
        if ";" not in text or not self.eligible(sent):
            return False
        start = self.sents[sent].start_char
        position = span.start_char - start
        low = text.rfind(";", 0, position) + 1
        high = text.find(";", position)
        high = len(text) if high < 0 else high
        if any(low <= self.doc[t].idx - start < high for _, t in self.mentions[sent]):
            return False
        words = {w.lower() for w in _WORDS.findall(text[low:high])}
        return not words & self.resolver.referring_words

    def _relative_clause_owner(self, sent: int, span: Span) -> list[int] | None:
        """The named person a relative clause holding the trigger follows, when the
        sentence names several ("A and B, who is under house arrest"); nobody when that
        is a lawyer, relative or official; None when no such clause holds the trigger."""
        named = self.mentions[sent]
        if len({p for p, _ in named}) < 2:
            return None
        start = self.sents[sent].start_char
        text = self.text[start : span.start_char]
        clause = None
        for found in _relative_pronoun().finditer(text):
            clause = found
        if clause is None or _CLAUSE_END.search(text, clause.end()):
            return None
        before = [p for p, t in named if self.doc[t].idx < start + clause.start()]
        if not before:
            return None
        return [before[-1]] if self.roles[before[-1]] not in CUE_ROLES else []

    def nearest_person(self, sent: int, token: int) -> int | None:
        named = self.eligible(sent)
        if named:
            before = [(p, t) for p, t in named if t <= token]
            return (before[-1] if before else named[0])[0]
        carried = self.persons_for(sent)
        return carried[0] if carried else None

    def _dates(self, sent: int) -> list[DateHit]:
        if sent not in self._date_cache:
            start = self.sents[sent].start_char
            self._date_cache[sent] = find_dates(self.sent_texts[sent], self.anchor, start)
        return self._date_cache[sent]

    def date_of(self, sent: int, position: int) -> tuple[dt.date | None, str]:
        """The sentence's date nearest the trigger; else the last date an earlier
        sentence of the paragraph gave (the story's time); else, in the lead, the
        article's date. With its precision: day, month or year."""
        hit = nearest_date(self._dates(sent), position)
        if hit is not None:
            return hit.date, hit.precision
        later = _days_later(self.sent_texts[sent])
        if later is not None:
            # "The next day they were arrested": a day after the story's last date
            for back in range(sent - 1, max(-1, sent - 1 - _DATE_CARRY_SENTENCES), -1):
                earlier = self._dates(back)
                if earlier:
                    last = earlier[-1]
                    return last.date + dt.timedelta(days=later), last.precision
            return None, "day"
        paragraph = self.paragraph_of[sent]
        for back in range(sent - 1, max(-1, sent - 1 - _DATE_CARRY_SENTENCES), -1):
            if self.paragraph_of[back] != paragraph or paragraph == 0:
                break
            earlier = self._dates(back)
            if earlier and earlier[-1].precision == "day":
                return earlier[-1].date, earlier[-1].precision
            if earlier:
                break  # "given three years last year. She was freed ...": not then
        if not self.background[sent] and paragraph in self.lead:
            return self.anchor, "day"
        return None, "day"


@dataclass(frozen=True)
class _CommentaryRules:
    verbs: frozenset[str]
    according_to: re.Pattern[str]
    self_words: frozenset[str]


@lru_cache(maxsize=1)
def _commentary() -> _CommentaryRules:
    data = load_data("nlp_reference.yaml")
    entry = data["commentary"]
    verbs = {w for lang in (*entry["verbs"].values(), *data["speech_verbs"].values()) for w in lang}
    patterns = [p for lang in entry["according_to"].values() for p in lang]
    return _CommentaryRules(
        verbs=frozenset(verbs),
        according_to=re.compile(rf"(?:{'|'.join(patterns)})(?:\s+[\w-]+){{0,3}}\s*$", re.I),
        self_words=frozenset(w for lang in entry["self_words"].values() for w in lang),
    )


_APPOSITION_TOKENS = 20


def _commentates(span: Span, sentence: Span, rules: _CommentaryRules) -> bool:
    """ "X said", "X, head of a rights group, said", "said X", "according to X"."""
    doc = span.doc
    before = doc[sentence.start : span.start]
    if rules.according_to.search(before.text):
        return True
    previous = [t for t in before if not (t.is_punct or t.is_quote or t.is_space)]
    if previous and previous[-1].lower_ in rules.verbs and not previous[-1].is_sent_start:
        return True  # "..., said X" (a sentence-initial verb is no attribution)
    i = span.end
    if (
        span.start > sentence.start
        and doc[span.start - 1].text == ","
        and i + 1 < sentence.end
        and doc[i].text == ","
        and doc[i + 1].lower_ in rules.verbs
    ):
        # "..., the party's deputy, Seymour Hazi, told Reuters"; not "the appeal of
        # Yagublu, said his lawyer", where the speaker follows the verb
        return True
    if i < sentence.end and doc[i].text == ",":
        close = next(
            (
                j
                for j in range(i + 1, min(sentence.end, i + _APPOSITION_TOKENS))
                if doc[j].text == ","
            ),
            None,
        )
        if close is None:
            return False
        i = close + 1
    return i < sentence.end and doc[i].lower_ in rules.verbs


def _gender(group: PersonGroup, normalized: str) -> Gender | None:
    """From the surname's ending, else from the morphology tagger's reading (Russian)."""
    found = gender(normalized, nominative=True)
    if found is not None:
        return found
    votes = [getattr(t._, "natasha_gender", None) for s in group.spans for t in s]
    fem, masc = votes.count("Fem"), votes.count("Masc")
    if fem == masc:
        return None
    return "f" if fem > masc else "m"


def _rehome_bare_surnames(
    doc: Doc, groups: list[PersonGroup], roles: list[Role | None], taken: set[int]
) -> None:
    """A bare surname that a relative shares goes to the prosecuted person; one that
    only a judge, official or lawyer bears stays theirs.

    "Murad Adilov ... his brother Natig Adilov ... Adilov was found guilty": the bare
    "Adilov" has no cue of its own, so it means the person the story is about.
    """
    for index, group in enumerate(list(groups)):
        if roles[index] not in CUE_ROLES:
            continue
        orphans: list[Span] = []
        for span in list(group.spans):
            if len(span) != 1 or len(group.spans) == 1:
                continue
            if mention_role(doc, span, taken, None) in CUE_ROLES:
                continue  # "Adilov, his brother, said": the relative after all
            others = [
                g
                for j, g in enumerate(groups)
                if roles[j] not in CUE_ROLES and same_surname(span.text, g.surname)
            ]
            if not others and roles[index] != "relative":
                # a judge's or lawyer's bare surname ("before Galustashvili announced
                # the verdict") is the judge or lawyer: no relative of a defendant
                continue
            group.spans.remove(span)
            if others:
                others[0].spans.append(span)
                others[0].spans.sort(key=lambda s: s.start)
            else:
                orphans.append(span)
        if orphans:
            # "активиста Оруджева ..., сообщил его брат Низами Оруджев": the bare surname
            # is someone the story names by surname only, not the relative
            groups.append(PersonGroup(words=(group.surname,), patronymic=None, spans=orphans))
            roles.append(None)


@lru_cache(maxsize=1)
def _following_days() -> tuple[tuple[re.Pattern[str], int], ...]:
    data = load_data("nlp_dates.yaml")["following"]
    return tuple(
        (re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE), int(days))
        for days, words in data.items()
    )


def _days_later(text: str) -> int | None:
    """How many days after the story's last date a sentence says it is ("the next day",
    "на следующий день": 1), or None."""
    return next((days for pattern, days in _following_days() if pattern.search(text)), None)


@lru_cache(maxsize=1)
def _defendant_words() -> tuple[str, ...]:
    data = load_data("nlp_reference.yaml")["defendant_words"]
    return tuple(w for lang in data.values() for w in lang)


@lru_cache(maxsize=1)
def _left_out() -> re.Pattern[str]:
    words = [w for lang in load_data("nlp_reference.yaml")["left_out"].values() for w in lang]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _court_arrest() -> re.Pattern[str]:
    words = [w for lang in load_data("events.yaml")["court_arrest"].values() for w in lang]
    return re.compile(rf"^(?:{'|'.join(words)})", re.IGNORECASE)


def _remands_only(events: list[EventMention], court_arrests: set[int]) -> list[EventMention]:
    """Drop the headline's "arrests" that name the court's custody order of a person
    whose remand the article reports for the same day ("Five defendants arrested" over
    "four months of arrest as a preventive measure")."""
    remanded = {
        (e.person, e.date) for e in events if e.type == "pretrial_detention" and not e.background
    }
    return [
        e
        for i, e in enumerate(events)
        if not (i in court_arrests and not e.background and (e.person, e.date) in remanded)
    ]


def _appeal_hearings(events: list[EventMention]) -> list[EventMention]:
    """A hearing of a person whose appeal or complaint the article reports as news is
    that appeal's hearing, not a trial of its own ("the appeal court dismissed her
    complaint ... she was not present at today's hearing")."""
    appealing = {e.person for e in events if e.type == "appeal" and not e.background}
    return [
        e
        for e in events
        if not (e.type == "trial" and not e.background and e.person in appealing)
        or e.person is None
    ]


def _events(ctx: _Context) -> list[EventMention]:
    events: list[EventMention] = []
    court_arrests: set[int] = set()
    seen: set[tuple[int | None, str, int]] = set()
    unowned: set[tuple[int, str]] = set()  # (sentence, type) the lead tells of nobody
    for span in ctx.doc.spans.get(EVENT_KEY, []):
        if span.id_ == NEGATED:
            continue
        index = ctx.sent_of[span.start]
        sent = ctx.sents[index]
        date, precision = ctx.date_of(index, span.start_char)
        persons: list[int | None] = list(ctx.persons_for(index, span)) or [None]
        if persons == [None] and ctx.paragraph_of[index] in ctx.lead:
            trigger = (span.start_char - sent.start_char, span.end_char - sent.start_char)
            if not ctx.mentions[index] and not ctx.resolver.leaves_unnamed(index, trigger):
                unowned.add((index, span.label_))
        for person in persons:
            key = (person, span.label_, index)
            if key in seen:
                continue
            seen.add(key)
            if (
                span.label_ == "arrest"
                and ctx.paragraph_of[index] == 0
                and _court_arrest().match(span.text)
            ):
                court_arrests.add(len(events))
            events.append(
                EventMention(
                    type=span.label_,
                    sentence=ctx.sent_texts[index].strip(),
                    start=sent.start_char,
                    end=sent.end_char,
                    person=person,
                    date=date,
                    date_precision=precision,
                    background=ctx.background[index] or span.id_ == STATUS,
                )
            )
    events = _remands_only(events, court_arrests)
    events = _appeal_hearings(events)
    events += _list_continuations(ctx, events)
    events += _colon_lists(ctx, events)
    events += _codefendant_events(ctx, events)
    events += _lead_unowned(ctx, events, unowned)
    return _outside_the_news(ctx, _acquitted_spared(ctx, events))


@lru_cache(maxsize=1)
def _acquittal() -> re.Pattern[str]:
    words = [w for lang in load_data("events.yaml")["acquittal"].values() for w in lang]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})", re.IGNORECASE)


def _acquitted_spared(ctx: _Context, events: list[EventMention]) -> list[EventMention]:
    """A person whose own sentence tells of their acquittal takes no sentence from a
    verdict told of their group ("four believers were sentenced ... Tahir Guliyev was
    acquitted")."""

    def named_in_its_sentence(event: EventMention) -> bool:
        return any(p == event.person for p, _ in ctx.mentions[ctx.sent_of_char(event.start)])

    acquitted = {
        e.person
        for e in events
        if e.type == "release"
        and named_in_its_sentence(e)
        and _acquittal().search(e.sentence) is not None
    }
    if not acquitted:
        return events
    return [
        e
        for e in events
        if not (e.type == "sentence" and e.person in acquitted and not named_in_its_sentence(e))
    ]


@lru_cache(maxsize=1)
def _plural_people() -> re.Pattern[str]:
    words = [w for lang in load_data("nlp_reference.yaml")["plural_people"].values() for w in lang]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


def _lead_unowned(
    ctx: _Context, events: list[EventMention], unowned: set[tuple[int, str]]
) -> list[EventMention]:
    """A development the lead tells of nobody by name ("Prosecution witnesses testify in
    the believers' case", "Journalists remanded") is the lead's detainees': the people
    the title and first paragraph name as held or prosecuted (or with a development of
    their own) take it; where there are several, only a development told of several
    people ("journalists", "they"; not "objector's appeal fails"). Officials, lawyers
    and relatives named there do not; nor does anyone take a development of a sentence
    that names someone (a lawyer "present at the hearing"), that leaves its people
    unnamed on purpose ("pardoned 400 people", "two released", "one of the four"), or
    of an item of a semicolon digest (a weekly review's headline tells of many stories).
    ``unowned``: the (sentence, type) pairs of the lead that :func:`_events` found told
    of nobody by name and not left unnamed on purpose.
    """
    involved = {e.person for e in events}
    lead_sents = [i for i in range(len(ctx.sents)) if ctx.paragraph_of[i] in ctx.lead]
    detainees = list(
        dict.fromkeys(
            p
            for i in lead_sents
            for p, _ in ctx.eligible(i)
            if ctx.roles[p] == "detainee" or (ctx.roles[p] is None and p in involved)
        )
    )
    if not detainees:
        return []
    told = {(e.person, e.type) for e in events}
    added = []
    for event in events:
        if event.person is not None or event.background or ";" in event.sentence:
            continue
        if (ctx.sent_of_char(event.start), event.type) not in unowned:
            continue
        if len(detainees) > 1 and _plural_people().search(event.sentence) is None:
            continue
        for person in detainees:
            if (person, event.type) not in told:
                told.add((person, event.type))
                added.append(replace(event, person=person))
    return added


def _outside_the_news(ctx: _Context, events: list[EventMention]) -> list[EventMention]:
    """What the lead (the title and first paragraph) does not tell is no news: a body
    development of a type the lead reports of nobody is the story's recap ("The blogger was
    arrested in May" under a headline of his sentence)."""
    in_lead = [ctx.paragraph_of[ctx.sent_of_char(e.start)] in ctx.lead for e in events]
    told = {e.type for e, lead in zip(events, in_lead, strict=True) if lead and not e.background}
    if not told:
        return events
    return [
        e if lead or e.background or e.type in told else replace(e, background=True)
        for e, lead in zip(events, in_lead, strict=True)
    ]


def _by_sentence(ctx: _Context, events: list[EventMention]) -> dict[int, list[EventMention]]:
    """The events grouped by the index of the sentence they start in."""
    grouped: dict[int, list[EventMention]] = {}
    for event in events:
        grouped.setdefault(ctx.sent_of_char(event.start), []).append(event)
    return grouped


_LIST_ITEM_WORDS = 8  # a line of a list under a colon: a name, or a short sub-heading


def _colon_lists(ctx: _Context, events: list[EventMention]) -> list[EventMention]:
    """The people listed line by line under a sentence that ends with a colon take its
    development ("Sentenced to 2 years:" / "Zviad Tsetskhladze" / "Vasil Kadzelashvili");
    short sub-headings ending with a colon ("To 2 years:") continue the same list."""
    added: list[EventMention] = []
    have = {(e.person, e.type) for e in events}
    by_sentence = _by_sentence(ctx, events)
    for index, found in by_sentence.items():
        if not ctx.sent_texts[index].rstrip().endswith(":"):
            continue
        kinds = {e.type: e for e in found}
        item = index + 1
        while item < len(ctx.sents):
            line = ctx.sent_texts[item].strip()
            people = list(dict.fromkeys(p for p, _ in ctx.eligible(item)))
            if len(line.split()) > _LIST_ITEM_WORDS or not (people or line.endswith(":")):
                break
            for person in people:
                for kind, event in kinds.items():
                    if (person, kind) not in have:
                        have.add((person, kind))
                        added.append(replace(event, person=person))
            item += 1
    return added


@lru_cache(maxsize=1)
def _contrast() -> re.Pattern[str]:
    words = [w for lang in load_data("nlp_reference.yaml")["contrast"].values() for w in lang]
    return re.compile(rf";|,?\s+(?:{'|'.join(words)})\s", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[,;:]|\s[-–—]\s")
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _relative_pronoun() -> re.Pattern[str]:
    words = [
        w for lang in load_data("nlp_reference.yaml")["relative_pronouns"].values() for w in lang
    ]
    return re.compile(rf",\s*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _codefendant_rules() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The cue right before a name, the cue that opens a list after a colon ("Other
    indicted officials are: ex-Defense Minister A, ... B"), and the shared step types."""
    data = load_data("nlp_reference.yaml")["codefendant"]
    cues = "|".join(p for lang in data["cues"].values() for p in lang)
    return (
        re.compile(rf"(?:{cues})\W+(?:\w+\W+){{0,2}}$", re.IGNORECASE),
        re.compile(rf"(?:{cues})(?:\W+\w+){{0,3}}\s*:", re.IGNORECASE),
        frozenset(data["shared_types"]),
    )


def _codefendant_events(ctx: _Context, events: list[EventMention]) -> list[EventMention]:
    """Co-defendants named after a cue take the lead's court steps of the main defendant."""
    cue, listed, shared = _codefendant_rules()
    lead = [
        e
        for e in events
        if e.type in shared
        and e.person is not None
        and not e.background
        and ctx.paragraph_of[ctx.sent_of_char(e.start)] in ctx.lead
    ]
    if not lead:
        return []
    main = lead[0].person
    added: list[EventMention] = []
    for person, group in enumerate(ctx.groups):
        if person == main or any(e.person == person and e.type in shared for e in events):
            continue
        for span in group.spans:
            sent = ctx.sents[ctx.sent_of[span.start]]
            before = ctx.text[max(sent.start_char, span.start_char - 60) : span.start_char]
            # a list after a colon runs to the end of its paragraph ("...: A (...). In
            # 2008 A served as ...; B (...)")
            paragraph = ctx.text.rfind("\n", 0, span.start_char) + 1
            if cue.search(before) or listed.search(ctx.text, paragraph, span.start_char):
                for event in lead:
                    if event.person == main:
                        added.append(replace(event, person=person))
                break
    return added


@lru_cache(maxsize=1)
def _list_cues() -> re.Pattern[str]:
    cues = load_data("nlp_reference.yaml")["list_continuation"]
    return re.compile(
        "|".join(rf"^\W*(?:{p})" for lang in cues.values() for p in lang), re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _same_way_cues() -> re.Pattern[str]:
    cues = load_data("nlp_reference.yaml")["same_as_before"]
    return re.compile(
        "|".join(rf"(?<!\w)(?:{p})(?!\w)" for lang in cues.values() for p in lang), re.I
    )


def _list_continuations(ctx: _Context, events: list[EventMention]) -> list[EventMention]:
    """People listed in the sentence after a development ("Among them are ...") take it,
    dated as before; people said to have done the same ("protested in the same way") take
    it too, dated by their own sentence."""
    added: list[EventMention] = []
    by_sentence = _by_sentence(ctx, events)
    for index in range(1, len(ctx.sents)):
        text = ctx.sent_texts[index]
        listed = bool(_list_cues().search(text))
        # a list may tell its people's own past too ("They are A and B, sentenced in 2022")
        if (index in by_sentence and not listed) or not (listed or _same_way_cues().search(text)):
            continue
        own = {(e.person, e.type) for e in by_sentence.get(index, [])}
        if ctx.paragraph_of[index] != ctx.paragraph_of[index - 1] and not listed:
            continue
        people = list(dict.fromkeys(p for p, _ in ctx.eligible(index)))
        for event in by_sentence.get(index - 1, []):
            for person in people:
                if (person, event.type) in own:
                    continue
                if listed:
                    added.append(
                        replace(
                            event,
                            person=person,
                            sentence=f"{event.sentence} {text.strip()}",
                            end=ctx.sents[index].end_char,
                        )
                    )
                else:
                    date, precision = ctx.date_of(index, ctx.sents[index].start_char)
                    added.append(
                        replace(
                            event,
                            person=person,
                            sentence=text.strip(),
                            start=ctx.sents[index].start_char,
                            end=ctx.sents[index].end_char,
                            date=date,
                            date_precision=precision,
                            background=ctx.background[index],
                        )
                    )
    return added


def _charges(ctx: _Context) -> list[ChargeMention]:
    spans: list[Span] = list(ctx.doc.spans.get(CHARGE_KEY, []))
    charges: list[ChargeMention] = []
    seen: set[tuple[str, int | None, str]] = set()
    for span in spans:
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
    ctx = _Context(doc, article, groups, language)
    people = ctx.people
    events = _events(ctx)
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
    extraction.relevant = is_relevant(extraction, ctx.text)
    return extraction
