"""One database session per request, closed (and rolled back if not committed) at its end."""

from __future__ import annotations

from typing import TypeVar, cast

from flask import Flask, abort, current_app, g
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.db import models as db_models
from monitor.db.session import session_factory

T_KEY = "monitor.sessions"
T = TypeVar("T")


def init_db(app: Flask, database_url: str) -> None:
    app.extensions[T_KEY] = session_factory(database_url)

    @app.teardown_appcontext
    def _close(_error: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


def db() -> Session:
    if "db_session" not in g:
        sessions = cast("sessionmaker[Session]", current_app.extensions[T_KEY])
        g.db_session = sessions()
    return cast(Session, g.db_session)


def get_or_404(model: type[T], key: object) -> T:
    row = db().get(model, key)
    if row is None:
        abort(404)
    return row


def outlet_name(slug: str | None) -> str:
    """The outlet's name ("Caucasian Knot") for its slug, read once per request."""
    if not slug:
        return ""
    if "outlet_names" not in g:
        rows = db().execute(select(db_models.Outlet.slug, db_models.Outlet.name))
        g.outlet_names = {row.slug: row.name for row in rows}
    names = cast("dict[str, str]", g.outlet_names)
    return names.get(slug) or slug
