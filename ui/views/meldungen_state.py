"""Everything the Meldungen area shows for one incident, read in one worker call."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kriseninfo.context import AppContext
from kriseninfo.domain import Person
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo.messagesets.checks import facts_problems, set_problems
from kriseninfo.messagesets.facts import still_examples
from kriseninfo.messagesets.incident_playbook import PlaybookLink
from kriseninfo.messagesets.kinds import DeskSetting
from kriseninfo.messagesets.records import MessageSetView, Problem

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook


@dataclass(frozen=True)
class MeldungenState:
    incident: IncidentSnapshot
    link: PlaybookLink | None
    playbook: Playbook | None
    #: Playbooks to choose from while the incident follows none.
    playbooks: list[Playbook] = field(default_factory=list)
    sets: list[MessageSetView] = field(default_factory=list)
    problems: dict[int, list[Problem]] = field(default_factory=dict)
    example_facts: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    confirm_allowed: bool = True
    eilfreigabe_allowed: bool = False


def load_state(context: AppContext, incident_id: int) -> MeldungenState:
    """What the database holds (on the database worker: quick). The playbooks themselves
    come from `with_playbooks`: checking them takes seconds the first time, and that must
    never hold up a save on the database worker."""
    incident = context.incidents.get(incident_id)
    link = context.plans.get(incident_id)
    if link is None:
        return MeldungenState(incident, None, None)
    sets = context.messagesets.for_incident(incident_id)
    return MeldungenState(
        incident=incident,
        link=link,
        playbook=None,
        sets=sets,
        problems={view.id: set_problems(view) for view in sets},
        people=context.users.list(),
        confirm_allowed=context.desk.get(DeskSetting.PREAPPROVED_TEMPLATES),
        eilfreigabe_allowed=context.desk.get(DeskSetting.EILFREIGABE_ALLOWED),
    )


def with_playbooks(state: MeldungenState, playbooks: list[Playbook]) -> MeldungenState:
    """The state completed with the checked playbooks (read in the background)."""
    playbook = None
    if state.link is not None:
        playbook = next((p for p in playbooks if p.id == state.link.playbook_id), None)
    examples = still_examples(playbook, state.link.facts) if playbook and state.link else []
    facts = state.link.facts if state.link else {}
    problems = {
        view.id: [
            *state.problems.get(view.id, []),
            *facts_problems(view, facts, examples, state.incident.is_drill),
        ]
        for view in state.sets
    }
    return replace(
        state, playbook=playbook, playbooks=playbooks, example_facts=examples, problems=problems
    )
