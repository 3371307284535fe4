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
    kept = _without_teaser(kept)
    marks = [
        index
        for index, text in enumerate(kept[:_BODY_START_LINES])
        if any(rule.search(text) for rule in starts_after)
    ]
    if marks and marks[-1] + 1 < len(kept):
        return kept[marks[-1] + 1 :]
    return kept


_HEADLINE_WORDS = 20


def _headline_shaped(text: str) -> bool:
    return len(text.split()) <= _HEADLINE_WORDS and not text.endswith(".")


def _without_teaser(lines: list[str]) -> list[str]:
    """Without another story's headline that a ticker prints twice above this one's
    ("Verdict for X" twice, then "Can the gas be cut off?"): a headline printed twice in
    a row among the first lines, with another headline right after it. A headline
    printed twice above its own first paragraph stays."""
    for i in range(min(len(lines) - 2, _BODY_START_LINES)):
        first, second, after = lines[i], lines[i + 1], lines[i + 2]
        if first == second and _headline_shaped(first) and _headline_shaped(after):
            return lines[:i] + lines[i + 2 :]
    return lines


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
        if furniture and not any(_is_body(p.text) for p in kept):
            continue  # a dateline above the body (under a label) looks like a sidebar timestamp
        if any(rule.search(text) for rule in cut_from):
            # a one- or two-word section label ("Politics") heads the sidebar it opens
            if kept and not _is_body(kept[-1].text):
                kept.pop()
            break
        if furniture:
            continue
        kept.append(Paragraph(text=text, background=is_background(text)))
    return kept


def _is_body(text: str) -> bool:
    """Reporting, not a one- or two-word label ("Politics", "Статья")."""
    return len(text.split()) > 2 or text.endswith(".")
