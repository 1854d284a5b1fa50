"""A later revision used only by tests, to prove the backup-before-migrating path.

Revision ID: 0002_test
Revises: the product's newest revision
"""

import sqlalchemy as sa
from alembic import op

from kriseninfo.storage.migrate import head_revision

revision = "0002_test"
down_revision = head_revision()  # always one step past the product
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("test_extra")
