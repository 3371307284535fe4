"""Crawl throughput on the local replay site, against a bare Scrapy spider.

    .venv/bin/python bench/bench_crawl.py [--articles 400]

Builds a larger replay site in a temporary folder (the demo's Russian Caucasian Knot
pages, cloned under new article numbers, with paginated listings), then:

1. crawls it with the project's spider, parsing and storing every article into a fresh
   SQLite database;
2. crawls it with a bare Scrapy spider (same settings, follows the same links, parses
   and stores nothing);
3. re-runs the project's crawl with nothing new and counts the requests it makes.

Throttling and delays are off for both. Prints figures; the target is a throughput
ratio of at least 0.8 (project / bare) and no article request on the re-run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.config import Settings  # noqa: E402
from monitor.crawl import run_crawl  # noqa: E402
from monitor.demo.replay import ReplaySite  # noqa: E402
from monitor.demo.synthetic import SLUG, build_site, outlet_override  # noqa: E402

FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "MONITOR_BACKOFF_MAX_DELAY": "0",
    "LOG_LEVEL": "WARNING",
}

BARE_SPIDER = r"""
import json, os, re, sys
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

BASE = sys.argv[1]

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        yield scrapy.Request(BASE + "/rubric/41", callback=self.parse_listing)
    def parse_listing(self, response):
        links = [response.urljoin(h) for h in response.css("a::attr(href)").getall()]
        for url in links:
            if re.search(r"/articles/\d+$", url):
                yield scrapy.Request(url, callback=self.parse_article)
            elif "?page=" in url:
                yield scrapy.Request(url, callback=self.parse_listing)
    def parse_article(self, response):
        return None

settings = get_project_settings()
for name, value in json.loads(sys.argv[2]).items():
    settings.set(name, value, priority="cmdline")
settings.set("ITEM_PIPELINES", {}, priority="cmdline")
process = CrawlerProcess(settings)
crawler = process.create_crawler(Bare)
process.crawl(crawler)
process.start()
stats = crawler.stats.get_stats()
print(json.dumps({"pages": stats.get("response_received_count", 0),
                  "elapsed": stats.get("elapsed_time_seconds", 0)}))
"""


def bare_crawl(base_url: str, folder: Path) -> dict[str, float]:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "settings"}
    script = folder / "bare_spider.py"  # Scrapy reads callbacks' source: not from -c
    script.write_text(BARE_SPIDER, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), base_url, json.dumps(FAST)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp)
        build_site(target / "site", args.articles)
        outlets = outlet_override(target, args.articles)
        settings = Settings(home=target / "var", outlets_dir=outlets, download_delay=0.0)
        with ReplaySite(target / "site") as site:
            base = site.base_url(SLUG)
            [ours] = run_crawl(
                settings, [SLUG], base_url_override={SLUG: base}, scrapy_settings=FAST
            )
            bare = bare_crawl(base, target)
            before = site.hits(SLUG)
            [again] = run_crawl(
                settings, [SLUG], base_url_override={SLUG: base}, scrapy_settings=FAST
            )
            after = site.hits(SLUG)
        delta = {path: n - before.get(path, 0) for path, n in after.items()}
        rerun_requests = sum(delta.values())
        rerun_articles = sum(n for path, n in delta.items() if path.startswith("/articles/"))
        ours_rate = ours.pages / (ours.duration_s or 1e-9)
        bare_rate = bare["pages"] / (bare["elapsed"] or 1e-9)
        print(f"articles on the site:        {args.articles}")
        print(
            f"project crawl:               {ours.pages} pages, {ours.new_articles} stored, "
            f"{ours.duration_s:.2f} s, {ours_rate:.0f} pages/s"
        )
        print(
            f"bare Scrapy spider:          {bare['pages']:.0f} pages, {bare['elapsed']:.2f} s, "
            f"{bare_rate:.0f} pages/s"
        )
        print(f"throughput ratio:            {ours_rate / bare_rate:.2f} (target >= 0.8)")
        print(
            f"re-run with nothing new:     {rerun_requests} requests "
            f"({rerun_articles} for articles), {again.new_articles} new articles"
        )


if __name__ == "__main__":
    main()
