"""Dropping page furniture from article paragraphs and marking background paragraphs.

Both spiders (after selecting the article container) and article files go through
:func:`clean_paragraphs`, so the same text reaches extraction whichever way it came.
The rules are data: ``monitor/data/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from monitor.background import is_background
from monitor.datafiles import load_data
from monitor.model import Paragraph

SPACES = re.compile(r"\s+")


@cache
def _rules() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = load_data("boilerplate.yaml")
    return _compile_all(data["cut_from"]), _compile_all(data["drop"])


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def is_boilerplate(text: str) -> bool:
    _, drop = _rules()
    return any(rule.search(text) for rule in drop)


def clean_paragraphs(lines: Iterable[str], language: str | None = None) -> list[Paragraph]:
    """Paragraphs without furniture, cut at the first sidebar heading, background marked.

    ``language`` is accepted for outlet rules that differ by language; today's rules
    hold for both editions.
    """
    cut_from, _ = _rules()
    kept: list[Paragraph] = []
    for raw in lines:
        text = SPACES.sub(" ", raw).strip()
        if not text:
            continue
        furniture = is_boilerplate(text)
        if furniture and not kept:
            continue  # a dateline above the body looks like a sidebar timestamp: drop it
        if any(rule.search(text) for rule in cut_from):
            # a one- or two-word section label ("Politics") heads the sidebar it opens
            if kept and len(kept[-1].text.split()) <= 2 and not kept[-1].text.endswith("."):
                kept.pop()
            break
        if furniture:
            continue
        kept.append(Paragraph(text=text, background=is_background(text)))
    return kept
