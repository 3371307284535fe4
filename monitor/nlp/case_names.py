"""Known-case names as a ruler: every spelling the matcher generates, id = case id.

A :class:`CaseNameMatcher` is built once per Extractor and language from
:class:`~monitor.model.NamePattern` records (tens of thousands are fine: patterns are
tokenised with ``tokenizer.pipe``, never parsed) and handed to the shared pipeline's
``case_name_ruler`` component through ``nlp.pipe(component_cfg=...)``, so one loaded
pipeline serves extractors with different case lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from monitor.model import NamePattern

SPAN_KEY = "case_names"


class CaseNameMatcher:
    """Case-insensitive phrase matches of known names; match ids are case ids."""

    def __init__(self, nlp: Language, patterns: Iterable[NamePattern]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_case: dict[str, list[str]] = defaultdict(list)
        for pattern in patterns:
            text = " ".join(pattern.text.split())
            if text:
                by_case[pattern.case_id].append(text)
        self.size = 0
        for case_id, texts in by_case.items():
            docs = list(nlp.tokenizer.pipe(sorted(set(texts))))  # type: ignore[union-attr]
            self.matcher.add(case_id, docs)
            self.size += len(docs)

    def __call__(self, doc: Doc) -> list[Span]:
        spans = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)
        ]
        return filter_spans(spans)


@Language.factory("case_name_ruler")
def make_case_name_ruler(nlp: Language, name: str) -> CaseNameRuler:
    return CaseNameRuler()


class CaseNameRuler:
    """Writes ``doc.spans["case_names"]`` from the matcher given per call (if any)."""

    def __call__(self, doc: Doc, matcher: CaseNameMatcher | None = None) -> Doc:
        doc.spans[SPAN_KEY] = matcher(doc) if matcher is not None else []
        return doc
