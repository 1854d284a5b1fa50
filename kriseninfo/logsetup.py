"""Logging for maintainers: a rotating file in the log dir, stderr with -v."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path, verbose: int = 0) -> Path | None:
    """Send logs to `log_dir/kriseninfo.log` (rotated); returns the file, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
    log_file = log_dir / "kriseninfo.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    except OSError as exc:
        print(f"kriseninfo: cannot write log file in {log_dir}: {exc}", file=sys.stderr)
        return None
    finally:
        if verbose:
            stream = logging.StreamHandler(sys.stderr)
            stream.setFormatter(logging.Formatter(FORMAT))
            root.addHandler(stream)
    return log_file
