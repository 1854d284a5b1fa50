"""Saving Lagebild edits as they are typed, without ever losing one.

An edit that cannot reach the database (PostgreSQL down, SQLite busy, disk
full) is kept in a spool file in the data dir and retried; the spool survives
a crash and is replayed at the next start.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kriseninfo.domain import Actor
from kriseninfo.errors import KriseninfoError
from kriseninfo.incidents.lagebild import (
    FieldValue,
    LagebildField,
    from_journal_text,
    to_journal_text,
)

if TYPE_CHECKING:  # the window imports this module before the database layer is loaded
    from kriseninfo.incidents.service import IncidentService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldEdit:
    incident_id: int
    field: LagebildField
    value: FieldValue
    actor: Actor

    def to_json(self) -> str:
        return json.dumps(
            {
                "incident_id": self.incident_id,
                "field": self.field.value,
                "value": to_journal_text(self.value),
                "user_id": self.actor.id,
                "user_name": self.actor.name,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> FieldEdit:
        raw = json.loads(line)
        field = LagebildField(raw["field"])
        return cls(
            incident_id=int(raw["incident_id"]),
            field=field,
            value=from_journal_text(field, raw["value"]),
            actor=Actor(raw["user_id"], str(raw["user_name"])),
        )


@dataclass(frozen=True)
class SaveResult:
    """What became of the edits: all stored, or some still waiting because of `error`."""

    pending: int
    error: KriseninfoError | None = None

    @property
    def saved(self) -> bool:
        return self.pending == 0 and self.error is None


class PendingEdits:
    """The spool: one JSON line per edit that has not reached the database yet."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> list[FieldEdit]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        edits = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                edits.append(FieldEdit.from_json(line))
            except (ValueError, KeyError, TypeError) as exc:
                # A torn last line after a crash; everything before it is good.
                log.warning("pending edit %s:%d unreadable, skipped: %s", self.path, number, exc)
        return edits

    def replace(self, edits: list[FieldEdit]) -> None:
        if not edits:
            self.path.unlink(missing_ok=True)
            return
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for edit in edits:
                handle.write(edit.to_json() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


class LagebildSaver:
    """Stores edits in order; keeps what fails for later. Safe to call from one worker thread."""

    def __init__(self, incidents: IncidentService, spool: PendingEdits):
        self._incidents = incidents
        self._spool = spool
        self._lock = threading.Lock()
        self._pending: list[FieldEdit] = spool.load()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def save(self, edit: FieldEdit) -> SaveResult:
        with self._lock:
            self._pending = [
                e
                for e in self._pending
                if (e.incident_id, e.field) != (edit.incident_id, edit.field)
            ]
            self._pending.append(edit)
            return self._flush_locked()

    def flush(self) -> SaveResult:
        with self._lock:
            return self._flush_locked()

    def _flush_locked(self) -> SaveResult:
        while self._pending:
            edit = self._pending[0]
            try:
                self._incidents.set_field(edit.incident_id, edit.field, edit.value, edit.actor)
            except KriseninfoError as exc:
                if exc.transient:
                    self._write_spool()
                    return SaveResult(len(self._pending), exc)
                # A closed or deleted incident: the edit cannot ever be stored.
                log.error("edit of %s dropped: %s", edit.field.value, exc)
                self._pending.pop(0)
                self._write_spool()
                return SaveResult(len(self._pending), exc)
            self._pending.pop(0)
        if self._spool.path.exists():
            self._write_spool()
        return SaveResult(0, None)

    def _write_spool(self) -> None:
        try:
            self._spool.replace(self._pending)
        except OSError as exc:
            # Disk full too: the edits stay in memory and in the window.
            log.error("cannot write pending edits to %s: %s", self._spool.path, exc)
