"""A later revision used only by tests, to prove the backup-before-migrating path.

Revision ID: 0002_test
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_test"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("test_extra")
