"""Message sets: channel accounts, an incident's playbook and facts, drafts with versions,
release PIN lockout, desk-wide settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True)


def upgrade() -> None:
    op.create_table(
        "channel_account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("languages", sa.String(120), nullable=False),
        sa.Column("max_length", sa.Integer(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_channel_account_incident_id", "channel_account", ["incident_id"])
    op.create_table(
        "incident_playbook",
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), primary_key=True),
        sa.Column("playbook_id", sa.String(48), nullable=False),
        sa.Column("playbook_version", sa.String(20), nullable=False),
        sa.Column("phase_id", sa.String(48), nullable=False),
        sa.Column("facts_json", sa.Text(), nullable=False),
        sa.Column("checklist_json", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "message_set",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("phase_id", sa.String(48), nullable=False),
        sa.Column("playbook_id", sa.String(48), nullable=False),
        sa.Column("playbook_version", sa.String(20), nullable=False),
        sa.Column("playbook_released", sa.Boolean(), nullable=False),
        sa.Column("follows_id", sa.Integer(), sa.ForeignKey("message_set.id"), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        _user("created_by"),
    )
    op.create_index("ix_message_set_incident_id", "message_set", ["incident_id"])
    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("set_id", sa.Integer(), sa.ForeignKey("message_set.id"), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("channel_account.id"), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("parts_json", sa.Text(), nullable=False),
        sa.Column("media_json", sa.Text(), nullable=False),
        sa.Column("template_json", sa.Text(), nullable=True),
        sa.Column("render_error", sa.Text(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("edited_at", UTCDateTime(), nullable=False),
        _user("edited_by"),
        _user("submitted_by"),
        sa.Column("released_at", UTCDateTime(), nullable=True),
        _user("released_by"),
        sa.Column("release_kind", sa.String(32), nullable=True),
        sa.Column("release_reason", sa.Text(), nullable=False),
        sa.Column("rejected_comment", sa.Text(), nullable=False),
    )
    op.create_index("ix_message_set_id", "message", ["set_id"])
    op.create_table(
        "message_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("message.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("parts_json", sa.Text(), nullable=False),
        sa.Column("media_json", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        _user("created_by"),
        sa.Column("note", sa.String(64), nullable=False),
        sa.UniqueConstraint("message_id", "version", name="uq_message_version"),
    )
    op.create_index("ix_message_version_message_id", "message_version", ["message_id"])
    op.create_table(
        "pin_lock",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user_account.id"), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "desk_setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("desk_setting")
    op.drop_table("pin_lock")
    op.drop_index("ix_message_version_message_id", table_name="message_version")
    op.drop_table("message_version")
    op.drop_index("ix_message_set_id", table_name="message")
    op.drop_table("message")
    op.drop_index("ix_message_set_incident_id", table_name="message_set")
    op.drop_table("message_set")
    op.drop_table("incident_playbook")
    op.drop_index("ix_channel_account_incident_id", table_name="channel_account")
    op.drop_table("channel_account")
