"""Hotline notes in the dialog feed: district, and a callback number kept only for a while.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialog_item") as batch:
        batch.add_column(sa.Column("district", sa.String(120), nullable=False, server_default=""))
        batch.add_column(sa.Column("callback", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("personal_until", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dialog_item") as batch:
        batch.drop_column("personal_until")
        batch.drop_column("callback")
        batch.drop_column("district")
