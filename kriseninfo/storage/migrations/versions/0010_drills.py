"""Drills: the drill clock (runs at a speed, pauses between them) and the injects.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.types import UTCDateTime

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "drill",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("playbook_id", sa.String(64), nullable=False),
        sa.Column("playbook_version", sa.String(32), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("prefix", sa.String(40), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("started_by", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=True),
        sa.UniqueConstraint("incident_id", name="uq_drill_incident_id"),
    )
    op.create_table(
        "drill_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("drill_id", sa.Integer(), sa.ForeignKey("drill.id"), nullable=False),
        sa.Column("wall_from", UTCDateTime(), nullable=False),
        sa.Column("wall_to", UTCDateTime(), nullable=True),
        sa.Column("drill_from", sa.Float(), nullable=False),
        sa.Column("speed", sa.Float(), nullable=False),
    )
    op.create_index("ix_drill_run_drill_id", "drill_run", ["drill_id"])
    op.create_table(
        "drill_inject",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("drill_id", sa.Integer(), sa.ForeignKey("drill.id"), nullable=False),
        sa.Column("at_s", sa.Float(), nullable=False),
        sa.Column("phase_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("expect_category", sa.String(32), nullable=False),
        sa.Column("expect_answer", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("dialog_item.id"), nullable=True),
        sa.Column("arrived_s", sa.Float(), nullable=True),
    )
    op.create_index("ix_drill_inject_drill_id", "drill_inject", ["drill_id"])
    _fix_incident_mode()


def _fix_incident_mode() -> None:
    """An incident is a drill or real from its creation on: the database refuses any
    change of `mode`, whoever writes (a drill's texts must never become public)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER incident_mode_fixed BEFORE UPDATE OF mode ON incident "
            "WHEN NEW.mode IS NOT OLD.mode "
            "BEGIN SELECT RAISE(ABORT, 'incident mode is fixed'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION incident_mode_fixed() RETURNS trigger AS $$ BEGIN "
        "IF NEW.mode IS DISTINCT FROM OLD.mode THEN "
        "RAISE EXCEPTION 'incident mode is fixed'; END IF; RETURN NEW; END $$ "
        "LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER incident_mode_fixed BEFORE UPDATE OF mode ON incident "
        "FOR EACH ROW EXECUTE FUNCTION incident_mode_fixed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS incident_mode_fixed")
    else:
        op.execute("DROP TRIGGER IF EXISTS incident_mode_fixed ON incident")
        op.execute("DROP FUNCTION IF EXISTS incident_mode_fixed()")
    op.drop_index("ix_drill_inject_drill_id", "drill_inject")
    op.drop_table("drill_inject")
    op.drop_index("ix_drill_run_drill_id", "drill_run")
    op.drop_table("drill_run")
    op.drop_table("drill")
