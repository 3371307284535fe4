"""Security headers on every response.

Pages may only load from this origin (no inline script or style) and may not be
framed; the evidence route, framed by the article page, sets its own stricter policy
(a sandbox with no scripts, only inline styles and data: images) and allows
``frame-ancestors 'self'`` instead.
"""

from __future__ import annotations

from flask import Flask, Response

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
EVIDENCE_CSP = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
)


def evidence_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = EVIDENCE_CSP
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


def init_security(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response
