"""Cases: a searchable list, and a page per case with its timeline, matches and aliases."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from monitor import review as reviewing
from monitor.db import models as db
from monitor.model import iso_date
from monitor.timeline import current_status
from monitor.web.auth import me
from monitor.web.case_search import find_cases
from monitor.web.db import db as session
from monitor.web.db import get_or_404
from monitor.web.export import csv_response, json_response
from monitor.web.forms import AliasForm, ButtonForm, DevelopmentForm, RetractForm

bp = Blueprint("cases", __name__)

TIMELINE_COLUMNS = (
    "case_id",
    "development_id",
    "date",
    "type",
    "origin",
    "status",
    "summary",
    "source_articles",
    "source_urls",
)


@bp.route("/cases")
def index() -> ResponseReturnValue:
    q = request.args.get("q", "").strip()
    return render_template("web/cases.html", cases=find_cases(session(), q, limit=500), q=q)


def _timeline(case: db.Case) -> list[dict[str, Any]]:
    articles = {
        a.id: a
        for a in session().scalars(
            select(db.Article).where(
                db.Article.id.in_({s.article_id for d in case.developments for s in d.sources})
            )
        )
    }
    rows = []
    for d in sorted(case.developments, key=lambda d: (d.date is None, d.date, d.id)):
        rows.append(
            {
                "case_id": case.id,
                "development_id": d.id,
                "date": iso_date(d.date, d.date_precision),  # 2025-06 when the month is all
                "date_precision": d.date_precision,
                "type": d.type,
                "facility": d.facility,
                "origin": d.origin,
                "status": d.status,
                "summary": d.summary,
                "source_articles": [s.article_id for s in d.sources],
                "source_urls": [
                    articles[s.article_id].url for s in d.sources if s.article_id in articles
                ],
                "sources": [(s, articles.get(s.article_id)) for s in d.sources],
            }
        )
    return rows


@bp.route("/cases/<case_id>")
def show(case_id: str) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    matched = session().execute(
        select(db.MatchRecord, db.Article, db.Mention)
        .join(db.Article, db.Article.id == db.MatchRecord.article_id)
        .join(db.Mention, db.Mention.id == db.MatchRecord.mention_id)
        .where(db.MatchRecord.case_id == case.id)
        .where(db.MatchRecord.decision.in_(("match", "review")))
        .order_by(db.Article.published_at.desc(), db.MatchRecord.id.desc())
    )
    return render_template(
        "web/case.html",
        case=case,
        status=current_status(case),
        timeline=_timeline(case),
        matched=list(matched),
        alias_form=AliasForm(),
        development_form=DevelopmentForm(),
        button=ButtonForm(),
    )


@bp.route("/cases/<case_id>/timeline.<fmt>")
def timeline_export(case_id: str, fmt: str) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    rows = [{k: v for k, v in r.items() if k != "sources"} for r in _timeline(case)]
    if fmt == "csv":
        return csv_response(rows, TIMELINE_COLUMNS, f"{case.id}-timeline.csv")
    if fmt == "json":
        payload = {"case": {"id": case.id, "name": case.name, "status": current_status(case)}}
        return json_response({**payload, "timeline": rows}, f"{case.id}-timeline.json")
    abort(404)
    return None


@bp.route("/cases/<case_id>/aliases", methods=["POST"])
def add_alias(case_id: str) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    form = AliasForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        added = reviewing.add_alias(session(), case, form.alias.data or "")
    except reviewing.ReviewError as error:
        flash(str(error), "error")
    else:
        session().commit()
        flash("Alias added." if added else "The case already has this alias.", "info")
    return redirect(url_for("cases.show", case_id=case.id))


@bp.route("/cases/<case_id>/aliases/<int:alias_id>/delete", methods=["POST"])
def remove_alias(case_id: str, alias_id: int) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        reviewing.remove_alias(session(), case, alias_id)
    except reviewing.ReviewError as error:
        flash(str(error), "error")
    else:
        session().commit()
        flash("Alias removed.", "info")
    return redirect(url_for("cases.show", case_id=case.id))


@bp.route("/cases/<case_id>/developments", methods=["POST"])
def add_development(case_id: str) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    form = DevelopmentForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return redirect(url_for("cases.show", case_id=case.id))
    try:
        reviewing.add_development(
            session(),
            case,
            form.type.data or "",
            form.date.data,
            form.summary.data or "",
            article_id=form.article_id.data,
        )
    except reviewing.ReviewError as error:
        session().rollback()
        flash(str(error), "error")
    else:
        session().commit()
        flash("Development added.", "info")
    return redirect(url_for("cases.show", case_id=case.id))


@bp.route("/cases/<case_id>/developments/<int:development_id>/retract", methods=["POST"])
def retract_development(case_id: str, development_id: int) -> ResponseReturnValue:
    case = get_or_404(db.Case, case_id)
    development = get_or_404(db.Development, development_id)
    if development.case_id != case.id:
        abort(404)
    form = RetractForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        reviewing.retract_development(session(), development.id, me().email, form.reason.data or "")
    except reviewing.ReviewError as error:
        session().rollback()
        flash(str(error), "error")
    else:
        session().commit()
        flash("Development retracted; anyone alerted about it will get a correction.", "info")
    return redirect(url_for("cases.show", case_id=case.id))
