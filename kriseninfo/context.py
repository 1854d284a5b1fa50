"""Everything one running Kriseninfo works with, opened in one place and passed on."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from kriseninfo.clock import Clock, utc_now
from kriseninfo.incidents.autosave import LagebildSaver, PendingEdits
from kriseninfo.incidents.service import IncidentService
from kriseninfo.paths import AppPaths, ensure_writable
from kriseninfo.settings import Settings
from kriseninfo.storage import migrate
from kriseninfo.storage.database import Database
from kriseninfo.users.service import UserService

log = logging.getLogger(__name__)

DB_ENV = "KRISENINFO_DB"


@dataclass(frozen=True)
class Options:
    """How the program was started (command line and environment)."""

    db_url: str | None = None
    data_dir: Path | None = None

    def paths(self) -> AppPaths:
        return AppPaths.under(self.data_dir) if self.data_dir else AppPaths.default()

    def database_url(self) -> str:
        return self.db_url or os.environ.get(DB_ENV) or self.paths().default_database_url()


@dataclass
class AppContext:
    paths: AppPaths
    database: Database
    settings: Settings
    clock: Clock
    users: UserService = field(init=False)
    incidents: IncidentService = field(init=False)
    saver: LagebildSaver = field(init=False)

    def __post_init__(self) -> None:
        self.users = UserService(self.database, self.clock)
        self.incidents = IncidentService(self.database, self.clock)
        self.saver = LagebildSaver(self.incidents, PendingEdits(self.paths.pending_edits_file))

    def close(self) -> None:
        self.database.dispose()


def prepare_data_dir(paths: AppPaths) -> None:
    """Make sure the data dir exists and can be written; raises DATA_DIR_NOT_WRITABLE."""
    ensure_writable(paths.data_dir)


def open_database(options: Options, paths: AppPaths, clock: Clock = utc_now) -> Database:
    """Connect, check and migrate. Raises KriseninfoError with a code on every failure."""
    database = Database(options.database_url())
    try:
        database.check()
        migrate.upgrade(database, paths.backup_dir, clock)
    except BaseException:
        database.dispose()
        raise
    return database


def open_context(
    options: Options, clock: Clock = utc_now, settings: Settings | None = None
) -> AppContext:
    """Open everything; pass `settings` when the caller already holds this console's."""
    paths = options.paths()
    prepare_data_dir(paths)
    database = open_database(options, paths, clock)
    return AppContext(
        paths=paths,
        database=database,
        settings=settings or Settings(paths.settings_file),
        clock=clock,
    )
