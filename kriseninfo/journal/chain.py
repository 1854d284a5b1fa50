"""How one journal line is hashed and chained to the line before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class EntryContent:
    """Everything a journal line says; exactly what its hash covers."""

    seq: int
    recorded_at: datetime
    user_id: int | None
    user_name: str
    incident_id: int | None
    action: str
    field: str
    old_value: str | None
    new_value: str | None

    def canonical(self, prev_hash: str) -> bytes:
        payload = [
            self.seq,
            self.recorded_at.astimezone(UTC).isoformat(timespec="microseconds"),
            self.user_id,
            self.user_name,
            self.incident_id,
            self.action,
            self.field,
            self.old_value,
            self.new_value,
            prev_hash,
        ]
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(content: EntryContent, prev_hash: str) -> str:
    return hashlib.sha256(content.canonical(prev_hash)).hexdigest()
