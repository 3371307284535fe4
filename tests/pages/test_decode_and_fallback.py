"""Pages that are not what the outlet files expect: other charsets, other layouts, junk."""

from __future__ import annotations

import pytest

from monitor.outlets import get_outlet
from monitor.pages import PageError, parse_html, parse_page
from monitor.pages.decode import decode_html
from monitor.pages.dom import flatten_deep

RUSSIAN = "Активиста перевели в колонию"
TURAN_URL = "https://www.turan.az/en/politics/court-extends-detention-7735"


def test_declared_windows_1251_is_decoded() -> None:
    raw = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    assert RUSSIAN in decode_html(raw.encode("cp1251"))


def test_undeclared_windows_1251_is_detected() -> None:
    raw = f"<html><body><p>{RUSSIAN}. {RUSSIAN} в прошлом месяце.</p></body></html>"
    assert RUSSIAN in decode_html(raw.encode("cp1251"))


def test_a_wrong_declaration_does_not_raise() -> None:
    raw = f'<html><head><meta charset="utf-8"></head><body>{RUSSIAN}</body></html>'
    assert decode_html(raw.encode("cp1251"))


def test_unknown_page_falls_back_to_trafilatura() -> None:
    body = " ".join(["The appeal court in Baku upheld the sentence of the activist today."] * 6)
    raw = (
        "<html><head><title>Court upholds sentence</title></head><body><nav>Home | About</nav>"
        f"<div class='story'><h1>Court upholds sentence</h1><p>{body}</p><p>{body}</p></div>"
        "</body></html>"
    ).encode()
    article = parse_html(raw, "https://news.example.org/2026/02/court")
    assert article.outlet is None
    assert article.title == "Court upholds sentence"
    assert article.paragraphs and "upheld the sentence" in article.body
    assert "Home | About" not in article.body


def test_empty_page_is_an_error_not_a_crash() -> None:
    with pytest.raises(PageError):
        parse_html(b"   ")


def test_malformed_markup_still_parses() -> None:
    raw = b"<html><body><div class='articles-body'><h1>Title<p>Unclosed text about a court"
    article = parse_html(raw)
    assert article.edition == "ck-ru"
    assert article.title.startswith("Title")


def nested_page(depth: int) -> bytes:
    text = "<p>Суд в Баку продлил арест журналиста на три месяца, сообщил адвокат.</p>"
    return (
        "<html><body><article><h1>Суд продлил арест</h1>"
        + "<div>" * depth
        + text
        + "</div>" * depth
        + "<p>Адвокат обжалует решение суда.</p></article></body></html>"
    ).encode()


def test_a_page_of_50000_nested_divs_keeps_its_text() -> None:
    article = parse_page(nested_page(50_000), TURAN_URL, get_outlet("turan"))
    assert [p.text for p in article.paragraphs] == [
        "Суд в Баку продлил арест журналиста на три месяца, сообщил адвокат.",
        "Адвокат обжалует решение суда.",
    ]


def test_flattening_keeps_the_text_and_leaves_shallow_pages_alone() -> None:
    shallow = "<div><div><p>x</p></div></div>"
    assert flatten_deep(shallow) is shallow
    deep = "<div>" * 5 + "<b>text</b>" + "</div>" * 5
    assert flatten_deep(deep, limit=2) == "<div><div>text</div></div>"
