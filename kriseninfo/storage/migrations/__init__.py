"""Alembic migrations of the Kriseninfo schema; applied automatically at start."""
