"""The analysts' review web app: ``create_app(settings)`` builds it.

Server-rendered pages (Jinja2, autoescaped) over the same database the pipeline fills.
Nothing is visible without signing in; every form carries a CSRF token (Flask-WTF);
session cookies are HttpOnly, SameSite=Lax and Secure when the site is served over
https (``cookie_secure`` overrides, e.g. off for http://127.0.0.1 during development).
Behind trusted reverse proxies a request carries the client's address, scheme and host
(:mod:`monitor.web.clients`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from monitor import labels
from monitor.config import Settings
from monitor.model import iso_date
from monitor.web import (
    admin_pages,
    article_pages,
    auth,
    case_pages,
    review_pages,
    subscription_pages,
    unsubscribe_pages,
)
from monitor.web.clients import ForwardedByProxies, trusted_networks
from monitor.web.db import init_db, outlet_name
from monitor.web.security import init_security

PACKAGE = Path(__file__).resolve().parent.parent


class SecretKeyMissing(RuntimeError):
    """The app needs MONITOR_SECRET_KEY to sign sessions and CSRF tokens."""


def create_app(
    settings: Settings,
    *,
    cookie_secure: bool | None = None,
    login_limit: str = "10/minute",
    testing: bool = False,
) -> Flask:
    if not settings.secret_key:
        raise SecretKeyMissing("set MONITOR_SECRET_KEY (a long random string) to run the web app")
    app = Flask(
        "monitor.web",
        template_folder=str(PACKAGE / "templates"),
        static_folder=str(PACKAGE / "static"),
    )
    secure = settings.base_url.startswith("https://") if cookie_secure is None else cookie_secure
    app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=testing,
        SESSION_COOKIE_NAME="monitor_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure,
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=12),
        WTF_CSRF_TIME_LIMIT=12 * 3600,
        MAX_CONTENT_LENGTH=1_000_000,
    )
    if proxies := trusted_networks(settings.trusted_proxies):
        app.wsgi_app = ForwardedByProxies(app.wsgi_app, proxies)  # type: ignore[method-assign]
    app.jinja_env.autoescape = True
    app.jinja_env.filters["iso_date"] = iso_date  # 2025-02-25, or 2023-10 / 2016 when vaguer
    labels.install(app.jinja_env)  # codes read as words: {{ d.type | event_label }}
    app.context_processor(lambda: {"outlet_name": outlet_name})
    app.extensions["monitor.settings"] = settings
    init_db(app, settings.database_url)
    csrf = CSRFProtect(app)
    csrf.exempt(unsubscribe_pages.unsubscribe)
    init_security(app)
    auth.init_auth(app, login_limit)
    for module in (
        review_pages,
        case_pages,
        article_pages,
        subscription_pages,
        admin_pages,
        unsubscribe_pages,
    ):
        app.register_blueprint(module.bp)
    return app
