"""Starting an incident from a playbook: the incident, then the playbook attached to it."""

from __future__ import annotations

from kriseninfo.context import AppContext
from kriseninfo.domain import IncidentMode, Person
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo.playbooks.schema import Playbook


def start_from_playbook(
    context: AppContext, title: str, mode: IncidentMode, playbook: Playbook, by: Person
) -> IncidentSnapshot:
    """A new incident of the playbook's kind that follows it from its first phase."""
    incident = context.incidents.create(title or playbook.title, playbook.kind, mode, by.actor)
    context.plans.attach(incident, playbook, by)
    return incident
