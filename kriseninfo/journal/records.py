"""Journal lines and check results as the rest of the program sees them (no SQL here)."""

from __future__ import annotations

import enum
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


class BreakKind(enum.StrEnum):
    MISSING = "missing"
    REPEATED = "repeated"
    UNLINKED = "unlinked"
    ALTERED = "altered"
    HEAD_MISSING = "head_missing"
    TAIL_MISSING = "tail_missing"


BREAK_REASONS = {
    BreakKind.MISSING: "line missing",
    BreakKind.REPEATED: "line repeated",
    BreakKind.UNLINKED: "does not link to the line before",
    BreakKind.ALTERED: "content was altered",
    BreakKind.HEAD_MISSING: "journal head is missing",
    BreakKind.TAIL_MISSING: "lines missing at the end",
}


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    seq: int
    kind: BreakKind
    detail: str = ""

    @property
    def reason(self) -> str:
        """English, for the command line and logs; the console words it from `kind`."""
        text = BREAK_REASONS[self.kind]
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None
