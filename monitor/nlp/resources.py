"""The extraction stage's data files (``monitor/data/*.yaml``, read once each through
:func:`monitor.datafiles.load_data`) and how its patterns are compiled."""

from __future__ import annotations

import re

from monitor.datafiles import load_data

__all__ = ["FLAGS", "compile_any", "load_data"]

FLAGS = re.IGNORECASE | re.UNICODE


def compile_any(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``patterns`` (None when empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)
