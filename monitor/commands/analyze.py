"""`monitor analyze`: the analysis contract, from files to JSON lines."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from monitor.analysis import Analysis, Analyzer, contract_record
from monitor.article_files import ArticleFileError, read_articles
from monitor.logs import progress
from monitor.model import Article, Case

log = logging.getLogger(__name__)
BATCH = 16


def _analyse_one(analyzer: Analyzer, article: Article) -> Analysis | Exception:
    try:
        return analyzer.analyze(article)
    except Exception as error:  # one bad article must not take the others down
        log.exception("analysis failed for %s", article.url or article.title)
        return error


def analyses(analyzer: Analyzer, articles: Sequence[Article]) -> Iterator[Analysis | Exception]:
    """Analyses in order, batched; a failing batch is redone one article at a time."""
    for start in range(0, len(articles), BATCH):
        chunk = articles[start : start + BATCH]
        try:
            results: list[Analysis | Exception] = list(analyzer.analyze_many(chunk, BATCH))
        except Exception:
            results = [_analyse_one(analyzer, article) for article in chunk]
        yield from results


def analyze_files(cases: Sequence[Case], paths: Sequence[Path], out: IO[str]) -> int:
    """Write one JSON line per article file to ``out``, in input order; return the exit status.

    Unreadable files give an ``{"file", "error"}`` line and status 1; the others are
    still analysed.
    """
    loaded = list(read_articles(paths))
    articles: list[Article] = [a for _, a in loaded if isinstance(a, Article)]
    results = progress(analyses(Analyzer(cases), articles), len(articles), "analysing")
    status = 0
    for path, item in loaded:
        record: dict[str, Any]
        if isinstance(item, ArticleFileError):
            record = {"file": path.name, "error": str(item)}
            status = 1
        else:
            result = next(results)
            if isinstance(result, Exception):
                record = {"file": path.name, "error": f"analysis failed: {result}"}
                status = 1
            else:
                record = contract_record(path.name, result)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return status
