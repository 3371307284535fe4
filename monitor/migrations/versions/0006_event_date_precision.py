"""event mentions keep the precision of their date (day, month or year)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_mentions") as batch:
        batch.add_column(
            sa.Column("date_precision", sa.String(length=8), nullable=False, server_default="day")
        )


def downgrade() -> None:
    with op.batch_alter_table("event_mentions") as batch:
        batch.drop_column("date_precision")
