"""Criminal and administrative charges: phrases and code articles (``data/charges.yaml``).

The ``charge_ruler`` component stores each charge in ``doc.spans["charges"]``: the label
is the contract's charge code, ``span.id_`` the cited article ("234.4.3") when the text
cites one. Phrases count sentence by sentence, where the sentence speaks of a charge;
cited articles count by themselves, line by line (a list of articles with their glosses
in brackets runs across what look like sentence ends).

An article number is read in the code of the country it belongs to: the code named
after it ("УК РФ", "of the Criminal Code of Georgia"), else the country the text names
most. Article 318 is illegal border crossing in Azerbaijan and violence against an
official in Russia. An article of the code's general part (attempt, complicity) is no
charge; any other article the table does not know, and any named charge outside the
table (extortion, war crimes), is ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from monitor.nlp.resources import FLAGS, compile_any, compile_words, load_data
from monitor.nlp.sentences import doc_text, sentence_bounds

SPAN_KEY = "charges"
OTHER = "other"
DEFAULT = "default"


@dataclass(frozen=True)
class Jurisdiction:
    """One country's codes: how a text shows it is meant, and its articles' charges."""

    country: str
    marker: re.Pattern[str] | None
    cues: re.Pattern[str] | None
    special_part_from: int
    criminal: Mapping[str, str]
    administrative: Mapping[str, str]

    def code_for(self, ref: str, *, administrative: bool = False) -> str | None:
        """The charge of an article cited as ``ref``; None for the general part."""
        if administrative:
            return _lookup(ref, self.administrative) or OTHER
        code = _lookup(ref, self.criminal) or _lookup(ref, self.administrative)
        if code is not None:
            return code
        return None if _article_number(ref) < self.special_part_from else OTHER


@dataclass(frozen=True)
class PhraseRule:
    """Phrases of one charge, of two at once (``joint``), or of one that depends on
    the country (``by_country``, with a ``default``)."""

    codes: tuple[str, ...]
    by_country: Mapping[str, str]
    pattern: re.Pattern[str]

    def codes_in(self, country: str) -> tuple[str, ...]:
        if self.by_country:
            return (self.by_country.get(country, self.by_country[DEFAULT]),)
        return self.codes


@dataclass(frozen=True)
class ChargeRules:
    phrases: tuple[PhraseRule, ...]
    any_phrase: re.Pattern[str] | None  # all phrases at once: most sentences have none
    context: re.Pattern[str] | None
    self_context: re.Pattern[str] | None
    article_ref: re.Pattern[str]
    not_a_charge: re.Pattern[str] | None
    administrative_code: re.Pattern[str] | None
    administrative_form: Mapping[str, str]
    administrative_cues: re.Pattern[str] | None
    jurisdictions: tuple[Jurisdiction, ...]

    def jurisdiction(self, country: str) -> Jurisdiction:
        return next(j for j in self.jurisdictions if j.country == country)

    def cue_counts(self, text: str) -> dict[str, int]:
        return {
            j.country: len(j.cues.findall(text)) if j.cues is not None else 0
            for j in self.jurisdictions
        }

    def country_of(self, passage: str, text_counts: Mapping[str, int]) -> str:
        """The country whose code ``passage`` applies: the one it names most (its own
        mentions count twice), else the one the whole text names most, else the first."""
        own = self.cue_counts(passage)
        scores = {c: 2 * own[c] + text_counts.get(c, 0) for c in own}
        best = max(scores, key=lambda c: scores[c])  # the first on a tie
        return best if scores[best] > 0 else self.jurisdictions[0].country

    def marked(self, after: str, text_counts: Mapping[str, int]) -> Jurisdiction | None:
        """The jurisdiction a code named right after an article reference points to,
        believed when the text names that country somewhere ("УК РА" in a report from
        a Baku court is a slip for "УК АР")."""
        for words in (after, _code_named(after)):
            for jurisdiction in self.jurisdictions:
                if jurisdiction.marker is not None and jurisdiction.marker.match(words):
                    return jurisdiction if text_counts.get(jurisdiction.country) else None
        return None


@dataclass(frozen=True)
class ChargeHit:
    start: int
    end: int
    code: str
    article_ref: str | None = None
    joint: bool = False  # one phrase, several charges: the hits share their span


def _lookup(ref: str, articles: Mapping[str, str]) -> str | None:
    """``"206.3.2"`` finds ``"206"``; ``"193-1.3"`` finds ``"193-1"``; ``"282.1"``
    finds ``"282.1"`` before ``"282"``."""
    if ref in articles:
        return articles[ref]
    pieces = re.split(r"[.-]", ref)
    for n in range(len(pieces) - 1, 0, -1):
        for sep in (".", "-"):
            key = sep.join(pieces[:n])
            if key in articles:
                return articles[key]
    return None


def _article_number(ref: str) -> int:
    return int(re.split(r"[.-]", ref, maxsplit=1)[0])


def code_for_article(ref: str, country: str = "AZ", *, administrative: bool = False) -> str | None:
    """``"206.3.2"`` -> ``"smuggling"`` (Azerbaijan); ``("318", "RU")`` ->
    ``"violence_against_officials"``; an unknown article ``other``; an article of the
    general part (Article 32, complicity) None."""
    jurisdiction = charge_rules("en").jurisdiction(country)
    return jurisdiction.code_for(ref, administrative=administrative)


def _pattern(patterns: Mapping[str, str], item: str, join: str) -> re.Pattern[str]:
    listed = f"{item}(?:(?:{join}){item})*"
    parts = []
    for i, pattern in enumerate(patterns.values()):
        pattern = pattern.replace("{list}", listed)
        parts.append(
            pattern.replace("(?P<part>", f"(?P<part{i}>").replace("(?P<refs>", f"(?P<refs{i}>")
        )
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in parts) + ")", FLAGS)


def _phrase_rules(data: Mapping[str, Any], lang: str) -> list[PhraseRule]:
    rules = []
    for code, entry in data["codes"].items():
        compiled = compile_words(list(entry.get(lang, [])))
        if compiled is not None:
            rules.append(PhraseRule((code,), {}, compiled))
    for entry in data["by_country"]:
        compiled = compile_words(list(entry.get(lang, [])))
        if compiled is not None:
            rules.append(PhraseRule((), dict(entry["codes"]), compiled))
    for entry in data["joint"]:
        compiled = compile_words(list(entry.get(lang, [])))
        if compiled is not None:
            rules.append(PhraseRule(tuple(entry["codes"]), {}, compiled))
    return rules


def _jurisdictions(data: Mapping[str, Any]) -> tuple[Jurisdiction, ...]:
    def table(codes: Mapping[str, list[str]] | None) -> dict[str, str]:
        return {str(number): code for code, numbers in (codes or {}).items() for number in numbers}

    return tuple(
        Jurisdiction(
            country=country,
            marker=compile_any(entry.get("marker", [])),
            cues=compile_words(entry.get("cues", []), whole=True),
            special_part_from=int(entry.get("special_part_from", 0)),
            criminal=table(entry.get("criminal")),
            administrative=table(entry.get("administrative")),
        )
        for country, entry in data["jurisdictions"].items()
    )


@lru_cache(maxsize=4)
def charge_rules(lang: str) -> ChargeRules:
    data = load_data("charges.yaml")
    phrase_lang = lang if lang in ("en", "ru") else "en"
    phrases = _phrase_rules(data, phrase_lang)
    every = [
        p
        for group in (*data["codes"].values(), *data["by_country"], *data["joint"])
        for p in group.get(phrase_lang, [])
    ]
    form = data["administrative_form"]
    return ChargeRules(
        phrases=tuple(phrases),
        any_phrase=compile_words(every),
        context=compile_any([*data["context"]["en"], *data["context"]["ru"]]),
        self_context=compile_any([*data["self_context"]["en"], *data["self_context"]["ru"]]),
        article_ref=_pattern(data["article_ref"], data["article_number"], data["article_join"]),
        not_a_charge=compile_any(data["not_a_charge_code"]),
        administrative_code=compile_any(data["administrative_code"]),
        administrative_form=dict(form["codes"]),
        administrative_cues=compile_any(form["cues"]),
        jurisdictions=_jurisdictions(data),
    )


_OF_OTHER_CODE = re.compile(
    r"\s*of\s+the\s+(?:\w+\s+)?(?:procedur|constitution|convention|law\s+on)", FLAGS
)
# one article of a list: its number and its gloss in brackets (whose figures are no refs)
_ITEM = re.compile(r"(?P<number>\d+(?:[.-]\d+)*)\.?(?:[ \t]*\([^()]*\))?")
_AFTER = 60  # how far after a reference its code is named
_CODE_WORDS = re.compile(r"(?:of\s+)?(?:the\s+)?(?:criminal|administrative)\s+code\s+", FLAGS)


class _Countries:
    """The countries a text names, counted once and only when a charge needs them."""

    def __init__(self, rules: ChargeRules, text: str) -> None:
        self.rules = rules
        self.text = text

    @cached_property
    def counts(self) -> dict[str, int]:
        return self.rules.cue_counts(self.text)

    def of(self, passage: str) -> str:
        return self.rules.country_of(passage, self.counts)


def _cited(
    line: str, rules: ChargeRules, countries: _Countries, offset: int
) -> Iterator[ChargeHit]:
    """The articles one line cites, each with the charge its country's code gives it."""
    country = countries.of(line)
    for found in rules.article_ref.finditer(line):
        groups = {k[:4]: (v, found.span(k)) for k, v in found.groupdict().items() if v}
        after = line[found.end() : found.end() + _AFTER].lstrip(" ,.")
        if rules.not_a_charge is not None and rules.not_a_charge.match(after):
            continue
        if _OF_OTHER_CODE.match(" " + after):
            continue
        jurisdiction = rules.marked(after, countries.counts) or rules.jurisdiction(country)
        administrative = (
            rules.administrative_code is not None
            and rules.administrative_code.search(after) is not None
        )
        refs, (refs_start, _) = groups["refs"]
        part = groups["part"][0] if "part" in groups else None
        for i, item in enumerate(_ITEM.finditer(refs)):
            ref = item.group("number")
            code = jurisdiction.code_for(ref, administrative=administrative)
            if code is None:
                continue
            cited = ref if part is None or "." in ref else f"{ref}.{part}"
            start = found.start() if i == 0 else refs_start + item.start()
            yield ChargeHit(offset + start, offset + refs_start + item.end(), code, cited)


