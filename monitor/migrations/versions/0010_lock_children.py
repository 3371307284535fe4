"""lock children: the processes a lock holder started, which keep the lock while alive

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("run_locks") as batch:
        batch.add_column(sa.Column("children", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("run_locks") as batch:
        batch.drop_column("children")
