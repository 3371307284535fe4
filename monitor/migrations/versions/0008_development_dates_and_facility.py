"""developments keep the precision of their date and the facility they name; cases
keep the facility the list gave beside the one their timeline reached

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("developments") as batch:
        batch.add_column(
            sa.Column("date_precision", sa.String(length=8), nullable=False, server_default="day")
        )
        batch.add_column(sa.Column("facility", sa.Text(), nullable=True))
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("imported_facility", sa.Text(), nullable=True))
    op.execute("UPDATE cases SET imported_facility = facility")


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("imported_facility")
    with op.batch_alter_table("developments") as batch:
        batch.drop_column("facility")
        batch.drop_column("date_precision")
