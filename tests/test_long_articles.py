"""Articles longer than spaCy takes at once are analysed in parts, with every offset
still pointing into the whole article."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.analysis import Analyzer
from monitor.long_articles import join_extractions, split_article
from monitor.model import (
    Article,
    Case,
    ChargeMention,
    EventMention,
    Extraction,
    Paragraph,
    PersonMention,
)

ARTICLE = Article(
    title="Court hearings of the week",
    paragraphs=[
        Paragraph("A short opening paragraph."),
        Paragraph("Another paragraph that is a little longer than the first one was."),
        Paragraph("x" * 130 + ". " + "y" * 90 + " " + "z" * 40),  # longer than a part
        Paragraph("Background: the case began last year.", background=True),
        Paragraph("The closing paragraph."),
    ],
)


def text_of(part_text: str, shift: int, whole: str) -> str:
    """Where a part's text lies in the whole text (a later part opens with a newline)."""
    start = 1 if shift else 0
    return whole[shift + start : shift + len(part_text)]


def test_a_short_article_is_one_part_that_is_itself() -> None:
    (part,) = split_article(ARTICLE)
    assert part.article is ARTICLE and part.shift == 0


def test_every_part_is_short_enough_and_lies_in_the_article_at_its_shift() -> None:
    parts = split_article(ARTICLE, limit=100)
    whole = ARTICLE.text
    assert len(parts) > 3
    assert parts[0].article.text == whole[: len(parts[0].article.text)]
    for part in parts:
        assert len(part.article.text) <= 100
        assert part.article.text[1 if part.shift else 0 :] == text_of(
            part.article.text, part.shift, whole
        )
    assert [p.background for part in parts for p in part.article.paragraphs].count(True) == 1


def test_a_long_paragraph_is_cut_between_sentences_first() -> None:
    parts = split_article(ARTICLE, limit=200)
    pieces = [p.text for part in parts for p in part.article.paragraphs if p.text[0] in "xyz"]
    assert pieces[0].endswith("x. ")


def test_joined_extractions_point_into_the_whole_article_and_merge_people() -> None:
    parts = split_article(ARTICLE, limit=100)
    later = parts[-1]
    name = "The closing"
    at = later.article.text.index(name)

    def person(start: int) -> PersonMention:
        return PersonMention(name=name, normalized=name, forms=[name], spans=[(start, start + 11)])

    first = Extraction(language="en", relevant=False, people=[person(27)])
    last = Extraction(
        language="en",
        relevant=True,
        people=[PersonMention(name="Other", normalized="Other"), person(at)],
        charges=[ChargeMention(text=name, code="fraud", start=at, end=at + 11, person=1)],
        events=[EventMention(type="trial", sentence=name, start=at, end=at + 11, person=1)],
    )
    empty = [Extraction(language="en", relevant=False) for _ in parts[1:-1]]
    joined = join_extractions(parts, [first, *empty, last])
    whole = ARTICLE.text
    assert joined.relevant
    assert [p.normalized for p in joined.people] == [name, "Other"]
    assert [whole[s:e] for s, e in joined.people[0].spans] == [whole[27:38], name]
    (charge,) = joined.charges
    (event,) = joined.events
    assert whole[event.start : event.end] == name and event.person == 0
    assert charge.person == 0


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_analysed_to_its_end() -> None:
    filler = " ".join(["Weather" + "s" * 90] * 100)  # few tokens, many characters
    paragraphs = [Paragraph(filler) for _ in range(110)]
    paragraphs.append(
        Paragraph("On 3 March 2025 the court in Baku sentenced Mohyaddin Orujov to nine years.")
    )
    article = Article(
        title="A long record",
        paragraphs=paragraphs,
        language="en",
        published=dt.datetime(2025, 3, 4, tzinfo=dt.UTC),
    )
    assert len(article.text) > 1_000_000
    analyzer = Analyzer([Case(id="orujov-mohyaddin", name="Mohyaddin Orujov")])
    analysis = analyzer.analyze(article)
    assert "orujov-mohyaddin" in {match.case_id for match in analysis.matches}
    (sentence,) = [e for e in analysis.extraction.events if e.type == "sentence"]
    assert article.text[sentence.start : sentence.end].startswith("On 3 March 2025")
