"""People of one document: NER persons and known-case names, merged per person.

A full name starts a person; a later (or earlier) surname-only or given-name-only mention
("Orujov said", "Оруджевым") joins the person whose surname it spells, even where the
NER missed it or called it a place. Russian forms are brought to the nominative.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc, Span

from monitor.model import PersonMention
from monitor.names import (
    gender,
    nominative,
    nominatives,
    script_of,
    split_patronymic,
    surname_key,
)
from monitor.names.markers import surname_endings
from monitor.nlp.case_names import SPAN_KEY as CASE_KEY
from monitor.nlp.resources import load_data
from monitor.nlp.rosters import roster_spans
from monitor.nlp.sentences import doc_text

PERSON_LABELS = frozenset({"PERSON", "PER"})
_SAME_SURNAME = 80.0


@dataclass
class PersonGroup:
    """One person while it is being assembled: its token spans and name parts."""

    words: tuple[str, ...]
    patronymic: str | None
    spans: list[Span] = field(default_factory=list)
    case_hint: str | None = None

    @property
    def surname(self) -> str:
        return self.words[-1]


@lru_cache(maxsize=1)
def not_people_names() -> tuple[str, ...]:
    """Names that are no people's: those of ``nlp_names.yaml`` and the month names of
    the date data (May, March; "Января")."""
    months = [w for ws in load_data("nlp_dates.yaml")["months"].values() for w in ws]
    return tuple(dict.fromkeys([*load_data("nlp_names.yaml")["not_people"], *months]))


@lru_cache(maxsize=1)
def _not_people() -> frozenset[str]:
    return frozenset(w.lower() for w in not_people_names())


@lru_cache(maxsize=8)
def _listed(key: str) -> tuple[str, ...]:
    """A word list of ``data/nlp_names.yaml``, lowercased."""
    return tuple(w.lower() for w in load_data("nlp_names.yaml")[key])


@lru_cache(maxsize=1)
def _not_name_stems() -> tuple[str, ...]:
    return tuple(w.lower() for w in load_data("nlp_names.yaml")["not_single_names"])


def _trim(span: Span) -> Span | None:
    """Drop possessive endings and punctuation at the edges; None if nothing name-like."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "s")):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if end - start > 1 and start > 0 and doc[start - 1].lower_ in _russian_place_prepositions():
        start += 1  # "в Тбилиси Садыгова задержали": the city, then the man
    if end - start > 1 and doc[start].is_sent_start and _opening_participle(doc[start].text):
        start += 1  # "Citing Ajapahian's health issues, ...": the verb, then the man
    if end - start > 1 and doc[start].lower_.startswith(_not_name_stems()):
        start += 1  # "President of Armenia Kocharyan": the country, then the man
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _opening_participle(word: str) -> bool:
    """An English -ing form that opens a sentence ("Citing", "Following"): a verb the
    tagger joined to the name after it, not a first name ("-ed" would take "Mohammed")."""
    return word.isascii() and len(word) > 5 and word.lower().endswith("ing")


@lru_cache(maxsize=1)
def _russian_place_prepositions() -> frozenset[str]:
    return frozenset(w for w in _listed("place_prepositions") if not w.isascii())


@lru_cache(maxsize=1)
def _not_people_by_first_word() -> dict[str, tuple[str, ...]]:
    """Multi-word non-people names by their first word ("кавказский" -> ...)."""
    found: dict[str, list[str]] = {}
    for name in _not_people():
        if " " in name:
            found.setdefault(name.split(" ", 1)[0], []).append(name)
    return {first: tuple(names) for first, names in found.items()}


def _part_of_not_people(span: Span) -> bool:
    """A cut-off piece of a listed name: "Кавказский" of "Кавказский узел"."""
    names = _not_people_by_first_word().get(span.text.lower().strip('"«»'))
    if not names:
        return False
    ahead = span.doc[span.start : min(len(span.doc), span.end + 3)].text.lower()
    ahead = ahead.replace('"', "").replace("«", "").replace("»", "")
    return ahead.startswith(names)


