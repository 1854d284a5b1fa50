"""Saving Lagebild edits as they are typed, without ever losing one.

Every edit is written to a spool file in the data dir before it goes to the
database, and removed from it once stored. An edit that cannot reach the
database (PostgreSQL down, SQLite busy, disk full) stays there and is retried;
the spool survives a crash and is replayed at the next start.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from kriseninfo.domain import Actor
from kriseninfo.errors import KriseninfoError
from kriseninfo.files import write_atomic
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
    """The spool of one console: one JSON line per edit not yet in the database.

    Every console process writes its own file in the spool folder and holds a lock on
    it while it runs; files whose lock nobody holds belong to a console that ended
    (or crashed) and are taken over by the next one, so two consoles on one data
    folder never overwrite each other's waiting edits.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"edits-{os.getpid()}-{uuid.uuid4().hex[:8]}.jsonl"
        self._lock = FileLock(str(self.path) + ".lock")
        self._lock.acquire(timeout=5)
        self.rejected_path = directory / "rejected-edits.jsonl"

    def adopt_orphans(self) -> list[FieldEdit]:
        """Edits left by consoles that are no longer running; their files are removed."""
        adopted: list[FieldEdit] = []
        for other in sorted(self.directory.glob("edits-*.jsonl")):
            if other == self.path:
                continue
            lock = FileLock(str(other) + ".lock")
            try:
                lock.acquire(timeout=0)
            except Timeout:
                continue  # a running console owns it
            try:
                adopted += _read(other)
                other.unlink(missing_ok=True)
            finally:
                lock.release()
                Path(str(other) + ".lock").unlink(missing_ok=True)
        return adopted

    def replace(self, edits: list[FieldEdit]) -> None:
        """Write the waiting edits durably (the file is replaced atomically)."""
        write_atomic(self.path, "".join(edit.to_json() + "\n" for edit in edits).encode("utf-8"))

    def reject(self, edit: FieldEdit, reason: str) -> None:
        """Keep an edit the database refused for good, for a person to look at."""
        with self.rejected_path.open("a", encoding="utf-8") as handle:
            handle.write(
                json.dumps(
                    {"edit": json.loads(edit.to_json()), "reason": reason}, ensure_ascii=False
                )
                + "\n"
            )
            handle.flush()
            os.fsync(handle.fileno())

    def close(self) -> None:
        """Give the file up; if edits still wait in it, the next console adopts them."""
        self._lock.release()
        if self.path.exists() and self.path.stat().st_size == 0:
            self.path.unlink()
            Path(str(self.path) + ".lock").unlink(missing_ok=True)


def _read(path: Path) -> list[FieldEdit]:
    try:
        text = path.read_text(encoding="utf-8")
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
            log.warning("pending edit %s:%d unreadable, skipped: %s", path, number, exc)
    return edits


class LagebildSaver:
    """Stores edits in order. Each edit is on disk before the database is asked, so a
    crash, a hanging server or a full disk can delay it but never lose it."""

    def __init__(self, incidents: IncidentService, spool: PendingEdits):
        self._incidents = incidents
        self._spool = spool
        self._lock = threading.Lock()
        self._pending: list[FieldEdit] = _merge([], spool.adopt_orphans())
        self._write_spool()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def pending_fields(self, incident_id: int) -> set[LagebildField]:
        with self._lock:
            return {e.field for e in self._pending if e.incident_id == incident_id}

    def save(self, edit: FieldEdit) -> SaveResult:
        with self._lock:
            self._pending = _merge(self._pending, [edit])
            self._write_spool()
            return self._flush_locked()

    def flush(self) -> SaveResult:
        with self._lock:
            return self._flush_locked()

    def close(self) -> None:
        self._spool.close()

    def _flush_locked(self) -> SaveResult:
        refused: KriseninfoError | None = None
        while self._pending:
            edit = self._pending[0]
            try:
                self._incidents.set_field(edit.incident_id, edit.field, edit.value, edit.actor)
            except KriseninfoError as exc:
                if exc.transient:
                    return SaveResult(len(self._pending), exc)
                # e.g. the incident was closed at another console: it can never be stored
                # here, but a person may still want the text.
                log.error(
                    "edit of %s refused, kept in %s: %s",
                    edit.field.value,
                    self._spool.rejected_path,
                    exc,
                )
                self._spool.reject(edit, str(exc))
                refused = exc
            self._pending.pop(0)
            self._write_spool()
        return SaveResult(0, refused)

    def _write_spool(self) -> None:
        try:
            self._spool.replace(self._pending)
        except OSError as exc:
            # Disk full too: the edits stay in memory and in the window.
            log.error("cannot write pending edits to %s: %s", self._spool.path, exc)


def _merge(pending: list[FieldEdit], new: list[FieldEdit]) -> list[FieldEdit]:
    """Add edits; a newer edit of the same field replaces the older one."""
    result = list(pending)
    for edit in new:
        key = (edit.incident_id, edit.field)
        result = [e for e in result if (e.incident_id, e.field) != key]
        result.append(edit)
    return result
