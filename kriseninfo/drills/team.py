"""The automatic team of a headless drill: two people, an editor and a releaser, so the
four-eyes rule holds for them as for everyone.

They are ordinary people in the database (their actions are journaled under their
names), armed with fresh random PINs only this process knows and switched off again when
the drill ends, so nobody can sign in as them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from kriseninfo.dialog.answers import EMERGENCY_ID, AnswerService
from kriseninfo.dialog.service import DialogService
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.messagesets.facts import examples
from kriseninfo.messagesets.incident_playbook import IncidentPlaybookService
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.messagesets.release import ReleaseService
from kriseninfo.messagesets.service import MessageSetService
from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.triage.emergency import EMERGENCY_ANSWER
from kriseninfo.users.service import UserService

#: The team's two people; {n} is its number: a second headless drill running at the same
#: time gets a team of its own (and never re-arms, or switches off, the first one's).
EDITOR = ("Übungsteam {n} Redaktion (automatisch)", Role.REDAKTION)
RELEASER = ("Übungsteam {n} Freigabe (automatisch)", Role.FREIGABE)
MAX_TEAMS = 20


@dataclass(frozen=True)
class Member:
    person: Person
    pin: str


@dataclass(frozen=True)
class AutoTeam:
    editor: Member
    releaser: Member


def arm(users: UserService, lead: Person) -> AutoTeam:
    """The team, created or re-armed by `lead` (Leitung), with new PINs."""
    if not lead.may_manage_people:
        raise KriseninfoError(
            ErrorCode.PERMISSION_DENIED,
            "only Leitung may run a drill with the automatic team",
            {"need": "leitung"},
        )
    known = {p.name: p for p in users.list(include_inactive=True)}
    number = next(
        (
            n
            for n in range(1, MAX_TEAMS + 1)
            if not any(
                (p := known.get(name.format(n=n))) is not None and p.active
                for name, _role in (EDITOR, RELEASER)
            )
        ),
        None,
    )
    if number is None:
        raise KriseninfoError(
            ErrorCode.NOT_ALLOWED_NOW,
            f"{MAX_TEAMS} automatic teams are at work; Leitung can switch off leftover ones",
        )
    members = []
    for name, role in (EDITOR, RELEASER):
        pin = "".join(secrets.choice("0123456789") for _ in range(12))
        person = known.get(name.format(n=number))
        if person is None:
            person = users.create(name.format(n=number), role, pin, lead)
        else:
            users.reset_pin(person.id, pin, lead)
            person = users.set_active(person.id, True, lead)
        members.append(Member(person, pin))
    return AutoTeam(members[0], members[1])


def disarm(users: UserService, team: AutoTeam, lead: Person) -> None:
    for member in (team.editor, team.releaser):
        users.set_active(member.person.id, False, lead)


@dataclass
class TeamWork:
    """What the automatic team does: answer each question with the best-ranked
    Textbaustein (an emergency with the 112 advice), and publish each phase's message."""

    team: AutoTeam
    dialog: DialogService
    answers: AnswerService
    plans: IncidentPlaybookService
    messagesets: MessageSetService
    releases: ReleaseService

    def answer(self, item_id: int) -> None:
        item = self.dialog.get(item_id)
        editor = self.team.editor.person
        if item.category is Category.NOTFALL:
            text, answer_id = EMERGENCY_ANSWER["de"], EMERGENCY_ID
        else:
            best = next(iter(self.answers.suggestions(item_id, limit=1)), None)
            if best is None or best.problem:
                self.answers.close(item_id, editor, "Keine passende Antwort (automatisch)")
                return
            text, answer_id = best.text, best.answer_id
        answered = self.answers.answer([item_id], text, editor, answer_id)
        if answered.set_id is not None and not answered.released:
            self._release(answered.set_id)

    def fill_facts(self, incident_id: int, playbook: Playbook) -> None:
        """Facts nobody gave yet take the playbook's examples (a drill may use them)."""
        link = self.plans.get(incident_id)
        known = link.facts if link else {}
        wanted = {k: v for k, v in examples(playbook).items() if not known.get(k, "").strip()}
        if wanted:
            self.plans.set_facts(incident_id, playbook, wanted, self.team.editor.person)

    def publish_phase(self, incident_id: int, playbook: Playbook, phase_id: str) -> int:
        """Move to `phase_id` (if not there) and publish its message; the set's id."""
        editor = self.team.editor.person
        link = self.plans.get(incident_id)
        first = link is None or not self.messagesets.for_incident(incident_id)
        if link is not None and link.phase_id != phase_id:
            self.plans.set_phase(incident_id, playbook, phase_id, editor)
        purpose = SetPurpose.ERSTMELDUNG if first else SetPurpose.UPDATE
        made = self.messagesets.generate(incident_id, editor, purpose)
        self.releases.submit(made.id, editor)
        self._release(made.id)
        return made.id

    def _release(self, set_id: int) -> None:
        releaser = self.team.releaser
        self.releases.release(set_id, releaser.person.id, releaser.pin)
