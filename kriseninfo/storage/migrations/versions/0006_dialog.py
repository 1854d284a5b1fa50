"""The dialog feed: its sources (with their health) and the items they bring.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feed_source",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("address", sa.String(2000), nullable=False),
        sa.Column("interval_s", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("etag", sa.String(500), nullable=False),
        sa.Column("modified", sa.String(100), nullable=False),
        sa.Column("next_poll_at", UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_success_at", UTCDateTime(), nullable=True),
        sa.Column("last_error_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("warning", sa.Text(), nullable=False),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_feed_source_incident_id", "feed_source", ["incident_id"])
    op.create_table(
        "dialog_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("feed_source.id"), nullable=True),
        sa.Column("dedupe_key", sa.String(128), nullable=False),
        sa.Column("external_id", sa.String(500), nullable=False),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.String(2000), nullable=False),
        sa.Column("in_reply_to", sa.String(500), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.UniqueConstraint("incident_id", "dedupe_key"),
    )
    op.create_index("ix_dialog_item_incident_id", "dialog_item", ["incident_id"])
    op.create_index("ix_dialog_item_received_at", "dialog_item", ["received_at"])


def downgrade() -> None:
    op.drop_table("dialog_item")
    op.drop_table("feed_source")
