"""An article's extraction beside the page as crawled (served sandboxed)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template
from flask.typing import ResponseReturnValue

from monitor.db import models as db
from monitor.store import evidence_html
from monitor.web.article_view import article_html, names_by_id, people_of
from monitor.web.db import db as session
from monitor.web.db import get_or_404
from monitor.web.security import evidence_headers

bp = Blueprint("articles", __name__)


@bp.route("/articles/<int:article_id>")
def show(article_id: int) -> ResponseReturnValue:
    article = get_or_404(db.Article, article_id)
    return render_template(
        "web/article.html",
        article=article,
        text=article_html(article),
        people=people_of(session(), article),
        names=names_by_id(article),
        facilities=[m for m in article.mentions if m.kind == "facility"],
        charges=[m for m in article.mentions if m.kind == "charge"],
        events=list(article.event_mentions),
        has_evidence=article.html_gz is not None,
    )


@bp.route("/articles/<int:article_id>/evidence")
def evidence(article_id: int) -> ResponseReturnValue:
    """The stored page, inert: a CSP sandbox without scripts, nothing fetched."""
    article = get_or_404(db.Article, article_id)
    html = evidence_html(article)
    if html is None:
        abort(404)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Disposition"] = "inline"
    response.headers["Cache-Control"] = "no-store"
    return evidence_headers(response)
