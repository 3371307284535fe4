"""The extraction stage's public face: :class:`Extractor`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from monitor.model import Article, Extraction, NamePattern
from monitor.nlp.assemble import build_extraction
from monitor.nlp.case_names import CaseNameMatcher
from monitor.nlp.language import detect_language
from monitor.nlp.pipeline import get_pipeline, pipeline_language


class Extractor:
    """People, places of detention, charges and developments of articles.

    ``case_patterns`` are known-case spellings (from matching); mentions they find carry
    ``PersonMention.case_hint``. Pipelines are shared by all extractors of a process;
    the name patterns belong to this extractor.
    """

    def __init__(self, case_patterns: Sequence[NamePattern] = ()) -> None:
        self.case_patterns = tuple(case_patterns)
        self._matchers: dict[str, CaseNameMatcher | None] = {}

    def _matcher(self, pipeline: str) -> CaseNameMatcher | None:
        if pipeline not in self._matchers:
            self._matchers[pipeline] = (
                CaseNameMatcher(get_pipeline(pipeline), self.case_patterns)
                if self.case_patterns
                else None
            )
        return self._matchers[pipeline]

    @staticmethod
    def language_of(article: Article) -> str:
        given = (article.language or "").strip().lower()
        return given[:2] if given else detect_language(article.text)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extractions in input order; each language's articles go through ``nlp.pipe``."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            languages = [self.language_of(a) for a in batch]
            results: list[Extraction | None] = [None] * len(batch)
            for pipeline in dict.fromkeys(pipeline_language(lang) for lang in languages):
                indexes = [
                    i for i, lang in enumerate(languages) if pipeline_language(lang) == pipeline
                ]
                nlp = get_pipeline(pipeline)
                cfg: dict[str, dict[str, Any]] = {
                    "case_name_ruler": {"matcher": self._matcher(pipeline)}
                }
                texts = [batch[i].text for i in indexes]
                for i, doc in zip(indexes, nlp.pipe(texts, component_cfg=cfg), strict=True):
                    results[i] = build_extraction(doc, batch[i], languages[i])
            for result in results:
                assert result is not None
                yield result
