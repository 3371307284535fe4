"""Processing at scale: two workers against one, and memory over many articles.

    .venv/bin/python -m bench.bench_processing [--articles 400] [--memory-articles 50000]

1. **Workers.** The same generated articles are stored in two fresh SQLite databases and
   processed with ``--workers 1`` and ``--workers 2`` (each worker a process that loads
   its own pipelines). Prints both times and the speed-up (target >= 1.7 on two cores).
2. **Memory.** ``--memory-articles`` generated articles are stored and processed by one
   worker in this process while a thread samples its resident memory; prints the RSS
   after the first tenth and at the end, and the peak (target: flat, under 1.5 GB).

Articles come from the extraction benchmark's templates with known-case names mixed in,
so matching, timelines and alerts do real work too.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bench.bench_extraction import generate
from monitor.db.session import session_factory, upgrade
from monitor.model import Article, Case
from monitor.processing import process_pending
from monitor.registry import import_cases
from monitor.store import store_article

CASES = [
    Case(id="ismayilov-rauf", name="Rauf Ismayilov", charges=["smuggling"]),
    Case(id="hasanova-leyla", name="Leyla Hasanova", gender="f"),
    Case(id="guliyev-elnur", name="Elnur Guliyev", charges=["fraud"]),
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def seeded_database(folder: Path, name: str, articles: list[Article]) -> sessionmaker[Session]:
    url = f"sqlite:///{folder / name}"
    upgrade(url)
    sessions = session_factory(url)
    with sessions() as session:
        import_cases(session, CASES)
        for index, article in enumerate(articles):
            published = (article.published or dt.datetime(2025, 3, 1)).replace(tzinfo=dt.UTC)
            stored = dataclasses.replace(
                article, url=f"https://example.org/{index}", published=published
            )
            store_article(session, stored)
            if index % 1000 == 999:
                session.commit()
        session.commit()
    return sessions


def timed(sessions: sessionmaker[Session], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    report = process_pending(sessions, workers=workers)
    return time.perf_counter() - start, report.processed


def bench_workers(folder: Path, count: int) -> None:
    articles = generate(count, seed=3)
    words = sum(len(a.text.split()) for a in articles)
    one, done_one = timed(seeded_database(folder, "w1.db", articles), 1)
    two, done_two = timed(seeded_database(folder, "w2.db", articles), 2)
    print(f"articles:                    {count} ({words} words)")
    print(f"one worker:     {one:.1f} s ({done_one} processed, {words / one:.0f} words/s)")
    print(f"two workers:    {two:.1f} s ({done_two} processed, {words / two:.0f} words/s)")
    print(f"speed-up, two against one:   {one / two:.2f} (target >= 1.7 on two cores)")


def bench_memory(folder: Path, count: int) -> None:
    sessions = seeded_database(folder, "memory.db", generate(count, seed=5))
    samples: list[tuple[int, float]] = []
    processed = {"n": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(1.0):
            samples.append((processed["n"], rss_mb()))

    def on_batch(size: int) -> None:
        processed["n"] += size

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    report = process_pending(sessions, on_batch=on_batch)
    stop.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    early = next((mb for n, mb in samples if n >= count // 10), samples[0][1] if samples else 0.0)
    late = samples[-1][1] if samples else rss_mb()
    peak = max((mb for _, mb in samples), default=rss_mb())
    print(f"memory run:                  {report.processed} articles in {elapsed:.0f} s")
    print(f"RSS after 10 %:              {early:.0f} MB")
    print(f"RSS at the end:              {late:.0f} MB (growth {late - early:+.0f} MB)")
    print(f"RSS peak:                    {peak:.0f} MB (target: flat, under 1536 MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--memory-articles", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_workers(Path(tmp), args.articles)
        if args.memory_articles:
            bench_memory(Path(tmp), args.memory_articles)


if __name__ == "__main__":
    main()
