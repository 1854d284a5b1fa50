"""Reading an incident row inside another service's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.storage.models import Incident, IncidentStatus


def open_incident(session: Session, incident_id: int, for_update: bool = False) -> Incident:
    """The incident, which must exist and be open: a closed one is read-only everywhere.

    `for_update` locks the row (PostgreSQL), so a close at another console cannot slip in.
    """
    incident = session.get(Incident, incident_id, with_for_update=for_update)
    if incident is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"incident {incident_id} not found")
    if incident.status is not IncidentStatus.OPEN:
        raise KriseninfoError(
            ErrorCode.INCIDENT_CLOSED,
            f"incident {incident_id} is closed; reopen it to edit",
            {"incident": incident.title},
        )
    return incident
