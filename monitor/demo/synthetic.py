"""A larger replay site, cloned from the demo pages, for benchmarks and scale tests.

The demo's Russian Caucasian Knot article pages are copied under new article numbers
and linked from paginated listings (``/rubric/41?page=k``), with an outlet file whose
listing walk is long enough to reach them all.
"""

from __future__ import annotations

import re
from pathlib import Path

from monitor.datafiles import DATA_DIR
from monitor.demo.replay import SITE_ROOT

SLUG = "kavkaz_uzel_ru"
PER_PAGE = 20
FIRST_NUMBER = 500_000


def build_site(target: Path, articles: int) -> list[int]:
    """Write ``articles`` article pages and their listings under ``target/<slug>``;
    returns the article numbers, newest first."""
    source = SITE_ROOT / SLUG
    folder = target / SLUG
    (folder / "articles").mkdir(parents=True)
    (folder / "rubric").mkdir()
    (folder / "robots.txt").write_bytes((source / "robots.txt").read_bytes())
    templates = sorted((source / "articles").glob("*.html"))
    numbers = list(range(FIRST_NUMBER + articles, FIRST_NUMBER, -1))
    for index, number in enumerate(numbers):
        template = templates[index % len(templates)]
        raw = template.read_bytes()
        raw = re.sub(rb"/articles/" + template.stem.encode(), b"/articles/%d" % number, raw)
        (folder / "articles" / f"{number}.html").write_bytes(raw)
    pages = [numbers[i : i + PER_PAGE] for i in range(0, len(numbers), PER_PAGE)]
    for page_no, chunk in enumerate(pages, start=1):
        links = "".join(f'<div><a href="/articles/{n}">Item {n}</a></div>' for n in chunk)
        more = f'<a href="/rubric/41?page={page_no + 1}">next</a>' if page_no < len(pages) else ""
        html = f"<html><body>{links}{more}</body></html>"
        name = "41.html" if page_no == 1 else f"41@page={page_no}.html"
        (folder / "rubric" / name).write_text(html, encoding="utf-8")
    return numbers


def outlet_override(target: Path, articles: int) -> Path:
    """A folder with the bundled outlet file, its listing walk long enough for the site
    and no feed (the cloned site has none); use it as ``MONITOR_OUTLETS_DIR``."""
    folder = target / "outlets"
    folder.mkdir()
    pages = articles // PER_PAGE + 2
    text = (DATA_DIR / "outlets" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"max_listing_pages: \d+", f"max_listing_pages: {pages}", text)
    text = re.sub(r"feeds:\n  - /articles.rss", "feeds: []", text)
    (folder / f"{SLUG}.yaml").write_text(text, encoding="utf-8")
    return folder
