"""Creating incidents, editing their Lagebild, closing and reopening them.

Every change is journaled in the same transaction as the change itself.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import (
    FieldType,
    FieldValue,
    IncidentSnapshot,
    LagebildField,
    to_journal_text,
)
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.journal.journal import Actor
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Incident, IncidentKind, IncidentMode, IncidentStatus
from kriseninfo.validation import strip_controls


class IncidentService:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def create(
        self, title: str, kind: IncidentKind, mode: IncidentMode, by: Actor
    ) -> IncidentSnapshot:
        title = " ".join(strip_controls(title).split())
        if not title:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, "title is empty", {"field": "title"})
        _check_length(LagebildField.TITLE, title)
        now = self._clock()
        with self._db.session() as session:
            incident = Incident(
                title=title,
                kind=kind,
                mode=mode,
                status=IncidentStatus.OPEN,
                created_at=now,
                created_by=by.id,
                what_happened="",
                location="",
                affected_area="",
                public_action="",
                hotline="",
                web_link="",
            )
            session.add(incident)
            session.flush()
            journal.append(
                session,
                at=now,
                actor=by,
                action=Action.INCIDENT_CREATED,
                incident_id=incident.id,
                field="title",
                new_value=title,
            )
            return _snapshot(incident)

    def get(self, incident_id: int) -> IncidentSnapshot:
        with self._db.session(readonly=True) as session:
            return _snapshot(_load(session, incident_id))

    def list(self) -> list[IncidentSnapshot]:
        """All incidents, open ones first, newest first within each."""
        with self._db.session(readonly=True) as session:
            rows = session.scalars(select(Incident).order_by(Incident.id.desc()))
            snapshots = [_snapshot(row) for row in rows]
        return sorted(snapshots, key=lambda s: s.status is not IncidentStatus.OPEN)

    def set_field(
        self, incident_id: int, field: LagebildField, value: FieldValue, by: Actor
    ) -> IncidentSnapshot:
        """Store one field; an unchanged value writes nothing."""
        value = _normalise(field, value)
        with self._db.session() as session:
            incident = _load(session, incident_id, for_update=True)
            if incident.status is not IncidentStatus.OPEN:
                raise KriseninfoError(
                    ErrorCode.INCIDENT_CLOSED,
                    f"incident {incident_id} is closed; reopen it to edit",
                    {"incident": incident.title},
                )
            old: FieldValue = getattr(incident, field.value)
            if old == value:
                return _snapshot(incident)
            setattr(incident, field.value, value)
            journal.append(
                session,
                at=self._clock(),
                actor=by,
                action=Action.INCIDENT_CHANGED,
                incident_id=incident.id,
                field=field.value,
                old_value=to_journal_text(old),
                new_value=to_journal_text(value),
            )
            return _snapshot(incident)

    def close(self, incident_id: int, by: Actor) -> IncidentSnapshot:
        return self._set_status(incident_id, IncidentStatus.CLOSED, by)

    def reopen(self, incident_id: int, by: Actor) -> IncidentSnapshot:
        return self._set_status(incident_id, IncidentStatus.OPEN, by)

    def _set_status(self, incident_id: int, status: IncidentStatus, by: Actor) -> IncidentSnapshot:
        now = self._clock()
        with self._db.session() as session:
            incident = _load(session, incident_id, for_update=True)
            if incident.status is status:
                return _snapshot(incident)
            old = incident.status
            incident.status = status
            incident.closed_at = now if status is IncidentStatus.CLOSED else None
            journal.append(
                session,
                at=now,
                actor=by,
                action=(
                    Action.INCIDENT_CLOSED
                    if status is IncidentStatus.CLOSED
                    else Action.INCIDENT_REOPENED
                ),
                incident_id=incident.id,
                field="status",
                old_value=old.value,
                new_value=status.value,
            )
            return _snapshot(incident)


def _normalise(field: LagebildField, value: FieldValue) -> FieldValue:
    if field.type is FieldType.TIME:
        if value is not None and not isinstance(value, datetime):
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, f"{field.value} needs a time", {"field": field.value}
            )
        if isinstance(value, datetime) and value.tzinfo is None:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, f"{field.value}: time without zone", {"field": field.value}
            )
        # Minutes are what people plan with; seconds only make the journal noisy.
        return value.replace(second=0, microsecond=0) if value else None
    if not isinstance(value, str):
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT, f"{field.value} needs text", {"field": field.value}
        )
    value = strip_controls(value)
    _check_length(field, value)
    return value


def _check_length(field: LagebildField, value: str) -> None:
    if len(value) > field.max_length:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"{field.value} is longer than {field.max_length} characters",
            {"field": field.value, "max": str(field.max_length)},
        )


def _load(session: Session, incident_id: int, for_update: bool = False) -> Incident:
    """The row; `for_update` locks it (PostgreSQL) so the journal's old value is the real one
    and a close at another console cannot slip between reading and writing."""
    incident = session.get(Incident, incident_id, with_for_update=for_update)
    if incident is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"incident {incident_id} not found")
    return incident


def _snapshot(row: Incident) -> IncidentSnapshot:
    return IncidentSnapshot(
        id=row.id,
        title=row.title,
        kind=row.kind,
        mode=row.mode,
        status=row.status,
        created_at=row.created_at,
        closed_at=row.closed_at,
        what_happened=row.what_happened,
        location=row.location,
        since=row.since,
        affected_area=row.affected_area,
        public_action=row.public_action,
        hotline=row.hotline,
        web_link=row.web_link,
        next_update_at=row.next_update_at,
    )
