"""Processing at scale: two workers against one, and memory over many articles.

    .venv/bin/python -m bench.bench_processing [--articles 400] [--memory-articles 50000]

1. **Workers.** The same generated articles are stored in two fresh SQLite databases and
   processed by the command ``monitor process --workers 1`` and ``--workers 2`` (each
   worker a process that loads its own pipelines; start-up counts for both). Prints both
   times and the speed-up (target >= 1.7 on two cores).
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
import os
import subprocess
import sys
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


def timed(folder: Path, name: str, articles: list[Article], workers: int) -> tuple[float, str]:
    """Wall time of the `monitor process --workers N` command, as a user runs it (start-up
    and imports included for both), on a freshly seeded database."""
    seeded_database(folder, name, articles)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_HOME=str(folder), MONITOR_DB_URL=f"sqlite:///{folder / name}")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "process", "--workers", str(workers)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, done.stdout.strip().splitlines()[-1]


def bench_workers(folder: Path, count: int) -> None:
    articles = generate(count, seed=3)
    words = sum(len(a.text.split()) for a in articles)
    one, said_one = timed(folder, "w1.db", articles, 1)
    two, said_two = timed(folder, "w2.db", articles, 2)
    print(f"articles:                    {count} ({words} words)")
    print(f"one worker:     {one:.1f} s ({words / one:.0f} words/s): {said_one}")
    print(f"two workers:    {two:.1f} s ({words / two:.0f} words/s): {said_two}")
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
        if args.articles:
            bench_workers(Path(tmp), args.articles)
        if args.memory_articles:
            bench_memory(Path(tmp), args.memory_articles)


if __name__ == "__main__":
    main()
