"""Marking background paragraphs: text that repeats earlier reports and is not news."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from monitor.datafiles import load_data
from monitor.model import Paragraph

QUOTES = re.compile(r"[«»“”„‟\"',]+")
SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """Lower case, no quotes or commas, single spaces: how openings are compared."""
    return SPACES.sub(" ", QUOTES.sub("", text)).strip().lower()


@cache
def paragraph_openings() -> tuple[str, ...]:
    data = load_data("background.yaml")["paragraph_openings"]
    return tuple(sorted({_fold(opening) for openings in data.values() for opening in openings}))


@cache
def paragraph_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_data("background.yaml").get("paragraph_patterns", []))


def is_background(text: str) -> bool:
    """Whether a paragraph opens the way outlets open a recap of earlier reports."""
    folded = _fold(text).lstrip("— -")
    if folded.startswith(paragraph_openings()):
        return True
    return any(pattern.match(text) for pattern in paragraph_patterns())


def mark_background(paragraphs: Iterable[str]) -> list[Paragraph]:
    return [Paragraph(text=text, background=is_background(text)) for text in paragraphs]
