"""Journal lines and check results as the rest of the program sees them (no SQL here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class JournalLine:
    """A journal line as the UI and exports see it."""

    seq: int
    recorded_at: datetime
    user_name: str
    incident_id: int | None
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    hash: str


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    seq: int
    reason: str


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None
