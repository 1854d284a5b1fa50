"""Which playbook an incident follows: its current phase, the facts, the ticked checks.

Every change is journaled in the same transaction, like the Lagebild's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.facts import from_lagebild
from kriseninfo.playbooks.kinds import ParameterType
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import IncidentPlaybook
from kriseninfo.validation import strip_controls

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook

FACT_MAX_LENGTH = 2000


@dataclass(frozen=True)
class PlaybookLink:
    incident_id: int
    playbook_id: str
    playbook_version: str
    phase_id: str
    facts: dict[str, str] = field(default_factory=dict)
    checklist: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def ticked(self, phase_id: str) -> frozenset[int]:
        return frozenset(self.checklist.get(phase_id, ()))


#: Called after the playbook or a street or place among the facts changed (a new triage
#: of the incident's open questions).
Retriage = Callable[[int, Person], object]
_PLACES = (ParameterType.STREET_LIST, ParameterType.PLACE)


class IncidentPlaybookService:
    def __init__(
        self, database: Database, clock: Clock = utc_now, retriage: Retriage | None = None
    ):
        self._db = database
        self._clock = clock
        self._retriage = retriage

    def get(self, incident_id: int) -> PlaybookLink | None:
        with self._db.session(readonly=True) as session:
            row = session.get(IncidentPlaybook, incident_id)
            return _link(row) if row else None

    def attach(self, incident: IncidentSnapshot, playbook: Playbook, by: Person) -> PlaybookLink:
        """Follow `playbook`; facts the Lagebild knows are filled in, earlier facts kept."""
        with self._db.session() as session:
            open_incident(session, incident.id, for_update=True)
            row = session.get(IncidentPlaybook, incident.id, with_for_update=True)
            known = {p.id for p in playbook.parameters}
            facts = {**from_lagebild(playbook, incident)}
            if row is not None:
                old_facts: dict[str, str] = json.loads(row.facts_json)
                facts.update({k: v for k, v in old_facts.items() if k in known and v.strip()})
                old = f"{row.playbook_id} {row.playbook_version}"
            else:
                old = None
                row = IncidentPlaybook(incident_id=incident.id, checklist_json="{}")
                session.add(row)
            row.playbook_id = playbook.id
            row.playbook_version = playbook.version
            row.phase_id = playbook.phases[0].id
            row.facts_json = json.dumps(facts, ensure_ascii=False, sort_keys=True)
            row.updated_at = self._clock()
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.PLAYBOOK_ATTACHED,
                incident_id=incident.id,
                field="playbook",
                old_value=old,
                new_value=f"{playbook.id} {playbook.version}",
            )
            link = _link(row)
        if self._retriage is not None:
            self._retriage(incident.id, by)
        return link

    def set_phase(
        self, incident_id: int, playbook: Playbook, phase_id: str, by: Person
    ) -> PlaybookLink:
        if playbook.phase(phase_id) is None:
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"no phase '{phase_id}'", {"field": "phase"})
        with self._db.session() as session:
            row = _load(session, incident_id)
            if row.phase_id != phase_id:
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.PHASE_CHANGED,
                    incident_id=incident_id,
                    field="phase",
                    old_value=row.phase_id,
                    new_value=phase_id,
                )
                row.phase_id = phase_id
                row.updated_at = self._clock()
            return _link(row)

    def set_facts(
        self, incident_id: int, playbook: Playbook, changes: dict[str, str], by: Person
    ) -> PlaybookLink:
        """Store typed facts; an unchanged value writes nothing."""
        changes = {name: strip_controls(value) for name, value in changes.items()}
        for name, value in changes.items():
            if playbook.parameter(name) is None:
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT, f"no parameter '{name}'", {"field": name}
                )
            if len(value) > FACT_MAX_LENGTH:
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT,
                    f"{name} is longer than {FACT_MAX_LENGTH} characters",
                    {"field": name, "max": str(FACT_MAX_LENGTH)},
                )
        places = False
        with self._db.session() as session:
            row = _load(session, incident_id)
            facts: dict[str, str] = json.loads(row.facts_json)
            for name, value in changes.items():
                old = facts.get(name, "")
                if old == value:
                    continue
                facts[name] = value
                parameter = playbook.parameter(name)
                places = places or (parameter is not None and parameter.type in _PLACES)
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.FACT_CHANGED,
                    incident_id=incident_id,
                    field=name,
                    old_value=old,
                    new_value=value,
                )
            row.facts_json = json.dumps(facts, ensure_ascii=False, sort_keys=True)
            row.updated_at = self._clock()
            link = _link(row)
        if places and self._retriage is not None:
            self._retriage(incident_id, by)
        return link

    def set_check(
        self,
        incident_id: int,
        playbook: Playbook,
        phase_id: str,
        index: int,
        done: bool,
        by: Person,
    ) -> PlaybookLink:
        phase = playbook.phase(phase_id)
        if phase is None or not 0 <= index < len(phase.checklist):
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"no check {index} in '{phase_id}'")
        with self._db.session() as session:
            row = _load(session, incident_id)
            checklist: dict[str, list[int]] = json.loads(row.checklist_json)
            ticked = set(checklist.get(phase_id, []))
            if (index in ticked) != done:
                ticked.symmetric_difference_update({index})
                checklist[phase_id] = sorted(ticked)
                row.checklist_json = json.dumps(checklist, sort_keys=True)
                row.updated_at = self._clock()
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.CHECKLIST_CHANGED,
                    incident_id=incident_id,
                    field=phase_id,
                    old_value=None,
                    new_value=("erledigt: " if done else "offen: ") + phase.checklist[index],
                )
            return _link(row)


def _load(session: Session, incident_id: int) -> IncidentPlaybook:
    open_incident(session, incident_id, for_update=True)
    row = session.get(IncidentPlaybook, incident_id, with_for_update=True)
    if row is None:
        raise KriseninfoError(
            ErrorCode.NOT_FOUND,
            f"incident {incident_id} follows no playbook",
            {"field": "playbook"},
        )
    return row


def _link(row: IncidentPlaybook) -> PlaybookLink:
    checklist: dict[str, list[int]] = json.loads(row.checklist_json)
    return PlaybookLink(
        incident_id=row.incident_id,
        playbook_id=row.playbook_id,
        playbook_version=row.playbook_version,
        phase_id=row.phase_id,
        facts=json.loads(row.facts_json),
        checklist={phase: tuple(ticks) for phase, ticks in checklist.items()},
    )