def strip_titles(words: list[str]) -> list[str]:
    """Drop title words ("President", "адвокат") an NER span may have kept. Latin words
    are compared whole; Cyrillic ones as stems, so every case form counts ("Активиста")."""
    titles = _not_name_words()
    stems = _not_name_stems_cyrillic()
    return [w for w in words if not (w.lower().strip(".") in titles or w.lower().startswith(stems))]


def _name_words(span: Span) -> list[str]:
    """The words of a name span, a dash or quote glued to a word left off ("-Хафиза")."""
    words = [t.text.strip(_GLUED) for t in span if not t.is_punct and not t.is_space]
    return strip_titles([w for w in words if w])


_GLUED = "-–—'’\"«»"


_MOST_NAME_WORDS = 4  # given name, patronymic, surname and a kinship word ("Anar Aydin oglu")


def _acceptable(span: Span) -> bool:
    text = span.text.strip()
    if text.lower().strip('"«»') in _not_people() or any(ch.isdigit() for ch in text):
        return False
    if _part_of_not_people(span):
        return False
    if any(t.lower_ in _listed("organisation_words") for t in span[1:]):
        return False  # "Kövsər Media", "Toplum TV"
    if _byline(span):
        return False  # "By Anush Mkrtchian", "Author: ...": who wrote the article
    if _named_after(span):
        return False  # "аэропорт имени Гейдара Алиева", "Heydar Aliyev International Airport"
    if _russian_verb_or_adjective(span) or _place_before_its_noun(span):
        return False
    words = _name_words(span)
    if words and all(w.lower().startswith(_not_name_stems()) for w in words):
        return False  # "Ingush", "Kabardino-Balkaria": a people or a place
    if len(words) > _MOST_NAME_WORDS:
        return False  # "Араик Арутюнян Лилит Макунц Армения": a row of tags, not a person
    # Georgian names are written without capitals
    return bool(words) and all(
        w[:1].isupper() or script_of(w) == "georgian" for w in words if len(w) > 3
    )


def _byline(span: Span) -> bool:
    """Whether a byline word (as written: "By", not "by") stands right before the name,
    or before the colon before it."""
    before = span.start - 1
    if before >= 0 and span.doc[before].text == ":":
        before -= 1
    return before >= 0 and span.doc[before].text in _byline_words()


@lru_cache(maxsize=1)
def _byline_words() -> frozenset[str]:
    """The byline words of ``data/nlp_names.yaml``, as written."""
    return frozenset(load_data("nlp_names.yaml")["byline_words"])


