"""The one link in an alert email that works without signing in: unsubscribing.

``List-Unsubscribe`` points here with the subscriber's token, which is the credential.
GET shows what will happen and a button; POST unsubscribes. Mail clients that support
one-click unsubscription (RFC 8058) POST ``List-Unsubscribe=One-Click`` directly, so the
POST is exempt from CSRF: the unguessable token in the URL is what authorises it.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from monitor.db import models as db
from monitor.subscribers import unsubscribe_token
from monitor.web.db import db as session

bp = Blueprint("unsubscribe", __name__)


@bp.get("/unsubscribe/<token>")
def confirm(token: str) -> ResponseReturnValue:
    row = session().scalars(select(db.Subscriber).where(db.Subscriber.token == token)).first()
    if row is None:
        abort(404)
    return render_template("web/unsubscribe.html", email=row.email, done=not row.active)


@bp.post("/unsubscribe/<token>")
def unsubscribe(token: str) -> ResponseReturnValue:
    row = unsubscribe_token(session(), token)
    if row is None:
        abort(404)
    session().commit()
    return render_template("web/unsubscribe.html", email=row.email, done=True)
