"""Highlighted article text: spans marked, everything from the article escaped."""

from __future__ import annotations

from monitor.web.highlight import Span, highlight


def test_each_line_is_a_paragraph_and_the_first_is_the_title() -> None:
    html = str(highlight("Headline\nFirst line.\nSecond line.", []))
    assert html.count("<p") == 3
    assert '<p class="title">Headline</p>' in html


def test_a_span_is_wrapped_in_a_mark_of_its_kind_with_its_label() -> None:
    html = str(
        highlight("T\nNadir Rustamli was jailed.", [Span(2, 16, "person", "Nadir Rustamli")])
    )
    assert (
        '<mark class="hl-person" title="Nadir Rustamli">Nadir Rustamli</mark> was jailed.' in html
    )


def test_overlapping_spans_mark_the_overlap_with_both_kinds() -> None:
    text = "T\nNadir Rustamli was jailed."
    html = str(highlight(text, [Span(2, 16, "person"), Span(2, len(text), "event")]))
    assert '<mark class="hl-person hl-event" title="">Nadir Rustamli</mark>' in html
    assert '<mark class="hl-event" title=""> was jailed.</mark>' in html


def test_markup_in_the_text_and_in_labels_is_escaped() -> None:
    text = 'T<img src=x onerror=alert(1)>\n<script>window.pwned=1</script> "Ali"'
    start = text.index('"Ali"')
    html = str(highlight(text, [Span(start, start + 5, "person", '"><script>x</script>')]))
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert 'title="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_unknown_kinds_and_spans_outside_the_text_are_ignored() -> None:
    html = str(highlight("T\nbody", [Span(2, 6, 'x" onclick="y'), Span(50, 60, "person")]))
    assert "<mark" not in html
    assert "onclick" not in html


def test_background_paragraphs_are_marked_as_such() -> None:
    html = str(highlight("T\nNews.\nOld news.", [], background=[(8, 17)]))
    assert '<p class="background">Old news.</p>' in html
    assert '<p class="">News.</p>' in html
