"""development sources keep their article when its analysis is replaced

Re-processing an article deletes its old matches and event mentions; the links from
development_sources to them are now cleared instead of blocking the delete.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LINKS = (
    (
        "fk_development_sources_event_mention_id_event_mentions",
        "event_mentions",
        "event_mention_id",
    ),
    ("fk_development_sources_match_id_matches", "matches", "match_id"),
)


def _relink(ondelete: str | None) -> None:
    with op.batch_alter_table("development_sources") as batch:
        for name, table, column in LINKS:
            batch.drop_constraint(name, type_="foreignkey")
            batch.create_foreign_key(name, table, [column], ["id"], ondelete=ondelete)


def upgrade() -> None:
    _relink("SET NULL")


def downgrade() -> None:
    _relink(None)
