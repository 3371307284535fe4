"""page validators: feeds and first listing pages are asked for conditionally

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_validators",
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("outlet_slug", sa.String(length=64), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_slug"],
            ["outlets.slug"],
            name=op.f("fk_page_validators_outlet_slug_outlets"),
        ),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_page_validators")),
    )
    op.create_index(
        op.f("ix_page_validators_outlet_slug"), "page_validators", ["outlet_slug"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_page_validators_outlet_slug"), table_name="page_validators")
    op.drop_table("page_validators")
