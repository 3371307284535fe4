"""One settings object, read from environment variables that all start with ``MONITOR_``.

Every setting has an explicit default that works on a fresh clone; secrets (the SMTP
password, the web app's secret key) are only ever read from the environment and never
printed (see :meth:`Settings.redacted`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PREFIX = "MONITOR_"
SECRET_FIELDS = frozenset({"smtp_password", "secret_key"})
URL_FIELDS = frozenset({"db_url", "redis_url"})  # may carry a password
SECRET_PARAMETERS = re.compile(r"(?i)^(password|passwd|pwd|pass|secret|token|api_?key|key)$")


def mask_url(url: str) -> str:
    """``url`` fit to print: the password of its user part and secret-looking query
    parameters (``?password=...``) replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "***"
    shown = url
    if "@" in parts.netloc:
        user, _, host = parts.netloc.rpartition("@")
        name, colon, _ = user.partition(":")
        shown = shown.replace(parts.netloc, f"{name}{':***' if colon else ''}@{host}", 1)
    if parts.query:
        query = "&".join(
            f"{key}=***" if SECRET_PARAMETERS.match(key) else f"{key}{sep}{value}"
            for key, sep, value in (item.partition("=") for item in parts.query.split("&"))
        )
        shown = shown.replace("?" + parts.query, "?" + query, 1)
    return shown


def _default_home() -> Path:
    return Path.cwd() / "var"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=_default_home)
    db_url: str = ""
    outlets_dir: Path | None = None
    user_agent: str = "case-monitor/0.1 (+https://github.com/case-monitor; monitor@example.org)"
    contact: str = "monitor@example.org"
    concurrent_per_domain: int = 1
    download_delay: float = 1.0
    max_page_bytes: int = 5_000_000
    http_cache: bool = False
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_security: str = "none"  # none, starttls, tls
    smtp_timeout: float = 30.0
    mail_from: str = "Case Monitor <monitor@localhost>"
    operator_email: str = ""
    base_url: str = "http://127.0.0.1:8080"
    secret_key: str = ""
    timezone: str = "Asia/Baku"
    digest_hour: int = 8
    log_json: bool = False
    scrapy_log_level: str = "WARNING"
    redis_url: str = ""
    crawl_id: str = "default"
    crawl_time_limit: float = 1200.0  # seconds an outlet's crawl may take, unless its file says
    crawl_processes: int = 4  # outlets crawled at once, each in its own process
    trusted_proxies: str = ""  # reverse proxies whose X-Forwarded-For names the client
    outbox_keep_days: int = 90  # 0 keeps the .eml copies for ever

    @property
    def db_path(self) -> Path:
        return self.home / "monitor.db"

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.db_path}"

    @property
    def outbox_dir(self) -> Path:
        return self.home / "outbox"

    @property
    def shown_database(self) -> str:
        """Where the database is, fit to print (a URL's password masked)."""
        return mask_url(self.db_url) if self.db_url else str(self.db_path)

    def redacted(self) -> dict[str, str]:
        """Settings as text, secrets masked: safe for logs and `monitor status`."""
        shown: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in SECRET_FIELDS and value:
                shown[f.name] = "***"
            elif f.name in URL_FIELDS and value:
                shown[f.name] = mask_url(str(value))
            else:
                shown[f.name] = str(value)
        return shown


def _convert(raw: str, current: object, name: str) -> object:
    if isinstance(current, bool):
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off", ""}:
            return False
        raise ValueError(f"{PREFIX}{name.upper()} must be true or false, not {raw!r}")
    if isinstance(current, int):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(
                f"{PREFIX}{name.upper()} must be a whole number, not {raw!r}"
            ) from None
    if isinstance(current, float):
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"{PREFIX}{name.upper()} must be a number, not {raw!r}") from None
    if isinstance(current, Path) or name in {"home", "outlets_dir"}:
        return Path(raw).expanduser()
    return raw


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from ``environ`` (default: the process environment)."""
    env = os.environ if environ is None else environ
    base = Settings()
    changes: dict[str, Any] = {}
    for f in fields(base):
        key = PREFIX + f.name.upper()
        if key in env:
            changes[f.name] = _convert(env[key], getattr(base, f.name), f.name)
    settings = replace(base, **changes)
    if settings.smtp_security not in {"none", "starttls", "tls"}:
        raise ValueError(
            f"{PREFIX}SMTP_SECURITY must be none, starttls or tls, not {settings.smtp_security!r}"
        )
    if settings.crawl_time_limit <= 0 or settings.crawl_processes < 1:
        raise ValueError(
            f"{PREFIX}CRAWL_TIME_LIMIT must be positive and {PREFIX}CRAWL_PROCESSES at least 1"
        )
    from monitor.web.clients import trusted_networks

    trusted_networks(settings.trusted_proxies)  # a bad entry is refused at once
    if settings.outbox_keep_days < 0:
        raise ValueError(
            f"{PREFIX}OUTBOX_KEEP_DAYS must be 0 (keep for ever) or more, "
            f"not {settings.outbox_keep_days}"
        )
    return settings
