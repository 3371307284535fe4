"""An article's text as HTML with what extraction found marked, built safely.

Article text is untrusted. Every text segment goes through :func:`markupsafe.escape`;
the only markup added is ``<p>`` per line and ``<mark>`` elements whose classes come
from :data:`KINDS` (never from the article) and whose ``title`` is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

KINDS = ("person", "facility", "charge", "event", "focus")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str = ""


def _segments(line: str, offset: int, spans: Sequence[Span]) -> Iterable[tuple[str, list[Span]]]:
    end_of_line = offset + len(line)
    inside = [s for s in spans if s.start < end_of_line and s.end > offset]
    cuts = {offset, end_of_line}
    for span in inside:
        cuts.add(min(max(span.start, offset), end_of_line))
        cuts.add(min(max(span.end, offset), end_of_line))
    points = sorted(cuts)
    for a, b in pairwise(points):
        if a == b:
            continue
        covering = [s for s in inside if s.start <= a and s.end >= b]
        yield line[a - offset : b - offset], covering


def _mark(text: str, covering: Sequence[Span]) -> Markup:
    if not covering:
        return escape(text)
    kinds = [k for k in KINDS if any(s.kind == k for s in covering)]
    labels = sorted({s.label for s in covering if s.label})
    return Markup('<mark class="{}" title="{}">{}</mark>').format(
        " ".join(f"hl-{k}" for k in kinds), "; ".join(labels), text
    )


def highlight(
    text: str, spans: Iterable[Span], background: Sequence[tuple[int, int]] = ()
) -> Markup:
    """``text`` (title, then one paragraph a line) as paragraphs with spans marked.

    Spans of unknown kinds or outside the text are ignored; overlapping spans mark
    the overlap with every kind.
    """
    usable = [s for s in spans if s.kind in KINDS and 0 <= s.start < s.end and s.start < len(text)]
    out: list[Markup] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        classes = ["title"] if number == 0 else []
        if any(a <= offset < b for a, b in background):
            classes.append("background")
        body = Markup("").join(
            _mark(part, cover) for part, cover in _segments(line, offset, usable)
        )
        out.append(Markup('<p class="{}">{}</p>').format(" ".join(classes), body))
        offset += len(line) + 1
    return Markup("\n").join(out)
