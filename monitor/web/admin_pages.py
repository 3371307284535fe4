"""Admins only: accounts (add, disable, enable) and everyone's subscriptions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from monitor.subscribers import list_subscribers
from monitor.users import UserError, add_user, list_users, set_active
from monitor.web.auth import admin_required, me
from monitor.web.db import db as session
from monitor.web.forms import ButtonForm, NewUserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users", methods=["GET", "POST"])
@admin_required
def users() -> ResponseReturnValue:
    form = NewUserForm()
    if form.validate_on_submit():
        try:
            add_user(
                session(), form.email.data or "", form.password.data or "", role=form.role.data
            )
        except UserError as error:
            session().rollback()
            flash(str(error), "error")
        else:
            session().commit()
            flash(f"Account {form.email.data} added.", "info")
            return redirect(url_for("admin.users"))
    return render_template(
        "web/users.html",
        form=form,
        button=ButtonForm(),
        users=list_users(session()),
        subscribers=list_subscribers(session(), active_only=False),
    )


@bp.route("/users/<email>/<action>", methods=["POST"])
@admin_required
def toggle(email: str, action: str) -> ResponseReturnValue:
    if action not in ("disable", "enable"):
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    if email == me().email and action == "disable":
        flash("You cannot disable your own account.", "error")
        return redirect(url_for("admin.users"))
    try:
        set_active(session(), email, action == "enable")
    except UserError as error:
        flash(str(error), "error")
    else:
        session().commit()
        flash(f"Account {email} {action}d.", "info")
    return redirect(url_for("admin.users"))
