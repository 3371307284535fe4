"""Logging and progress: rich on a terminal, plain (or JSON) log lines otherwise."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")
log = logging.getLogger("monitor")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: what log shippers and `journalctl -o cat` want."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def interactive() -> bool:
    return sys.stderr.isatty()


# The project's own loggers; every other library logs warnings only, unless -v.
OWN_LOGGERS = ("monitor", "spiders", "pipelines", "settings")
# Libraries that stay at warnings even with -v: their INFO is a flood.
NOISY = (
    "scrapy",
    "twisted",
    "filelock",
    "urllib3",
    "trafilatura",
    "htmldate",
    "alembic",
    "mail.log",
)


def setup_logging(verbose: bool = False, as_json: bool = False) -> None:
    """Our INFO lines (DEBUG with ``verbose``); other libraries' warnings only (their
    INFO too with ``verbose``: pymorphy2 loading its dictionaries, waitress...)."""
    handler: logging.Handler
    if as_json:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
    elif interactive():
        handler = RichHandler(console=Console(stderr=True), show_path=False, markup=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)


def progress(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    """Yield ``items`` with a progress bar on a terminal, or a log line every 10 %.

    An item counts as done when it is handed over (the work was done to produce it).
    """
    with batch_progress(total, description) as advance:
        for item in items:
            advance(1)
            yield item


@contextmanager
def batch_progress(total: int, description: str) -> Iterator[Callable[[int], None]]:
    """A callback advancing a progress bar (terminal) or logging every 10 % (otherwise)."""
    if interactive() and total:
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(description, total=total)
            yield lambda n: bar.advance(task, n)
        return
    done = {"n": 0, "logged": 0}
    step = max(1, total // 10)

    def advance(n: int) -> None:
        done["n"] += n
        if done["n"] - done["logged"] >= step or done["n"] >= total:
            done["logged"] = done["n"]
            log.info("%s: %d/%d", description, done["n"], total)

    yield advance
