"""Criminal and administrative charges: phrases and code articles (``data/charges.yaml``).

The ``charge_ruler`` component stores each charge in ``doc.spans["charges"]``: the label
is the contract's charge code, ``span.id_`` the cited article ("234.4.3") when the text
cites one. An article number the table does not know gives the code ``other``; the
extractor keeps ``other`` only when no better code was found in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from monitor.nlp.resources import FLAGS, compile_any, compile_words, load_data
from monitor.nlp.sentences import sentences_of

SPAN_KEY = "charges"
OTHER = "other"


@dataclass(frozen=True)
class ChargeRules:
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    any_phrase: re.Pattern[str] | None  # all phrases at once: most sentences have none
    context: re.Pattern[str] | None
    self_context: re.Pattern[str] | None
    article_ref: re.Pattern[str]
    articles: dict[str, str]
    not_a_charge: re.Pattern[str] | None
    foreign: re.Pattern[str] | None


@dataclass(frozen=True)
class ChargeHit:
    start: int
    end: int
    code: str
    article_ref: str | None = None


@lru_cache(maxsize=4)
def charge_rules(lang: str) -> ChargeRules:
    data = load_data("charges.yaml")
    phrase_lang = lang if lang in ("en", "ru") else "en"
    phrases = []
    every: list[str] = []
    articles: dict[str, str] = {}
    for code, entry in data["codes"].items():
        pats = list(entry.get(phrase_lang, []))
        every += pats
        compiled = compile_words(pats)
        if compiled is not None:
            phrases.append((code, compiled))
        for number in entry.get("articles", []):
            articles[str(number)] = code
    context = [*data["context"]["en"], *data["context"]["ru"]]
    self_context = [*data["self_context"]["en"], *data["self_context"]["ru"]]
    return ChargeRules(
        phrases=tuple(phrases),
        any_phrase=compile_words(every),
        context=compile_any(context),
        self_context=compile_any(self_context),
        article_ref=_article_pattern(data["article_ref"]),
        articles=articles,
        not_a_charge=compile_any(data["not_a_charge_code"]),
        foreign=compile_any(data["foreign_code"]),
    )


def _article_pattern(patterns: dict[str, str]) -> re.Pattern[str]:
    parts = []
    for i, pattern in enumerate(patterns.values()):
        parts.append(
            pattern.replace("(?P<part>", f"(?P<part{i}>").replace("(?P<refs>", f"(?P<refs{i}>")
        )
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in parts) + ")", FLAGS)


_OF_OTHER_CODE = re.compile(
    r"\s*of\s+the\s+(?:\w+\s+)?(?:procedur|constitution|convention|law\s+on)", FLAGS
)
_REF_SPLIT = re.compile(r"\d+(?:[.-]\d+)*")


def code_for_article(ref: str, articles: dict[str, str]) -> str:
    """``"206.3.2"`` -> ``"smuggling"``; ``"193-1"`` -> ``"money_laundering"``; else other."""
    if ref in articles:
        return articles[ref]
    pieces = re.split(r"[.-]", ref)
    for n in range(len(pieces) - 1, 0, -1):
        for sep in (".", "-"):
            key = sep.join(pieces[:n])
            if key in articles:
                return articles[key]
    return OTHER


def find_charges(sentence: str, lang: str, offset: int = 0) -> list[ChargeHit]:
    """The charges one sentence reports, with offsets shifted by ``offset``."""
    rules = charge_rules(lang)
    hits: list[ChargeHit] = []
    for found in rules.article_ref.finditer(sentence):
        groups = {k[:4]: v for k, v in found.groupdict().items() if v is not None}
        after = sentence[found.end() : found.end() + 60]
        if rules.not_a_charge is not None and rules.not_a_charge.match(after.strip(" ,")):
            continue
        if _OF_OTHER_CODE.match(after):
            continue
        foreign = rules.foreign is not None and rules.foreign.search(after[:45]) is not None
        for ref in _REF_SPLIT.findall(groups.get("refs", "")):
            number = ref if "part" not in groups or "." in ref else f"{ref}.{groups['part']}"
            code = OTHER if foreign else code_for_article(ref, rules.articles)
            hits.append(ChargeHit(offset + found.start(), offset + found.end(), code, number))
    if rules.any_phrase is None or rules.any_phrase.search(sentence) is None:
        return _longest_first(hits)
    has_context = rules.context is not None and rules.context.search(sentence) is not None
    for code, pattern in rules.phrases:
        for found in pattern.finditer(sentence):
            window = sentence[max(0, found.start() - 40) : found.end() + 20]
            own = rules.self_context is not None and rules.self_context.search(window) is not None
            if has_context or own:
                hits.append(ChargeHit(offset + found.start(), offset + found.end(), code))
    return _longest_first(hits)


def _longest_first(hits: list[ChargeHit]) -> list[ChargeHit]:
    kept: list[ChargeHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        overlaps = any(hit.start < k.end and k.start < hit.end for k in kept)
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
        for sent, text in sentences_of(doc):
            for hit in find_charges(text, self.lang, sent.start_char):
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if span is not None:
                    spans.append(
                        Span(
                            doc, span.start, span.end, label=hit.code, span_id=hit.article_ref or ""
                        )
                    )
        doc.spans[SPAN_KEY] = spans
        return doc
