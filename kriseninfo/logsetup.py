"""Logging for maintainers: a rotating file in the log dir, stderr with -v.

The console opens its log file only after the window's first paint (the rotating handler's
module alone costs more than a frame). `hold_early_records` keeps whatever is logged before
that in memory, and `configure_logging` writes it to the file first, so nothing is lost.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
EARLY_LIMIT = 1000


class _EarlyRecords(logging.Handler):
    """Keeps the records logged before the real handlers exist (at most EARLY_LIMIT)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < EARLY_LIMIT:
            self.records.append(record)


def hold_early_records(verbose: int = 0) -> None:
    """Keep records in memory until `configure_logging` opens the log file."""
    root = logging.getLogger()
    root.setLevel(_level(verbose))
    if not any(isinstance(handler, _EarlyRecords) for handler in root.handlers):
        root.addHandler(_EarlyRecords())


def configure_logging(log_dir: Path, verbose: int = 0) -> Path | None:
    """Send logs to `log_dir/kriseninfo.log` (rotated); returns the file, or None if unwritable.

    Records held by `hold_early_records` are written to the new handlers first.
    """
    import logging.handlers  # deferred: see the module docstring

    root = logging.getLogger()
    root.setLevel(_level(verbose))
    early = [held for held in root.handlers if isinstance(held, _EarlyRecords)]
    for held in early:
        root.removeHandler(held)
    new: list[logging.Handler] = []
    log_file: Path | None = log_dir / "kriseninfo.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        new.append(
            logging.handlers.RotatingFileHandler(
                log_dir / "kriseninfo.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError as exc:
        print(f"kriseninfo: cannot write log file in {log_dir}: {exc}", file=sys.stderr)
        log_file = None
    if verbose or not new:
        # Without a file, warnings still reach the maintainer on stderr.
        new.append(logging.StreamHandler(sys.stderr))
        if not verbose:
            new[-1].setLevel(logging.WARNING)
    for handler in new:
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    for record in (record for held in early for record in held.records):
        for handler in new:
            if record.levelno >= handler.level:
                handler.handle(record)
    return log_file


def _level(verbose: int) -> int:
    return logging.DEBUG if verbose > 1 else logging.INFO
