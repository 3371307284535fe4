"""Outlets as data: one YAML file per outlet in ``monitor/data/outlets/``.

A file says where an outlet's feeds and listings are, which paths are articles, which
selectors find the text, its language, time zone, schedule and how many articles a day
it usually publishes (for the crawl health checks). Adding an outlet is adding a file.

An outlet's base URL can be pointed elsewhere (the local replay site, a mirror) with the
environment variable ``MONITOR_OUTLET_URL_<SLUG>`` or a spider argument.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from monitor.datafiles import DATA_DIR

OUTLETS_DIR = DATA_DIR / "outlets"
URL_ENV_PREFIX = "MONITOR_OUTLET_URL_"
HOST_PREFIXES = ("www.", "m.", "amp.")


class OutletError(ValueError):
    """An outlet file that is missing a field or has a wrong one."""


@dataclass(frozen=True)
class Selectors:
    container: tuple[str, ...] = ()
    title: tuple[str, ...] = ("h1",)
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    base_url: str
    article_url: re.Pattern[str]
    spider: str = "generic"
    language: str | None = None
    language_by_path: tuple[tuple[str, str], ...] = ()
    edition: str | None = None
    country: str | None = None
    hosts: tuple[str, ...] = ()
    timezone: str = "UTC"
    schedule: str = "every 1h"
    # seconds a crawl of this outlet may take; None: MONITOR_CRAWL_TIME_LIMIT
    time_limit: float | None = None
    min_articles_per_day: float = 0.0
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    pagination: str = "?page={page}"
    max_listing_pages: int = 3
    selectors: Selectors = field(default_factory=Selectors)

    @cached_property
    def bare_hosts(self) -> frozenset[str]:
        return frozenset(bare_host("//" + h) for h in self.hosts)

    def owns(self, url: str) -> bool:
        """Whether ``url`` is on one of this outlet's hosts (or mirrors)."""
        return bare_host(url) in self.bare_hosts

    def is_article(self, url: str) -> bool:
        return self.article_url.match(urlsplit(url).path or "/") is not None

    def number(self, url: str) -> str | None:
        """The article number in ``url`` where the outlet numbers its articles."""
        match = self.article_url.match(urlsplit(url).path or "/")
        if match is None or "number" not in match.groupdict():
            return None
        return match.group("number")

    def identity(self, url: str) -> str:
        """What identifies an article whichever host served it: the store key for
        numbered editions (``ck-ru:420287``), else the outlet and the normalised path."""
        number = self.number(url)
        if self.edition and number:
            return f"{self.edition}:{number}"
        path = urlsplit(url).path.rstrip("/") or "/"
        return f"{self.slug}:{path}"

    def language_for(self, url: str | None) -> str | None:
        if url:
            path = urlsplit(url).path
            for prefix, language in self.language_by_path:
                if path.startswith(prefix):
                    return language
        return self.language

    def effective_base_url(self, override: str | None = None) -> str:
        env = os.environ.get(URL_ENV_PREFIX + self.slug.upper())
        return (override or env or self.base_url).rstrip("/")


DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?|h|hours?)?$", re.I)
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600}


def parse_duration(value: object, source: str = "outlet file") -> float:
    """Seconds from ``90``, ``90s``, ``20m`` or ``1h``; positive."""
    match = DURATION.match(str(value).strip())
    if match is None or float(match.group(1)) <= 0:
        raise OutletError(f"{source}: time_limit {value!r} should read like 90s, 20m or 1h")
    unit = (match.group(2) or "s")[0].lower()
    return float(match.group(1)) * DURATION_UNITS[unit]


def bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def outlet_from_mapping(data: dict[str, Any], source: str = "outlet file") -> Outlet:
    for required in ("slug", "name", "base_url", "article_url"):
        if not data.get(required):
            raise OutletError(f"{source}: '{required}' is required")
    try:
        pattern = re.compile(str(data["article_url"]))
    except re.error as error:
        raise OutletError(f"{source}: article_url is not a regular expression: {error}") from None
    raw_selectors = data.get("selectors") or {}
    selectors = Selectors(
        container=_strings(raw_selectors.get("container")),
        title=_strings(raw_selectors.get("title")) or ("h1",),
        date=_strings(raw_selectors.get("date")),
        author=_strings(raw_selectors.get("author")),
        drop=_strings(raw_selectors.get("drop")),
    )
    base = str(data["base_url"]).rstrip("/")
    hosts = _strings(data.get("hosts")) or (urlsplit(base).hostname or "",)
    return Outlet(
        slug=str(data["slug"]),
        name=str(data["name"]),
        base_url=base,
        article_url=pattern,
        spider=str(data.get("spider", "generic")),
        language=data.get("language"),
        language_by_path=tuple(
            (str(k), str(v)) for k, v in (data.get("language_by_path") or {}).items()
        ),
        edition=data.get("edition"),
        country=data.get("country"),
        hosts=hosts,
        timezone=str(data.get("timezone", "UTC")),
        schedule=str(data.get("schedule", "every 1h")),
        time_limit=(parse_duration(data["time_limit"], source) if data.get("time_limit") else None),
        min_articles_per_day=float(data.get("min_articles_per_day", 0)),
        feeds=_strings(data.get("feeds")),
        listings=_strings(data.get("listings")),
        pagination=str(data.get("pagination", "?page={page}")),
        max_listing_pages=int(data.get("max_listing_pages", 3)),
        selectors=selectors,
    )


def load_outlet_file(path: Path) -> Outlet:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise OutletError(f"{path}: expected a mapping")
    return outlet_from_mapping(data, str(path))


@cache
def load_outlets(extra: Path | None = None) -> dict[str, Outlet]:
    """The bundled outlets and those in ``extra`` (which win on equal slugs), by slug."""
    folders = [OUTLETS_DIR, *([extra] if extra else [])]
    outlets = [load_outlet_file(p) for folder in folders for p in sorted(folder.glob("*.yaml"))]
    return {outlet.slug: outlet for outlet in outlets}


def all_outlets() -> dict[str, Outlet]:
    """The outlets of this installation (``MONITOR_OUTLETS_DIR`` adds or replaces files)."""
    extra = os.environ.get("MONITOR_OUTLETS_DIR")
    return load_outlets(Path(extra).expanduser() if extra else None)


def get_outlet(slug: str) -> Outlet:
    outlets = all_outlets()
    try:
        return outlets[slug]
    except KeyError:
        raise OutletError(f"no outlet {slug!r}; known: {', '.join(outlets)}") from None


def outlet_for_url(url: str | None) -> Outlet | None:
    """The outlet a URL belongs to, by host; English and Russian Caucasian Knot share
    ``caucasianknot.*`` names, which the file lists under the edition they serve."""
    if not url:
        return None
    for outlet in all_outlets().values():
        if outlet.owns(url):
            return outlet
    return None
