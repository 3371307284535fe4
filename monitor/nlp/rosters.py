"""Rosters: people listed one after another, which an NER often leaves untagged.

A sentence or paragraph that introduces defendants or prisoners (a cue of
``nlp_names.yaml``: "defendants", "political prisoners", "обвиняемые", "среди них",
"were sentenced") is read from its cue to its end, and, where it ends with a colon,
over the lines that follow while they look like list items (short, or numbered). The
region is cut into items at commas, semicolons, "and", «и», line breaks and numbers;
in each item the run of capitalised words (two to four, a kinship marker allowed, a
description before it skipped: "journalist Ulvi Hasanli") is a person when it is shaped
like a name (a surname's ending, or the whole item). Rosters only fill in: a span that
another finder found wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from monitor.names import is_patronymic, looks_like_surname
from monitor.names.markers import is_kinship_marker
from monitor.nlp.resources import compile_words, load_data
from monitor.nlp.sentences import doc_text

_SEPARATORS = re.compile(r"\s*(?:[,;•·]|\band\b|\bи\b|\n|(?<!\w)\d{1,3}[.)](?=\s))\s*")
_LIST_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–—•·*])\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SHORT_LINE_WORDS = 8


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    cues = load_data("nlp_names.yaml")["roster_cues"]
    pattern = compile_words([*cues["en"], *cues["ru"]])
    assert pattern is not None
    return pattern


def _limits() -> tuple[int, int, int]:
    data = load_data("nlp_names.yaml")
    low, high = data["roster_name_words"]
    return int(data["roster_item_words"]), int(low), int(high)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence holding ``start`` ends (a full stop before a space and a capital
    letter, or the end of the line)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    found = re.compile(r"[.!?](?=\s+[A-ZА-ЯЁ«\"])").search(text, start, line_end)
    return found.start() if found else line_end


def _regions(text: str) -> list[tuple[int, int]]:
    """The stretches of text a cue introduces as a list."""
    regions: list[tuple[int, int]] = []
    for cue in _cue().finditer(text):
        start, end = cue.end(), _sentence_end(text, cue.end())
        if text[start:end].rstrip().endswith(":") or text[end : end + 1] in ("", "\n"):
            end = _following_list_lines(text, end)
        if regions and start < regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return regions


def _following_list_lines(text: str, end: int) -> int:
    """Extend a region that ends a line with a colon over the list lines after it."""
    if not text[:end].rstrip().endswith(":"):
        return end
    position = end
    while position < len(text):
        line_end = text.find("\n", position + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end].strip()
        if not line:
            position = line_end
            continue
        if not (_LIST_LINE.match(line) or len(line.split()) <= _SHORT_LINE_WORDS):
            break
        position = line_end
    return position


def _name_run(item: str) -> tuple[int, int] | None:
    """Where the one name in an item stands (None: none, or two): a run of capitalised
    words, next to each other with nothing but spaces between, that ends or starts with a
    surname's ending, or that is the whole item ("3. Ali Zeynal")."""
    longest, low, high = _limits()
    words = list(_WORD.finditer(item))
    if not words or len(words) > longest:
        return None
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for word in words:
        text = word.group()
        joined = not current or not item[current[-1].end() : word.start()].strip()
        if not joined:
            runs.append(current)
            current = []
        if text[:1].isupper() or (current and (is_kinship_marker(text) or is_patronymic(text))):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    named = [r for r in runs if low <= len(r) <= high and _person_shaped(item, r)]
    if len(named) != 1:
        return None
    return named[0][0].start(), named[0][-1].end()


def _person_shaped(item: str, run: list[re.Match[str]]) -> bool:
    if looks_like_surname(run[-1].group()) or looks_like_surname(run[0].group()):
        return True
    return item[: run[0].start()].strip() == "" and item[run[-1].end() :].strip(" .") == ""


def roster_spans(doc: Doc) -> list[Span]:
    """The people rosters in ``doc`` list, as PERSON spans."""
    text = doc_text(doc)
    spans: list[Span] = []
    for start, end in _regions(text):
        position = start
        for separator in [*_SEPARATORS.finditer(text, start, end), None]:
            item_end = separator.start() if separator else end
            run = _name_run(text[position:item_end])
            if run is not None:
                span = doc.char_span(
                    position + run[0], position + run[1], label="PERSON", alignment_mode="contract"
                )
                if span is not None:
                    spans.append(span)
            position = separator.end() if separator else end
    return spans