def _code_named(after: str) -> str:
    """The words after a reference from where a code is named ("of the Criminal Code of
    Georgia" -> "of Georgia"; "УК РФ" stays)."""
    found = _CODE_WORDS.match(after)
    if found is not None:
        return after[found.end() :]
    return after


def _named(
    sentence: str, rules: ChargeRules, countries: _Countries, offset: int
) -> Iterator[ChargeHit]:
    """The charges one sentence names in words, where it speaks of charges."""
    has_context = rules.context is not None and rules.context.search(sentence) is not None
    administrative = (
        rules.administrative_cues is not None
        and rules.administrative_cues.search(sentence) is not None
    )
    for rule in rules.phrases:
        for found in rule.pattern.finditer(sentence):
            window = sentence[max(0, found.start() - 40) : found.end() + 20]
            own = rules.self_context is not None and rules.self_context.search(window) is not None
            if not (has_context or own):
                continue
            codes = rule.codes_in(countries.of(sentence)) if rule.by_country else rule.codes
            for code in codes:
                if administrative:
                    code = rules.administrative_form.get(code, code)
                yield ChargeHit(
                    offset + found.start(), offset + found.end(), code, joint=len(codes) > 1
                )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def find_charges(text: str, lang: str, offset: int = 0) -> list[ChargeHit]:
    """The charges ``text`` reports (a sentence or a whole article), with offsets
    shifted by ``offset``."""
    rules = charge_rules(lang)
    countries = _Countries(rules, text)
    hits: list[ChargeHit] = []
    for start, end in _lines(text):
        line = text[start:end]
        if rules.article_ref.search(line) is not None:
            hits += _cited(line, rules, countries, offset + start)
    for start, end in sentence_bounds(text):
        sentence = text[start:end]
        if rules.any_phrase is None or rules.any_phrase.search(sentence) is None:
            continue
        hits += _named(sentence, rules, countries, offset + start)
    return _longest_first(hits)


def _longest_first(hits: list[ChargeHit]) -> list[ChargeHit]:
    """Of overlapping phrases the longest; every cited article; both charges of a
    joint phrase."""
    kept: list[ChargeHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        overlaps = any(
            hit.start < k.end
            and k.start < hit.end
            and not (hit.joint and k.joint and (hit.start, hit.end) == (k.start, k.end))
            for k in kept
        )
        if not overlaps or hit.article_ref is not None:
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@Language.factory("charge_ruler")
def make_charge_ruler(nlp: Language, name: str) -> ChargeRuler:
    return ChargeRuler(nlp.lang or "xx")


class ChargeRuler:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for hit in find_charges(doc_text(doc), self.lang):
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is not None:
                spans.append(
                    Span(doc, span.start, span.end, label=hit.code, span_id=hit.article_ref or "")
                )
        doc.spans[SPAN_KEY] = spans
        return doc
