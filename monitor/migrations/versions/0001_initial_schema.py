"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "cases",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("born", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=1), nullable=True),
        sa.Column("occupation", sa.Text(), nullable=True),
        sa.Column("charges", sa.JSON(), nullable=False),
        sa.Column("facility", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("imported_status", sa.String(length=16), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    op.create_table(
        "outlets",
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_outlets")),
    )
    op.create_table(
        "subscribers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscribers")),
        sa.UniqueConstraint("email", name=op.f("uq_subscribers_email")),
        sa.UniqueConstraint("token", name=op.f("uq_subscribers_token")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("outlet_slug", sa.String(length=64), nullable=True),
        sa.Column("edition", sa.String(length=32), nullable=True),
        sa.Column("number", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("alternate_url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("paragraphs", sa.JSON(), nullable=False),
        sa.Column("html_gz", sa.LargeBinary(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("process_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["outlet_slug"], ["outlets.slug"], name=op.f("fk_articles_outlet_slug_outlets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("key", name=op.f("uq_articles_key")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_content_hash"), ["content_hash"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_outlet_slug"), ["outlet_slug"], unique=False)
        batch_op.create_index("ix_articles_status", ["status"], unique=False)

    op.create_table(
        "case_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_aliases_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_aliases")),
        sa.UniqueConstraint("case_id", "alias", name=op.f("uq_case_aliases_case_id")),
    )
    with op.batch_alter_table("case_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_aliases_case_id"), ["case_id"], unique=False)

    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_slug", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("new_articles", sa.Integer(), nullable=False),
        sa.Column("bodiless_articles", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["outlet_slug"], ["outlets.slug"], name=op.f("fk_crawl_runs_outlet_slug_outlets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_crawl_runs_outlet_slug"), ["outlet_slug"], unique=False
        )

    op.create_table(
        "developments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_developments_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_developments")),
    )
    with op.batch_alter_table("developments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_developments_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_developments_case_type", ["case_id", "type"], unique=False)

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("development_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.String(length=120), nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_alerts_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["development_id"],
            ["developments.id"],
            name=op.f("fk_alerts_development_id_developments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("key", name=op.f("uq_alerts_key")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_alerts_development_id"), ["development_id"], unique=False
        )

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["mentions.id"], name=op.f("fk_mentions_person_id_mentions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_article_id"), ["article_id"], unique=False)

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=300), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(length=300), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"], ["alerts.id"], name=op.f("fk_deliveries_alert_id_alerts")
        ),
        sa.ForeignKeyConstraint(
            ["subscriber_id"],
            ["subscribers.id"],
            name=op.f("fk_deliveries_subscriber_id_subscribers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_deliveries_idempotency_key")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliveries_alert_id"), ["alert_id"], unique=False)
        batch_op.create_index(
            "ix_deliveries_status_due", ["status", "next_attempt_at"], unique=False
        )

    op.create_table(
        "event_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["mentions.id"], name=op.f("fk_event_mentions_person_id_mentions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mentions")),
    )
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_mentions_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=120), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("review_status", sa.String(length=16), nullable=False),
        sa.Column("matcher_version", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_matches_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_matches_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_matches_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matches")),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matches_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_mention_id"), ["mention_id"], unique=False)

    op.create_table(
        "development_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("development_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_mention_id", sa.Integer(), nullable=True),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_development_sources_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["development_id"],
            ["developments.id"],
            name=op.f("fk_development_sources_development_id_developments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_mention_id"],
            ["event_mentions.id"],
            name=op.f("fk_development_sources_event_mention_id_event_mentions"),
        ),
        sa.ForeignKeyConstraint(
            ["match_id"], ["matches.id"], name=op.f("fk_development_sources_match_id_matches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_sources")),
        sa.UniqueConstraint(
            "development_id", "article_id", name=op.f("uq_development_sources_development_id")
        ),
    )
    with op.batch_alter_table("development_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_development_sources_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_development_sources_development_id"), ["development_id"], unique=False
        )

    op.create_table(
        "review_judgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("context", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_review_judgements_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["match_id"], ["matches.id"], name=op.f("fk_review_judgements_match_id_matches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_judgements")),
    )
    with op.batch_alter_table("review_judgements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_judgements_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_judgements_match_id"), ["match_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("review_judgements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_judgements_match_id"))
        batch_op.drop_index(batch_op.f("ix_review_judgements_case_id"))

    op.drop_table("review_judgements")
    with op.batch_alter_table("development_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_development_sources_development_id"))
        batch_op.drop_index(batch_op.f("ix_development_sources_article_id"))

    op.drop_table("development_sources")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matches_mention_id"))
        batch_op.drop_index(batch_op.f("ix_matches_case_id"))
        batch_op.drop_index(batch_op.f("ix_matches_article_id"))

    op.drop_table("matches")
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mentions_article_id"))

    op.drop_table("event_mentions")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_status_due")
        batch_op.drop_index(batch_op.f("ix_deliveries_alert_id"))

    op.drop_table("deliveries")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_article_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_development_id"))
        batch_op.drop_index(batch_op.f("ix_alerts_case_id"))

    op.drop_table("alerts")
    with op.batch_alter_table("developments", schema=None) as batch_op:
        batch_op.drop_index("ix_developments_case_type")
        batch_op.drop_index(batch_op.f("ix_developments_case_id"))

    op.drop_table("developments")
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawl_runs_outlet_slug"))

    op.drop_table("crawl_runs")
    with op.batch_alter_table("case_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_aliases_case_id"))

    op.drop_table("case_aliases")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_status")
        batch_op.drop_index(batch_op.f("ix_articles_outlet_slug"))
        batch_op.drop_index(batch_op.f("ix_articles_content_hash"))

    op.drop_table("articles")
    op.drop_table("subscribers")
    op.drop_table("outlets")
    op.drop_table("cases")
