"""Alembic environment: runs on the connection Kriseninfo hands over."""

from alembic import context
from sqlalchemy.engine import Connection

from kriseninfo.storage.models import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Kriseninfo migrations run through kriseninfo.storage.migrate only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
