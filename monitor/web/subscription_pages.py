"""A monitor's own alert filters; admins may edit anyone's (``?email=``).

A signed-in user's subscriber row is the one with the same email, created on the
first save.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from monitor.db import models as db
from monitor.subscribers import (
    SubscriberError,
    add_subscriber,
    get_subscriber,
    make_filters,
    update_subscriber,
)
from monitor.web.auth import me
from monitor.web.db import db as session
from monitor.web.forms import SubscriptionForm

bp = Blueprint("subscriptions", __name__)


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").replace("\n", ",").split(",") if part.strip()]


def _whose() -> str:
    email = request.args.get("email", "").strip().lower()
    if email and email != me().email:
        if not me().is_admin:
            abort(403)
        return email
    return me().email


def _fill(form: SubscriptionForm, row: db.Subscriber | None) -> None:
    filters: dict[str, Any] = (row.filters if row else None) or {}
    form.cases.data = ", ".join(filters.get("cases", []))
    form.countries.data = ", ".join(filters.get("countries", []))
    form.event_types.data = list(filters.get("event_types", []))
    minimum = filters.get("min_confidence")
    form.min_confidence.data = Decimal(str(minimum)) if minimum is not None else None
    form.mode.data = row.mode if row else "immediate"


@bp.route("/subscriptions", methods=["GET", "POST"])
def edit() -> ResponseReturnValue:
    email = _whose()
    row = get_subscriber(session(), email)
    form = SubscriptionForm()
    if request.method == "GET":
        _fill(form, row)
    elif form.validate_on_submit():
        try:
            minimum = form.min_confidence.data
            filters = make_filters(
                cases=_split(form.cases.data),
                countries=_split(form.countries.data),
                event_types=form.event_types.data or [],
                min_confidence=float(minimum) if minimum is not None else None,
            )
            mode = form.mode.data or "immediate"
            if row is None:
                add_subscriber(session(), email, mode=mode, filters=filters)
            else:
                update_subscriber(session(), email, mode=mode, filters=filters, active=True)
        except SubscriberError as error:
            session().rollback()
            flash(str(error), "error")
        else:
            session().commit()
            flash("Alert filters saved.", "info")
            if email != me().email:
                return redirect(url_for("subscriptions.edit", email=email))
            return redirect(url_for("subscriptions.edit"))
    return render_template("web/subscriptions.html", form=form, email=email, row=row)
