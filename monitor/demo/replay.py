"""The local replay site: saved outlet pages served over loopback HTTP as the outlets would.

Layout: one folder per outlet slug under ``monitor/demo/site/`` (or the ``root`` given),
and one server per outlet on its own loopback port, so that root-relative links,
``robots.txt`` and per-host politeness behave as on the real hosts. A request path maps
to a file: ``/articles/420287`` -> ``articles/420287.html``, ``/rubric/41?page=2`` ->
``rubric/41@page=2.html``, ``/feed/`` -> ``feed/index.xml`` or ``feed/index.html``,
``/articles.rss`` -> ``articles.rss``. Responses carry ``ETag`` and ``Last-Modified``
and answer conditional requests with 304.

    with ReplaySite() as site:
        site.base_url("kavkaz_uzel_ru")  # 'http://127.0.0.1:40123'
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

SITE_ROOT = Path(__file__).resolve().parent / "site"
CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".rss": "application/rss+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


class ReplayServer(ThreadingHTTPServer):
    request_queue_size = 128  # the stock backlog of 5 stalls concurrent crawlers
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, folder: Path, address: tuple[str, int] = ("127.0.0.1", 0)) -> None:
        self.folder = folder
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        super().__init__(address, ReplayHandler)

    def count(self, path: str) -> None:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1


def resolve(folder: Path, target: str) -> Path | None:
    """The saved file answering a request target (path and query), or ``None``."""
    parts = urlsplit(target)
    path = unquote(parts.path).lstrip("/")
    if ".." in Path(path).parts:
        return None
    stem = path.rstrip("/")
    if parts.query:
        candidates = [f"{stem}@{parts.query}.html", f"{stem}@{parts.query}"]
    elif not stem:
        candidates = ["index.html"]
    else:
        candidates = [stem, f"{stem}.html", f"{stem}/index.html", f"{stem}/index.xml"]
    for candidate in candidates:
        file = folder / candidate
        if file.is_file():
            return file
    return None


class ReplayHandler(BaseHTTPRequestHandler):
    server: ReplayServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        self.server.count(self.path)
        file = resolve(self.server.folder, self.path)
        if file is None:
            self._send(
                HTTPStatus.NOT_FOUND,
                b"<html><body><h1>Not found</h1></body></html>",
                "text/html; charset=utf-8",
                body,
            )
            return
        data = file.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
        if self._not_modified(etag, file.stat().st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        content_type = CONTENT_TYPES.get(file.suffix, "text/html")
        if file.suffix not in CONTENT_TYPES:
            content_type = "text/html" if b"<html" in data[:2000].lower() else "text/plain"
        self._send(
            HTTPStatus.OK, data, content_type, body, {"ETag": etag, "Last-Modified": modified}
        )

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match:
            return etag in [tag.strip() for tag in match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                parsed = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
            return int(mtime) <= parsed.timestamp()
        return False

    def _send(
        self,
        status: HTTPStatus,
        data: bytes,
        content_type: str,
        body: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)


class ReplaySite:
    """Every outlet folder under ``root`` served on its own loopback port."""

    def __init__(self, root: Path | None = None, host: str = "127.0.0.1") -> None:
        self.root = root or SITE_ROOT
        self.host = host
        self.servers: dict[str, ReplayServer] = {}
        self.threads: list[threading.Thread] = []

    def outlets(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir())

    def start(self) -> ReplaySite:
        for slug in self.outlets():
            server = ReplayServer(self.root / slug, (self.host, 0))
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"replay-{slug}",
                daemon=True,
            )
            thread.start()
            self.servers[slug] = server
            self.threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)
        self.servers.clear()
        self.threads.clear()

    def base_url(self, outlet: str) -> str:
        host, port = self.servers[outlet].server_address[:2]
        return f"http://{host!s}:{port}"

    def base_urls(self) -> dict[str, str]:
        return {slug: self.base_url(slug) for slug in self.servers}

    def hits(self, outlet: str) -> dict[str, int]:
        """Requests served so far for ``outlet``, by request target."""
        return dict(self.servers[outlet].hits)

    def __enter__(self) -> ReplaySite:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def main() -> None:
    """Serve the demo site until interrupted, printing each outlet's base URL."""
    import time

    with ReplaySite() as site:
        for slug, url in site.base_urls().items():
            print(f"{slug}\t{url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
