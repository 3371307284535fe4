"""The matching stage's rules, read once from ``monitor/data`` (YAML, reviewed like code)."""

from __future__ import annotations

from typing import Any

from monitor.datafiles import load_data


def context_rules() -> dict[str, Any]:
    """Words that tie a case's description to an article (``matching_context.yaml``)."""
    rules: dict[str, Any] = load_data("matching_context.yaml")
    return rules
