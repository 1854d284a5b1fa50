"""Moving a damaged SQLite file aside (never deleting it) so work can go on."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)


def move_aside(database_file: Path, now: datetime) -> Path:
    """Rename the file and its WAL/SHM companions; returns the new name of the file."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = database_file.with_name(f"{database_file.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        target = database_file.with_name(f"{database_file.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in ("-wal", "-shm"):
        companion = database_file.with_name(database_file.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    database_file.rename(target)
    log.warning("moved damaged database %s aside to %s", database_file, target)
    return target
