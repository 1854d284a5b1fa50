"""Reading, checking and exporting the Einsatztagebuch, each in its own transaction."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.domain import Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.export import export_csv
from kriseninfo.journal.records import JournalLine, VerifyResult
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Incident, User


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

    def export_pdf(
        self,
        target: Path,
        incident_id: int | None = None,
        *,
        generated_at: datetime,
        zone: tzinfo | None = None,
    ) -> int:
        """Write the lines (all, or one incident's) as a printable PDF; returns how many.

        Lines, chain check, roles and title are read in one transaction, so the document
        states the chain status of exactly the lines it shows. `zone` None: local time.
        """
        with self._db.session(readonly=True) as session:
            lines = journal.lines(session, incident_id=incident_id)
            chain = journal.verify(session)
            roles = _roles(session)
            title = "" if incident_id is None else _incident_title(session, incident_id)
        from kriseninfo.journal.pdf import export_pdf  # fpdf costs half a second to import

        return export_pdf(
            lines,
            target,
            chain=chain,
            generated_at=generated_at,
            incident_id=incident_id,
            incident_title=title,
            roles=roles,
            zone=zone,
        )


def _roles(session: Session) -> dict[str, Role]:
    """Names are unique and never change, so a journal line's name finds its person."""
    return {name: role for name, role in session.execute(select(User.name, User.role))}


def _incident_title(session: Session, incident_id: int) -> str:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"incident {incident_id} not found")
    return incident.title
