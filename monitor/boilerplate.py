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


_BODY_START_LINES = 12  # a masthead banner sits among a page's first lines
_REPEATED_CAPTION_WORDS = 4  # "Азиз Оруджев" twice: a photo's name caption


@cache
def _rules() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = load_data("boilerplate.yaml")
    return _compile_all(data["cut_from"]), _compile_all(data["drop"])


@cache
def _page_rules() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = load_data("boilerplate.yaml")
    return _compile_all(data["body_starts_after"]), _compile_all(data["strip_prefix"])


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def is_boilerplate(text: str) -> bool:
    _, drop = _rules()
    return any(rule.search(text) for rule in drop)


def page_lines(lines: Iterable[str]) -> list[str]:
    """The lines of a page saved whole, from where its article starts.

    Spaces are normalised and empty lines dropped; the masthead above an app banner or a
    membership appeal goes, and so do stamped prefixes and a caption repeated on two
    lines. Furniture inside the article is left to :func:`clean_paragraphs`.
    """
    starts_after, prefixes = _page_rules()
    kept: list[str] = []
    for raw in lines:
        text = SPACES.sub(" ", raw).strip()
        for prefix in prefixes:
            text = prefix.sub("", text, count=1)
        if not text:
            continue
        if kept and text == kept[-1] and len(text.split()) <= _REPEATED_CAPTION_WORDS:
            kept.pop()
            continue
        kept.append(text)
    marks = [
        index
        for index, text in enumerate(kept[:_BODY_START_LINES])
        if any(rule.search(text) for rule in starts_after)
    ]
    if marks and marks[-1] + 1 < len(kept):
        return kept[marks[-1] + 1 :]
    return kept


def split_page(lines: Iterable[str], language: str | None = None) -> tuple[str, list[Paragraph]]:
    """A page's headline (its first line that is not furniture) and its cleaned body."""
    text_lines = page_lines(lines)
    first = next((i for i, line in enumerate(text_lines) if not is_boilerplate(line)), None)
    if first is None:
        return "", []
    return text_lines[first], clean_paragraphs(text_lines[first + 1 :], language)


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
