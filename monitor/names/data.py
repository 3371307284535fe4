"""The name data files (``monitor/data/names/*.yaml``), read once each."""

from __future__ import annotations

from typing import Any

from monitor.datafiles import load_data


def _rules(name: str) -> dict[str, Any]:
    rules: dict[str, Any] = load_data(f"names/{name}.yaml")
    return rules


def translit_rules() -> dict[str, Any]:
    """How any script is read into unified Latin and its key (``translit.yaml``)."""
    return _rules("translit")


def spelling_rules() -> dict[str, Any]:
    """How a name is written in each style and script, and its families (``spelling.yaml``)."""
    return _rules("spelling")


def declension_rules() -> dict[str, Any]:
    """Case endings, Russian both ways, Georgian and Armenian one way (``declension.yaml``)."""
    return _rules("declension")


def word_rules() -> dict[str, Any]:
    """Kinship markers, patronymic, gender and surname endings (``words.yaml``)."""
    return _rules("words")