def _named_after(span: Span) -> bool:
    """A name that names a place or an institution after a person: after «имени» ("named
    after"), or before a place noun ("Heydar Aliyev International Airport")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _listed("named_after_before"):
        return True
    return span.end < len(doc) and doc[span.end].lower_ in _listed("named_after_after")


@lru_cache(maxsize=1)
def _surname_pattern() -> re.Pattern[str]:
    endings = "|".join(sorted(surname_endings(), key=len, reverse=True))
    upper = "A-ZƏÜÖĞÇŞİА-ЯЁ"
    word = rf"[{upper}][\w'’-]*"
    return re.compile(rf"(?<![\w.])(?:{word}[ \t]+)?[{upper}][\w'’-]*?(?:{endings})(?!\w)")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("nlp_names.yaml")["not_name_words"])


@lru_cache(maxsize=1)
def _not_name_stems_cyrillic() -> tuple[str, ...]:
    """The Cyrillic title words, compared as stems."""
    return tuple(t for t in _not_name_words() if not t[:1].isascii())


def _rule_spans(doc: Doc) -> list[Span]:
    """Capitalised names with a regional surname ending, for names the NER misses."""
    spans = []
    facilities = [e for e in doc.ents if e.label_ == "FAC"]
    for found in _surname_pattern().finditer(doc_text(doc)):
        span = doc.char_span(found.start(), found.end(), label="PERSON", alignment_mode="contract")
        if span is None or any(span.start < f.end and f.start < span.end for f in facilities):
            continue
        # a sentence-initial or title word before the surname is not a given name
        if len(span) > 1 and (span[0].is_sent_start or span[0].lower_ in _not_name_words()):
            span = Span(doc, span.start + 1, span.end, label="PERSON")
        if _epithet_before_a_name(span):
            continue
        if _acceptable(span):
            spans.append(span)
    return spans


_CAPITALISED = r"[A-ZƏÜÖĞÇŞİА-ЯЁ][\w'’-]+"
_BRACKETED_GIVEN_NAME = re.compile(
    rf"(?<![\w.]){_CAPITALISED}[ \t]*\({_CAPITALISED}\)[ \t]+({_CAPITALISED})(?!\w)"
)


def _bracketed_given_name_spans(doc: Doc) -> list[Span]:
    """ "Giyas (Giyaseddin) Ibragimov": a given name with its fuller form in brackets,
    then the surname. The NER breaks it in two; it is one person."""
    spans = []
    for found in _BRACKETED_GIVEN_NAME.finditer(doc_text(doc)):
        if not _surname_pattern().fullmatch(found.group(1)):
            continue
        span = doc.char_span(found.start(), found.end(), label="PERSON", alignment_mode="contract")
        if span is not None:
            spans.append(span)
    return spans


_GEORGIAN_OR_ARMENIAN_WORD = re.compile(
    r"(?<!\w)(?:[\u10d0-\u10ff]{2,}|[\u0531-\u0556][\u0561-\u0587]+)(?!\w)"
)


def _georgian_armenian_spans(doc: Doc) -> list[Span]:
    """Given name and surname in Georgian or Armenian script (no NER reads them): two
    words side by side whose second, with a case ending taken off, ends like a surname
    of the region (ამაღლობელს -> ამაღლობელი; Վարդանյանի -> Վարդանյան). Where two such
    pairs overlap, the one whose surname has the longer ending wins (მზია ამაღლობელს,
    not ჟურნალისტ მზია: -ელი against -ია)."""
    text = doc_text(doc)
    words = list(_GEORGIAN_OR_ARMENIAN_WORD.finditer(text))
    pairs = []
    for first, last in itertools.pairwise(words):
        ending = max(
            (len(e) for r, _ in nominatives(last.group()) for e in _endings_of(r)), default=0
        )
        if ending and text[first.end() : last.start()].strip(" \t\u00a0") == "":
            pairs.append((ending, first.start(), last.end()))
    spans: list[Span] = []
    for _, start, end in sorted(pairs, key=lambda p: (-p[0], p[1])):
        span = doc.char_span(start, end, label="PERSON", alignment_mode="contract")
        if span is not None and not any(span.start < s.end and s.start < span.end for s in spans):
            spans.append(span)
    return spans


def _endings_of(word: str) -> list[str]:
    return [e for e in surname_endings() if word.endswith(e)]


def _place_before_its_noun(span: Span) -> bool:
    """ "the Masalli district": a lone capitalised word before "district" is a place;
    so is one after "to" or "в" that has no surname's ending ("the road to Kaspiysk")."""
    if len(span) != 1:
        return False
    if span.end < len(span.doc) and span.doc[span.end].lower_.startswith(
        _listed("place_words_after")
    ):
        return True
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in _listed("place_prepositions") and not _surname_pattern().fullmatch(span.text)


_VERB_PAST_PLURAL = re.compile(r"[аеиоуыяюэё]ли$")
_ADJECTIVE = re.compile(r"(?:ский|ская|ское|ских|ском|ского|ским|ской|скую)$")


