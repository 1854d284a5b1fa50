"""Triage: why an item got its category, and whether a person set it (then a new
triage, after the playbook or the facts changed, leaves it as it is).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialog_item") as table:
        table.add_column(sa.Column("triage_why", sa.String(200), nullable=False, server_default=""))
        table.add_column(
            sa.Column("category_by_hand", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # A category someone set before this version is in the journal ("Kategorie frage" on
    # "item 12"): it stays a person's choice, so a new triage leaves it alone.
    op.execute(
        sa.text(
            "UPDATE dialog_item SET category_by_hand = :yes WHERE 'item ' || CAST(id AS "
            "VARCHAR(20)) IN (SELECT field FROM journal_entry WHERE action = :changed "
            "AND new_value LIKE 'Kategorie %')"
        ).bindparams(yes=True, changed="dialog.item_changed")
    )


def downgrade() -> None:
    with op.batch_alter_table("dialog_item") as table:
        table.drop_column("category_by_hand")
        table.drop_column("triage_why")
