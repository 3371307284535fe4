"""`make bench`: every benchmark in turn, each printing its own ratios.

    .venv/bin/python -m bench [--quick]

``--quick`` runs smaller sizes (minutes instead of the better part of an hour). The
output is also written to ``bench/out/latest.txt``; the figures recorded with the
machine they were measured on are in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FULL = [
    ("extraction", ["bench.bench_extraction"]),
    ("matching", ["bench.bench_matching"]),
    ("crawl", ["bench.bench_crawl"]),
    ("processing", ["bench.bench_processing"]),
]
QUICK_ARGS = {
    "extraction": ["--articles", "100"],
    "crawl": ["--articles", "200"],
    "processing": ["--articles", "300", "--memory-articles", "2000"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    machine = platform.processor() or platform.machine()
    lines = [f"# {time.strftime('%Y-%m-%d %H:%M')}, {machine}, Python {platform.python_version()}"]
    for name, module in FULL:
        extra = QUICK_ARGS.get(name, []) if args.quick else []
        print(f"== {name}", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", *module, *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        print(done.stdout, end="", flush=True)
        if done.returncode:
            print(done.stderr[-2000:], file=sys.stderr)
        lines += [f"== {name}", done.stdout.rstrip()]
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "latest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
