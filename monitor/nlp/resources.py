"""The extraction stage's data files (``monitor/data/*.yaml``, read once each through
:func:`monitor.datafiles.load_data`) and how its patterns are compiled."""

from __future__ import annotations

import re

from monitor.datafiles import load_data

__all__ = ["FLAGS", "compile_any", "compile_words", "load_data"]

FLAGS = re.IGNORECASE | re.UNICODE


def compile_any(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``patterns`` (None when empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)


def compile_words(patterns: list[str], *, whole: bool = False) -> re.Pattern[str] | None:
    """Like :func:`compile_any`, each pattern matched at a word start (and, ``whole``,
    ending at a word end). The word-start test stands once in front of all the
    alternatives, so that inside a word the search moves on after one check instead of
    one per pattern: most of the cost of the rule components."""
    if not patterns:
        return None
    tail = r"(?!\w)" if whole else ""
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + tail, FLAGS)
