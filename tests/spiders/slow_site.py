"""Loopback sites for crawls that must end: one quick, one whose articles hang."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from tests.spiders.faulty_site import LoopbackSite

OUTLET_FILE = """\
slug: {slug}
name: {slug} news
spider: generic
language: ru
base_url: https://{slug}.example.org
timezone: Asia/Baku
listings: [/news]
article_url: '^/articles/(?P<number>\\d+)$'
selectors:
  container: [article]
{extra}"""


def article(number: int) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>Суд</title></head><body><article>"
        f"<h1>Суд продлил арест активиста {number}</h1>"
        "<time datetime='2026-02-05T10:00:00+04:00'></time>"
        f"<p>Суд в Баку продлил срок ареста активиста номер {number} на три месяца.</p>"
        "</article></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    server: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        if self.path == "/news":
            links = "".join(f'<a href="/articles/{n}">{n}</a>' for n in range(1, 4))
            self._send(f"<html><body>{links}</body></html>".encode())
        elif self.path.startswith("/articles/"):
            number = int(self.path.rsplit("/", 1)[1])
            if number in self.server.hanging:
                self.server.hung.set()
                self.server.release.wait(120)  # until the test ends
                return
            self._send(article(number))
        else:
            self._send(b"", status=404)

    def _send(self, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class Site(LoopbackSite):
    """Serves /news and /articles/1-3; the article numbers in ``hanging`` never answer."""

    def __init__(self, hanging: frozenset[int] = frozenset()) -> None:
        super().__init__(Handler)
        self.hanging = hanging
        self.hung = threading.Event()  # a crawler is waiting on a hanging page
        self.release = threading.Event()

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        super().__exit__(*exc)


class OfflineResolver(CachingThreadedResolver):
    """Names under ``.invalid`` do not resolve, as they never do, without asking a DNS
    server (tests never reach the network)."""

    def getHostByName(self, name: str, timeout: object = ()) -> defer.Deferred[str]:
        if name.endswith(".invalid"):
            return defer.fail(DNSLookupError(f"no results for hostname lookup: {name}"))
        return super().getHostByName(name, timeout)  # type: ignore[no-any-return]
