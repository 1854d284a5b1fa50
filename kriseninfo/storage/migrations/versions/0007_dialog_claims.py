"""Who answers a dialog item ("Ich übernehme").

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialog_item") as batch:
        batch.add_column(
            sa.Column(
                "claimed_by",
                sa.Integer(),
                sa.ForeignKey("user_account.id", name="fk_dialog_item_claimed_by"),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("claimed_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dialog_item") as batch:
        batch.drop_column("claimed_at")
        batch.drop_column("claimed_by")
