"""Answering the dialog feed: the answer and who gave it, the channel an item can be
answered on, the message of ours it replies to, notification sources of our accounts, and
an external reply target for deliveries.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialog_item") as batch:
        batch.add_column(sa.Column("updated_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("reply_ref", sa.String(500), nullable=False, server_default=""))
        batch.add_column(sa.Column("answer_text", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("answered_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("answered_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("answer_set_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("thread_set_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_dialog_item_account_id", "channel_account", ["account_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_dialog_item_answered_by", "user_account", ["answered_by"], ["id"]
        )
        batch.create_foreign_key(
            "fk_dialog_item_answer_set_id", "message_set", ["answer_set_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_dialog_item_thread_set_id", "message_set", ["thread_set_id"], ["id"]
        )
    op.execute("UPDATE dialog_item SET updated_at = received_at")
    op.create_index("ix_dialog_item_updated_at", "dialog_item", ["updated_at"])
    with op.batch_alter_table("feed_source") as batch:
        batch.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("cursor", sa.String(200), nullable=False, server_default=""))
        batch.create_foreign_key(
            "fk_feed_source_account_id", "channel_account", ["account_id"], ["id"]
        )
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("reply_to", sa.String(500), nullable=False, server_default=""))
    with op.batch_alter_table("delivery") as batch:
        batch.add_column(sa.Column("reply_to", sa.String(500), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("delivery") as batch:
        batch.drop_column("reply_to")
    with op.batch_alter_table("message") as batch:
        batch.drop_column("reply_to")
    with op.batch_alter_table("feed_source") as batch:
        batch.drop_constraint("fk_feed_source_account_id", type_="foreignkey")
        batch.drop_column("cursor")
        batch.drop_column("account_id")
    op.drop_index("ix_dialog_item_updated_at", "dialog_item")
    with op.batch_alter_table("dialog_item") as batch:
        for name in ("thread_set_id", "answer_set_id", "answered_by", "account_id"):
            batch.drop_constraint(f"fk_dialog_item_{name}", type_="foreignkey")
        for name in (
            "thread_set_id",
            "answer_set_id",
            "answered_by",
            "answered_at",
            "answer_text",
            "reply_ref",
            "account_id",
            "updated_at",
        ):
            batch.drop_column(name)
