from __future__ import annotations

from collections.abc import Iterator

import pytest

from monitor.demo.replay import ReplaySite

# crawl as fast as loopback allows: politeness is tested by its settings, not by waiting
FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "MONITOR_BACKOFF_MAX_DELAY": "0",
    "LOG_LEVEL": "WARNING",
}


@pytest.fixture(scope="module")
def replay() -> Iterator[ReplaySite]:
    with ReplaySite() as site:
        yield site
