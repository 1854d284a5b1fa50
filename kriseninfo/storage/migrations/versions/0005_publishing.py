"""The publishing queue: deliveries, channel health, the drill timeline, account settings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channel_account") as batch:
        batch.add_column(sa.Column("settings_json", sa.Text(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("secret_ref", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("message_set") as batch:
        batch.add_column(sa.Column("send_at", UTCDateTime(), nullable=True))
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("set_id", sa.Integer(), sa.ForeignKey("message_set.id"), nullable=False),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("message.id"), nullable=False),
        sa.Column("message_version", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("channel_account.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("delivery.id"), nullable=True),
        sa.Column("parent_optional", sa.Boolean(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("drill", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("wait_reason", sa.String(32), nullable=False),
        sa.Column("not_before", UTCDateTime(), nullable=False),
        sa.Column("lease_owner", sa.String(80), nullable=True),
        sa.Column("lease_until", UTCDateTime(), nullable=True),
        sa.Column("in_flight", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("retract", sa.Boolean(), nullable=False),
        sa.Column("platform_id", sa.String(300), nullable=False),
        sa.Column("platform_url", sa.String(500), nullable=False),
        sa.Column("error_code", sa.String(32), nullable=False),
        sa.Column("error_detail", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_delivery_incident_id", "delivery", ["incident_id"])
    op.create_index("ix_delivery_message_id", "delivery", ["message_id"])
    op.create_index("ix_delivery_account_id", "delivery", ["account_id"])
    op.create_index("ix_delivery_state", "delivery", ["state"])
    op.create_table(
        "channel_health",
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("channel_account.id"), primary_key=True
        ),
        sa.Column("last_success_at", UTCDateTime(), nullable=True),
        sa.Column("last_error_at", UTCDateTime(), nullable=True),
        sa.Column("last_error_code", sa.String(32), nullable=False),
        sa.Column("last_error_detail", sa.Text(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("open_until", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "sandbox_post",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "delivery_id", sa.Integer(), sa.ForeignKey("delivery.id"), nullable=False, unique=True
        ),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("channel_account.id"), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("media_count", sa.Integer(), nullable=False),
        sa.Column("reply_to", sa.String(300), nullable=False),
        sa.Column("posted_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_sandbox_post_incident_id", "sandbox_post", ["incident_id"])


def downgrade() -> None:
    op.drop_table("sandbox_post")
    op.drop_table("channel_health")
    op.drop_table("delivery")
    with op.batch_alter_table("message_set") as batch:
        batch.drop_column("send_at")
    with op.batch_alter_table("channel_account") as batch:
        batch.drop_column("secret_ref")
        batch.drop_column("settings_json")
