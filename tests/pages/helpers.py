from __future__ import annotations

from pathlib import Path

from monitor.model import Article
from monitor.outlets import get_outlet
from monitor.pages import parse_html, parse_page

FILES = Path(__file__).resolve().parents[1] / "files"


def saved(slug: str, name: str) -> bytes:
    return (FILES / slug / name).read_bytes()


def parse_saved(
    slug: str, name: str, url: str | None = None, known_outlet: bool = False
) -> Article:
    raw = saved(slug, name)
    if known_outlet:
        return parse_page(raw, url, get_outlet(slug))
    return parse_html(raw, url)
