"""The review queue and one page per match, with Confirm / Reject / Unsure."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from monitor import review as reviewing
from monitor.db import models as db
from monitor.model import EVENT_TYPES
from monitor.web.article_view import article_html
from monitor.web.auth import me
from monitor.web.case_search import find_cases
from monitor.web.db import db as session
from monitor.web.db import get_or_404
from monitor.web.export import csv_response, json_response
from monitor.web.forms import ButtonForm, ReassignForm
from monitor.web.queue import (
    MAX_PAGE,
    PAGE_SIZE,
    REVIEW_STATUSES,
    QueueFilters,
    neighbours,
    queue_items,
)

bp = Blueprint("review", __name__)

EXPORT_COLUMNS = (
    "match_id",
    "decision",
    "review_status",
    "score",
    "case_id",
    "case_name",
    "name",
    "normalized",
    "role",
    "article_id",
    "outlet",
    "language",
    "published",
    "title",
    "url",
    "explanation",
)


@bp.route("/")
def home() -> ResponseReturnValue:
    return redirect(url_for("review.queue"))


def _choices() -> dict[str, list[str]]:
    s = session()
    return {
        "outlets": [o for o in s.scalars(select(db.Article.outlet_slug).distinct()) if o],
        "languages": [x for x in s.scalars(select(db.Article.language).distinct()) if x],
        "event_types": list(EVENT_TYPES),
        "statuses": list(REVIEW_STATUSES),
    }


@bp.route("/review")
def queue() -> ResponseReturnValue:
    filters = QueueFilters.from_args(request.args)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    if page > MAX_PAGE:
        abort(404)  # a number the database could not even skip to
    items = queue_items(session(), filters, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return render_template(
        "web/review_queue.html",
        items=items[:PAGE_SIZE],
        more=len(items) > PAGE_SIZE,
        page=page,
        filters=filters,
        args=filters.args(),
        choices=_choices(),
    )


@bp.route("/review/export.<fmt>")
def export(fmt: str) -> ResponseReturnValue:
    filters = QueueFilters.from_args(request.args)
    rows = [item.row() for item in queue_items(session(), filters)]
    if fmt == "csv":
        return csv_response(rows, EXPORT_COLUMNS, "review-queue.csv")
    if fmt == "json":
        return json_response({"filters": filters.args(), "matches": rows}, "review-queue.json")
    abort(404)
    return None


def item_url(match_id: int, filters: QueueFilters) -> str:
    values: dict[str, Any] = {"match_id": match_id, **filters.args()}
    return url_for("review.item", **values)


@bp.route("/review/match/<int:match_id>")
def item(match_id: int) -> ResponseReturnValue:
    match = get_or_404(db.MatchRecord, match_id)
    article = get_or_404(db.Article, match.article_id)
    mention = get_or_404(db.Mention, match.mention_id)
    filters = QueueFilters.from_args(request.args)
    previous, following = neighbours(session(), filters, match.id)
    judgements = session().scalars(
        select(db.ReviewJudgement)
        .where(db.ReviewJudgement.match_id == match.id)
        .order_by(db.ReviewJudgement.id)
    )
    find = " ".join(request.args.get("find", "").split())[:200]
    return render_template(
        "web/review_item.html",
        match=match,
        article=article,
        mention=mention,
        case=session().get(db.Case, match.case_id) if match.case_id else None,
        text=article_html(article, focus=mention.id),
        judgements=list(judgements),
        previous=previous,
        following=following,
        args=filters.args(),
        form=ButtonForm(),
        reassign=ReassignForm(),
        find=find,
        found=find_cases(session(), find, limit=15, active_only=True) if find else [],
    )


@bp.route("/review/match/<int:match_id>/<verdict>", methods=["POST"])
def judge(match_id: int, verdict: str) -> ResponseReturnValue:
    if verdict not in reviewing.VERDICTS:
        abort(404)
    get_or_404(db.MatchRecord, match_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    filters = QueueFilters.from_args(request.args)
    _, following = neighbours(session(), filters, match_id)
    try:
        reviewing.judge_match(session(), match_id, verdict, me().email)
    except reviewing.ReviewError as error:
        session().rollback()
        flash(str(error), "error")
        return redirect(url_for("review.item", match_id=match_id))
    session().commit()
    flash(f"Match {match_id}: {verdict} recorded.", "info")
    target = following if following is not None and request.form.get("stay") != "1" else match_id
    return redirect(item_url(target, filters))


@bp.route("/review/match/<int:match_id>/reassign", methods=["POST"])
def reassign(match_id: int) -> ResponseReturnValue:
    get_or_404(db.MatchRecord, match_id)
    form = ReassignForm()
    if not form.validate_on_submit():
        abort(400)
    case_id = (form.case_id.data or "").strip()
    try:
        reviewing.reassign_match(session(), match_id, case_id, me().email)
    except reviewing.ReviewError as error:
        session().rollback()
        flash(str(error), "error")
        return redirect(url_for("review.item", match_id=match_id))
    session().commit()
    case = session().get(db.Case, case_id)
    flash(f"Match {match_id} assigned to {case.name if case else case_id} and confirmed.", "info")
    return redirect(url_for("review.item", match_id=match_id))
