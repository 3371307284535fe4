"""A loopback site that misbehaves in every way a crawler must survive."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

GOOD_ARTICLE = (
    '<html><head><meta charset="windows-1251"><title>Суд</title></head><body>'
    "<article><h1>Суд продлил арест активиста</h1><time datetime='2026-02-05T10:00:00+04:00'>"
    "</time><p>Суд в Баку продлил срок ареста активиста еще на три месяца, сообщил адвокат.</p>"
    "</article></body></html>"
).encode("cp1251")
LISTING = "".join(f'<a href="/articles/{n}">item {n}</a>' for n in range(1, 10)).encode()
HUGE = b"<html><body><article><h1>Huge</h1>" + b"<p>filler text</p>" * 700_000 + b"</article>"


class FaultyHandler(BaseHTTPRequestHandler):
    server: FaultyServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.server.count(self.path)
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
            "/news": (200, "text/html", b"<html><body>" + LISTING + b"</body></html>"),
            "/articles/1": (500, "text/html", b"<h1>Internal error</h1>"),
            "/articles/3": (200, "application/octet-stream", bytes(range(256)) * 64),
            "/articles/4": (200, "text/html", HUGE),
            "/articles/5": (404, "text/html", b"<h1>Not found</h1>"),
            "/articles/6": (410, "text/html", b"<h1>Gone</h1>"),
            "/articles/8": (200, "text/html", GOOD_ARTICLE),
            "/articles/9": (200, "text/html", b"\x00\xff<<<div>>><p<</\x00 garbage"),
        }
        if self.path == "/articles/2":
            time.sleep(2.5)  # longer than the test's download timeout
            self._send(200, "text/html", GOOD_ARTICLE)
        elif self.path in ("/articles/7", "/articles/7b"):  # a redirect loop
            self.send_response(302)
            self.send_header(
                "Location", "/articles/7b" if self.path.endswith("7") else "/articles/7"
            )
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            status, content_type, body = routes.get(self.path, (404, "text/html", b"nothing"))
            self._send(status, content_type, body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.path == "/news":
            self.send_header("ETag", '"news-1"')  # a validator a clean run would keep
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class LoopbackSite(ThreadingHTTPServer):
    """A threaded server on a free loopback port, started and stopped with ``with``."""

    request_queue_size = 64
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class FaultyServer(LoopbackSite):
    def __init__(self) -> None:
        super().__init__(FaultyHandler)
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()

    def count(self, path: str) -> None:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
