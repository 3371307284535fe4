"""The matching stage's rules, read once from ``monitor/data`` (YAML, reviewed like code)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``monitor/data/<name>``."""
    path = resources.files("monitor") / "data" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def az_rules() -> dict[str, Any]:
    """Azerbaijani spelling rules (``translit_az.yaml``)."""
    rules: dict[str, Any] = load("translit_az.yaml")
    return rules


def ru_rules() -> dict[str, Any]:
    """Russian spelling and declension rules (``names_ru.yaml``)."""
    rules: dict[str, Any] = load("names_ru.yaml")
    return rules


def context_rules() -> dict[str, Any]:
    """Words that tie a case's description to an article (``matching_context.yaml``)."""
    rules: dict[str, Any] = load("matching_context.yaml")
    return rules
