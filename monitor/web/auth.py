"""Signing in and out: Flask-Login sessions over :mod:`monitor.users` accounts.

A session names the account, a fingerprint of its password hash, and a random token
whose hash the database keeps (``sign_ins``): changing a password or disabling an
account ends every session signed in before, and signing out deletes the token, so a
copy of the cookie taken before sign-out is refused too. Sign-in attempts are rate
limited per client address (Flask-Limiter, in memory), the address read through the
trusted reverse proxies (:mod:`monitor.web.clients`): past the limit the form answers 429
with a message saying how long to wait.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_limiter import Limiter
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.exceptions import TooManyRequests

from monitor.db import models as db_models
from monitor.users import authenticate, end_sign_in, signed_in, start_sign_in
from monitor.web.db import db
from monitor.web.forms import LoginForm

F = TypeVar("F", bound=Callable[..., Any])

bp = Blueprint("auth", __name__)
logout_bp = Blueprint("logout", __name__)


class Account(UserMixin):  # type: ignore[misc]
    """The signed-in user as the request sees it (not a database row)."""

    def __init__(self, row: db_models.User, token: str) -> None:
        self.user_id = row.id
        self.email = row.email
        self.role = row.role
        # Derived from the password hash (new salt on every change), never the hash itself.
        self.stamp = hashlib.sha256(row.password_hash.encode()).hexdigest()[:16]
        self.token = token  # this sign-in's; the database knows its hash

    def get_id(self) -> str:
        return f"{self.user_id}:{self.stamp}:{self.token}"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def me() -> Account:
    return cast(Account, current_user._get_current_object())


def _load(session_id: str) -> Account | None:
    user_id, _, rest = session_id.partition(":")
    stamp, _, token = rest.partition(":")
    if not user_id.isdigit() or not token:
        return None
    row = db().get(db_models.User, int(user_id))
    if row is None or not row.active or not signed_in(db(), row.id, token):
        return None
    account = Account(row, token)
    return account if account.stamp == stamp else None


def admin_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not me().is_admin:
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapped)


def _safe_next(target: str | None) -> str:
    if target:
        parts = urlsplit(target)
        local = not parts.scheme and not parts.netloc and target.startswith("/")
        if local and not target.startswith("//") and "\\" not in target:
            return target
    return url_for("review.queue")


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    form = LoginForm()
    if form.validate_on_submit():
        row = authenticate(db(), form.email.data or "", form.password.data or "")
        if row is not None:
            token = start_sign_in(db(), row, current_app.permanent_session_lifetime)
            db().commit()
            login_user(Account(row, token))
            return redirect(_safe_next(request.args.get("next")))
        flash("Wrong email or password.", "error")
    return render_template("web/login.html", form=form)


@logout_bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        end_sign_in(db(), me().token)
        db().commit()
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


def init_auth(app: Flask, login_limit: str) -> None:
    manager = LoginManager()
    manager.login_view = "auth.login"
    manager.login_message = "Please sign in."
    manager.session_protection = "strong"
    manager.user_loader(_load)
    manager.init_app(app)

    def client() -> str:
        return request.remote_addr or "unknown"  # read through trusted proxies (create_app)

    limiter = Limiter(client, storage_uri="memory://", headers_enabled=True)
    limiter.limit(login_limit, methods=["POST"])(bp)
    limiter.init_app(app)
    app.extensions["monitor.limiter"] = limiter
    app.register_blueprint(bp)
    app.register_blueprint(logout_bp)

    @app.errorhandler(TooManyRequests)
    def _too_many(_error: TooManyRequests) -> ResponseReturnValue:
        message = "Too many sign-in attempts from your address. Wait a minute and try again."
        return render_template("web/login.html", form=LoginForm(), locked=message), 429

    @app.before_request
    def _require_login() -> ResponseReturnValue | None:
        endpoint = request.endpoint or ""
        public = {"auth.login", "static", "unsubscribe.confirm", "unsubscribe.unsubscribe"}
        if endpoint in public or current_user.is_authenticated:
            return None
        return cast(ResponseReturnValue, manager.unauthorized())
