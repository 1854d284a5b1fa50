"""The clock is passed in, so tests and drills can run on their own time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real wall clock, timezone-aware UTC."""
    return datetime.now(UTC)
