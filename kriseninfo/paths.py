"""Where Kriseninfo keeps its data, logs and settings on this machine."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from kriseninfo.errors import ErrorCode, KriseninfoError

APP_NAME = "kriseninfo"


@dataclass(frozen=True)
class AppPaths:
    """All folders of one installation; `--data-dir` puts everything under one root."""

    data_dir: Path
    log_dir: Path
    config_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls(data_dir=root, log_dir=root / "logs", config_dir=root)

    @property
    def database_file(self) -> Path:
        return self.data_dir / "kriseninfo.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def pending_dir(self) -> Path:
        """Edits on their way to the database (see incidents.autosave)."""
        return self.data_dir / "pending"

    @property
    def user_playbook_dir(self) -> Path:
        return self.data_dir / "playbooks"

    def default_database_url(self) -> str:
        return f"sqlite:///{self.database_file}"


def ensure_writable(directory: Path) -> None:
    """Create `directory` if needed and prove a file can be written there."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".write-probe-{os.getpid()}-{time.monotonic_ns()}"
        with probe.open("xb") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as exc:
        raise KriseninfoError(
            ErrorCode.DATA_DIR_NOT_WRITABLE,
            f"cannot write to {directory}: {exc.strerror or exc}",
            {"path": str(directory)},
        ) from exc
