"""Extraction and matching together: one article in, people linked to cases out.

:class:`Analyzer` is what both `monitor analyze` (the contract) and `monitor process`
(the database pipeline) call, so the evaluation measures the code that runs in
production. :func:`contract_record` renders one result as the contract's JSON object.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from monitor.matching import Matcher
from monitor.matching.context import reports_custody
from monitor.model import Article, Case, Extraction, Judgement, Match
from monitor.nlp import Extractor

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    article: Article
    extraction: Extraction
    matches: list[Match]

    def case_of(self, person: int | None) -> str | None:
        """The case a person index was matched to, if the match is certain enough."""
        if person is None or person >= len(self.matches):
            return None
        match = self.matches[person]
        return match.case_id if match.decision == "match" else None

    @property
    def relevant(self) -> bool:
        """Relevant by extraction, or by a known case matched as a prisoner or in an
        article that reports custody (a party leader's press conference is not)."""
        custodial = reports_custody(self.extraction)
        return self.extraction.relevant or any(
            m.decision == "match" and (custodial or p.role == "detainee")
            for m, p in zip(self.matches, self.extraction.people, strict=True)
        )


class Analyzer:
    """Loads the pipelines once; knows the cases (and analysts' judgements) it matches to."""

    def __init__(self, cases: Sequence[Case], judgements: Sequence[Judgement] = ()) -> None:
        self.matcher = Matcher(cases, judgements)
        self.extractor = Extractor(self.matcher.name_patterns())

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        pending = list(articles) if not isinstance(articles, list) else articles
        extractions = self.extractor.extract_many(pending, batch_size=batch_size)
        for article, extraction in zip(pending, extractions, strict=True):
            yield Analysis(article, extraction, self.matcher.match(article, extraction))


def analyze_each(
    analyzer: Analyzer, articles: Sequence[Article], batch_size: int = 16
) -> Iterator[Analysis | Exception]:
    """Analyses in input order, batched; a batch that fails is redone one article at a
    time, so one bad article yields its exception and the others their analyses."""
    for start in range(0, len(articles), batch_size):
        chunk = articles[start : start + batch_size]
        try:
            results: list[Analysis | Exception] = list(analyzer.analyze_many(chunk, batch_size))
        except Exception:
            results = [_analyze_one(analyzer, article) for article in chunk]
        yield from results


def _analyze_one(analyzer: Analyzer, article: Article) -> Analysis | Exception:
    try:
        return analyzer.analyze(article)
    except Exception as error:  # reported to the caller, with the article it belongs to
        log.exception("analysis failed for %s", article.url or article.title)
        return error


def contract_record(file: str, analysis: Analysis) -> dict[str, Any]:
    """The `monitor analyze` output object for one file (see the analysis contract)."""
    extraction = analysis.extraction
    people = []
    for person, match in zip(extraction.people, analysis.matches, strict=True):
        matched = match.decision == "match"
        people.append(
            {
                "name": person.name,
                "normalized": person.normalized,
                "case_id": match.case_id if matched else None,
                "confidence": round(match.confidence, 3),
                "role": person.role,
                "explanation": match.explanation,
            }
        )
    events = []
    seen: set[tuple[object, ...]] = set()
    for event in extraction.events:
        if event.negated:
            continue
        case_id = analysis.case_of(event.person)
        key = (case_id if case_id else event.person, event.type, event.date_text)
        if key in seen:
            continue
        seen.add(key)
        events.append(
            {
                "type": event.type,
                "case_id": case_id,
                "date": event.date_text,
                "text": event.sentence,
                "background": event.background,
            }
        )
    return {
        "file": file,
        "url": analysis.article.url,
        "language": extraction.language,
        "relevant": analysis.relevant,
        "people": people,
        "facilities": [{"name": f.text, "canonical": f.canonical} for f in extraction.facilities],
        "charges": [
            {"text": c.text, "code": c.code, "case_id": analysis.case_of(c.person)}
            for c in extraction.charges
        ],
        "events": events,
    }
