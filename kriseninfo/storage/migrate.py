"""Brings a database to the schema this program needs, safely.

A SQLite file is copied aside before any migration; a database written by a
newer Kriseninfo is refused with the version it needs.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from kriseninfo import __version__
from kriseninfo.clock import Clock, utc_now
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Meta

log = logging.getLogger(__name__)

META_WRITTEN_BY = "schema_written_by"


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config(extra_versions: Sequence[Path] = ()) -> Config:
    """Alembic's configuration; `extra_versions` adds folders of further revisions (tests)."""
    config = Config()
    location = resources.files("kriseninfo.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    if extra_versions:
        folders = [str(location / "versions"), *map(str, extra_versions)]
        config.set_main_option("path_separator", "os")
        config.set_main_option("version_locations", os.pathsep.join(folders))
    return config


def head_revision(extra_versions: Sequence[Path] = ()) -> str:
    head = ScriptDirectory.from_config(_config(extra_versions)).get_current_head()
    assert head is not None
    return head


def known_revisions(extra_versions: Sequence[Path] = ()) -> set[str]:
    script = ScriptDirectory.from_config(_config(extra_versions))
    return {rev.revision for rev in script.walk_revisions()}


def schema_state(database: Database, extra_versions: Sequence[Path] = ()) -> SchemaState:
    with database.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return SchemaState(current=current, head=head_revision(extra_versions))


def upgrade(
    database: Database,
    backup_dir: Path,
    clock: Clock = utc_now,
    extra_versions: Sequence[Path] = (),
) -> SchemaState:
    """Migrate to the newest schema; returns the state before migrating."""
    state = schema_state(database, extra_versions)
    if state.current is not None and state.current not in known_revisions(extra_versions):
        raise _too_new(database, state.current)
    if state.up_to_date:
        return state
    if state.current is not None:
        _backup_sqlite(database, backup_dir, state.current, clock())
    log.info("migrating %s from %s to %s", database.display_url(), state.current, state.head)
    config = _config(extra_versions)
    try:
        _run_upgrade(database, config)
    except SQLAlchemyError as exc:
        raise database.translate(exc) from exc
    with database.session() as session:
        session.merge(Meta(key=META_WRITTEN_BY, value=__version__))
    return state


def _run_upgrade(database: Database, config: Config) -> None:
    with database.engine.connect() as connection:
        # Batch migrations on SQLite rebuild tables (copy, drop, rename); with foreign
        # keys on, dropping a table that others reference fails. SQLite's advice: switch
        # them off meanwhile (only possible outside a transaction, so on the driver's
        # connection before SQLAlchemy begins one) and check them afterwards.
        raw = connection.connection.driver_connection if database.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if raw is not None:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise KriseninfoError(
                            ErrorCode.DB_FAILED,
                            f"migration left {len(broken)} broken references, e.g. {broken[0]}",
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def _too_new(database: Database, revision: str) -> KriseninfoError:
    written_by = "?"
    try:
        with database.session() as session:
            value = session.scalar(select(Meta.value).where(Meta.key == META_WRITTEN_BY))
            written_by = value or "?"
    except KriseninfoError:
        log.warning("could not read which version wrote schema %s", revision)
    return KriseninfoError(
        ErrorCode.DB_SCHEMA_TOO_NEW,
        f"database schema {revision} was written by Kriseninfo {written_by}; "
        f"this is Kriseninfo {__version__}, which knows schemas up to {head_revision()}",
        {"revision": revision, "needed_version": written_by, "this_version": __version__},
    )


def _backup_sqlite(database: Database, backup_dir: Path, revision: str, now: datetime) -> None:
    source = database.sqlite_path
    if source is None or not source.exists():
        return
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{source.stem}-schema{revision}-{now:%Y%m%dT%H%M%SZ}{source.suffix}"
    log.info("backing up %s to %s before migrating", source, target)
    # The backup API copies a consistent snapshot, WAL contents included.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