def _russian_verb_or_adjective(span: Span) -> bool:
    """A lone capitalised Russian word that only looks like a surname: a past-tense
    verb opening a sentence ("Госпитализировали его", while Рагимли has a consonant
    before -ли) or a place adjective before its noun ("Шекинский суд")."""
    if len(span) != 1:
        return False
    word = span[0].lower_
    if _VERB_PAST_PLURAL.search(word):
        return True
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(_ADJECTIVE.search(word) and following is not None and following.is_lower)


def _epithet_before_a_name(span: Span) -> bool:
    """ "Theologian Talekh Bagirzade", "Богослова Талеха Багирзаде": a capitalised word
    opening the sentence and followed by a capitalised name is a description of the
    person, even when it ends like a surname (-ian, -ова)."""
    doc = span.doc
    return (
        len(span) == 1
        and bool(span[0].is_sent_start)
        and span.end < len(doc)
        and doc[span.end].text[:1].isupper()
    )


_CONJUNCTIONS = frozenset({"and", "и", "&", ","})


def _split_coordination(span: Span) -> list[Span]:
    """ "Hasanli and Vagifgizi" as the NER sometimes gives it: two people."""
    parts: list[Span] = []
    start = span.start
    for token in span:
        if token.lower_ in _CONJUNCTIONS:
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label=span.label_))
    return parts


def candidate_spans(doc: Doc) -> list[Span]:
    """Known-case names first, then NER persons, rule-found names and the names of
    rosters (:mod:`monitor.nlp.rosters`), longest first."""
    chosen: list[Span] = list(doc.spans.get(CASE_KEY, []))
    others: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in PERSON_LABELS:
            for part in _split_coordination(ent):
                trimmed = _trim(part)
                if trimmed is not None and _acceptable(trimmed):
                    others.append(trimmed)
    others.extend(t for t in map(_trim, _rule_spans(doc)) if t is not None)
    others.extend(s for s in _bracketed_given_name_spans(doc) if _acceptable(s))
    others.extend(s for s in _georgian_armenian_spans(doc) if _acceptable(s))
    for span in sorted(others, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    for span in roster_spans(doc):
        if not _acceptable(span):
            continue
        overlapping = [c for c in chosen if span.start < c.end and c.start < span.end]
        # only where nothing else was found, or where a single word was: a name cut short
        if all(len(c) == 1 and span.start <= c.start and c.end <= span.end for c in overlapping):
            chosen = [c for c in chosen if c not in overlapping] + [span]
    return sorted(chosen, key=lambda s: s.start)


def same_surname(a: str, b: str) -> bool:
    """Do two surname spellings (any script, any case form) name the same family?"""
    return _same(a, b)


def _same(a: str, b: str) -> bool:
    ka, kb = surname_key(a), surname_key(b)
    return ka[:1] == kb[:1] and ratio(ka, kb) >= _SAME_SURNAME


def _belongs(group: PersonGroup, words: tuple[str, ...], case_hint: str | None) -> bool:
    if case_hint and group.case_hint and case_hint != group.case_hint:
        return False
    if case_hint and case_hint == group.case_hint:
        return True
    if len(words) == 1:
        return _same(words[0], group.surname) or (
            len(group.words) > 1 and _same(words[0], group.words[0])
        )
    if not _same(words[-1], group.surname):
        return False
    return len(group.words) == 1 or _same(words[0], group.words[0])


def group_people(doc: Doc) -> list[PersonGroup]:
    """Merge the candidate spans of ``doc`` into people, full names first."""
    spans = candidate_spans(doc)
    parsed = []
    for span in spans:
        parts = split_patronymic(_name_words(span))
        if not parts.words:
            continue  # a patronymic alone ("Alif oglu"): no name to group by
        hint = span.label_ if span.label_ not in PERSON_LABELS else None
        parsed.append((span, parts.words, parts.patronymic, hint))
    groups: list[PersonGroup] = []
    singles = []
    for span, words, patronymic, hint in parsed:
        if len(words) < 2 and hint is None:
            singles.append((span, words))
            continue
        target = next((g for g in groups if _belongs(g, words, hint)), None)
        if target is None:
            target = PersonGroup(words, patronymic, case_hint=hint)
            groups.append(target)
        target.spans.append(span)
        target.case_hint = target.case_hint or hint
        target.patronymic = target.patronymic or patronymic
    for span, words in singles:
        matches = [g for g in groups if _belongs(g, words, None)]
        if matches:
            _closest(matches, span).spans.append(span)
        else:
            groups.append(PersonGroup(words, None, [span]))
    _add_unlabelled_mentions(doc, groups)
    groups.extend(_shared_surname_siblings(doc, groups))
    for group in groups:
        group.spans.sort(key=lambda s: s.start)
    return sorted(groups, key=lambda g: g.spans[0].start)


_PLURAL_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)ы$")


