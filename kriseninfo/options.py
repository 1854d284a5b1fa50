"""How the program was started: command line and environment, before anything is opened."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kriseninfo.paths import AppPaths

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
