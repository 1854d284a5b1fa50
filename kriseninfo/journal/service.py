"""Reading, checking and exporting the Einsatztagebuch, each in its own transaction."""

from __future__ import annotations

from pathlib import Path

from kriseninfo.journal import journal
from kriseninfo.journal.export import export_csv
from kriseninfo.journal.records import JournalLine, VerifyResult
from kriseninfo.storage.database import Database


class JournalService:
    def __init__(self, database: Database):
        self._db = database

    def lines(self, incident_id: int | None = None, after_seq: int = 0) -> list[JournalLine]:
        with self._db.session(readonly=True) as session:
            return journal.lines(session, incident_id=incident_id, after_seq=after_seq)

    def verify(self) -> VerifyResult:
        with self._db.session(readonly=True) as session:
            return journal.verify(session)

    def export_csv(self, target: Path, incident_id: int | None = None) -> int:
        """Write the lines (all, or one incident's) to `target`; returns how many."""
        lines = self.lines(incident_id)
        with target.open("w", encoding="utf-8", newline="") as handle:
            return export_csv(lines, handle)