def _shared_surname_siblings(doc: Doc, groups: list[PersonGroup]) -> list[PersonGroup]:
    """The given name before "и" that shares the plural surname of the name after it
    ("Ровшан и Руфат Захидовы"): a person of its own, named with that surname."""
    taken = {t.i for g in groups for s in g.spans for t in s}
    found: list[PersonGroup] = []
    for group in groups:
        if len(group.words) < 2 or not _PLURAL_SURNAME.search(group.surname):
            continue
        for span in group.spans:
            if span.start < 2 or doc[span.start - 1].lower_ != "и":
                continue
            given = doc[span.start - 2]
            if given.i in taken or not given.is_title or not given.is_alpha:
                continue
            if given.lower_.startswith(_not_name_stems()):
                continue
            sibling = Span(doc, given.i, given.i + 1, label="PERSON")
            found.append(PersonGroup((given.text, group.surname), None, [sibling]))
            taken.add(given.i)
    return found


def _closest(groups: list[PersonGroup], span: Span) -> PersonGroup:
    """The person last named before ``span``, else the one named soonest after it."""

    def distance(group: PersonGroup) -> tuple[int, int]:
        before = [span.start - s.start for s in group.spans if s.start < span.start]
        if before:
            return (0, min(before))
        return (1, min(s.start - span.start for s in group.spans))

    return min(groups, key=distance)


def _add_unlabelled_mentions(doc: Doc, groups: list[PersonGroup]) -> None:
    """Surnames the NER left out ("Orujev" tagged as a place) join their person."""
    taken = {t.i for g in groups for s in g.spans for t in s}
    full = [g for g in groups if len(g.words) > 1]
    for token in doc:
        if token.i in taken or not token.is_title or len(token.text) < 4 or not token.is_alpha:
            continue
        matches = [g for g in full if _same(token.text, g.surname)]
        if matches:
            span = Span(doc, token.i, token.i + 1, label="PERSON")
            _closest(matches, span).spans.append(span)


def to_person_mention(group: PersonGroup, text: str) -> PersonMention:
    first_full = next((s for s in group.spans if len(_name_words(s)) > 1), group.spans[0])
    case_of = {t.text: getattr(t._, "natasha_case", None) for t in first_full}
    words = split_patronymic(_name_words(first_full)).words or group.words
    if len(words) < len(group.words) == 2 and words[0] == group.words[0]:
        # a sibling named by his given name alone ("Ровшан и Руфат Захидовы")
        words = group.words
    word_cases = tuple(case_of.get(w) for w in words)
    forms: list[str] = []
    for span in group.spans:
        if span.text not in forms:
            forms.append(span.text)
    feminine = any(gender(form.split()[-1]) == "f" for form in forms) or None
    return PersonMention(
        name=" ".join(words) if len(words) > len(first_full) else first_full.text,
        normalized=nominative(words, word_cases, feminine),
        forms=forms,
        spans=[(s.start_char, s.end_char) for s in group.spans],
        case_hint=group.case_hint,
        patronymic=group.patronymic,
    )
