"""`monitor analyze`: the analysis contract, from files to JSON lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from monitor.analysis import Analyzer, analyze_each, contract_record
from monitor.article_files import ArticleFileError, read_articles
from monitor.logs import progress
from monitor.model import Article, Case


def analyze_files(cases: Sequence[Case], paths: Sequence[Path], out: IO[str]) -> int:
    """Write one JSON line per article file to ``out``, in input order; return the exit status.

    Unreadable files give an ``{"file", "error"}`` line and status 1; the others are
    still analysed.
    """
    loaded = list(read_articles(paths))
    articles: list[Article] = [a for _, a in loaded if isinstance(a, Article)]
    results = progress(analyze_each(Analyzer(cases), articles), len(articles), "analysing")
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
