"""Reading the extraction stage's data files (``monitor/data/*.yaml``), once each."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

FLAGS = re.IGNORECASE | re.UNICODE


@cache
def load_data(name: str) -> Any:
    """The parsed YAML file ``monitor/data/<name>``."""
    path = resources.files("monitor") / "data" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def compile_any(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``patterns`` (None when empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)
