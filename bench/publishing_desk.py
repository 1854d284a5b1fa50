"""The real path to a released message set, for the publishing benchmarks.

A database, the services of `open_context`, people with PINs, an incident following the
bundled bomb playbook with its facts set, channel accounts (scoped to that incident, so
two desks can share one database without one's sets reaching the other's accounts), a
file keyring, and four-eyes release. The steps are those of tests/core/publishing's
`Desk`, copied rather than imported so the benchmark never depends on test fixtures.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import func, select

from kriseninfo.context import AppContext, Options, open_context
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.incidents.lagebild import IncidentSnapshot, LagebildField
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.messagesets.records import MessageSetView
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.states import DeliveryState
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Delivery, IncidentKind, IncidentMode
from tests.support.facts import real_facts

BOMB = "bombenentschaerfung"
LEITUNG_PIN = "2468"
FREIGABE_PIN = "1357"
REDAKTION_PIN = "9753"


def file_keyring(path: Path) -> Credentials:
    """A real keyring backend (keyrings.alt's plaintext file) behind `Credentials`."""
    ring = PlaintextKeyring()
    ring.file_path = str(path)  # type: ignore[misc]
    return Credentials(ring)


@dataclass(frozen=True)
class Team:
    leitung: Person
    freigabe: Person
    redaktion: Person
    freigabe_pin: str = FREIGABE_PIN


def open_desk_context(db_url: str, data_dir: Path, credentials: Credentials) -> AppContext:
    """`open_context` on `db_url`, its services reading `credentials` (the file keyring)."""
    context = open_context(Options(db_url=db_url, data_dir=data_dir))
    context.__dict__["credentials"] = credentials  # before channel_setup is first used
    return context


def make_team(context: AppContext) -> Team:
    leitung = context.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
    return Team(
        leitung=leitung,
        freigabe=context.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, leitung),
        redaktion=context.users.create("Clara Claus", Role.REDAKTION, REDAKTION_PIN, leitung),
    )


class Desk:
    """One incident with its own channel accounts, released through the real services."""

    def __init__(self, context: AppContext, team: Team, incident_id: int):
        self.context = context
        self.team = team
        self.incident_id = incident_id
        self.account_ids: list[int] = []

    @classmethod
    def new_incident(
        cls, context: AppContext, team: Team, title: str = "Bombenfund Moers-Mitte"
    ) -> Desk:
        """A real incident following the bomb playbook, its facts set as a real one has."""
        by = team.redaktion.actor
        created = context.incidents.create(
            title, IncidentKind.BOMBENENTSCHAERFUNG, IncidentMode.REAL, by
        )
        context.incidents.set_field(created.id, LagebildField.HOTLINE, "02841 201-777", by)
        playbook = context.playbooks.find(BOMB)
        snapshot: IncidentSnapshot = context.incidents.get(created.id)
        context.plans.attach(snapshot, playbook, team.redaktion)
        context.plans.set_facts(created.id, playbook, real_facts(playbook), team.redaktion)
        return cls(context, team, created.id)

    def mastodon_accounts(self, urls: Iterable[str], token: str) -> list[int]:
        """One Mastodon account per instance URL, its token in the keyring."""
        chief = self.team.leitung
        made = []
        for number, url in enumerate(urls, start=1):
            account = self.context.accounts.create(
                Platform.MASTODON, f"Moers {number}", chief, incident_id=self.incident_id
            )
            self.context.channel_setup.configure(
                account.id, chief, {"instance": url}, {"access_token": token}
            )
            made.append(account.id)
        self.account_ids += made
        return made

    def plain_accounts(self, platform: Platform, count: int) -> list[int]:
        """Accounts without secrets (servable by any worker), e.g. for a no-op channel."""
        chief = self.team.leitung
        made = [
            self.context.accounts.create(
                platform, f"Seite {n}", chief, incident_id=self.incident_id
            ).id
            for n in range(1, count + 1)
        ]
        self.account_ids += made
        return made

    def release(
        self, purpose: SetPurpose = SetPurpose.ERSTMELDUNG, parts: Sequence[str] | None = None
    ) -> MessageSetView:
        """Generate a set for the incident's accounts and release it with four eyes."""
        editor = self.team.redaktion
        view = self.context.messagesets.generate(self.incident_id, editor, purpose)
        if parts is not None:
            for draft in view.drafts:
                self.context.messagesets.edit(draft.id, draft.version, editor, parts=list(parts))
            view = self.context.messagesets.get(view.id)
        self.context.releases.submit(view.id, editor)
        return self.context.releases.release(view.id, self.team.freigabe.id, self.team.freigabe_pin)


def count_states(database: Database, set_ids: Iterable[int]) -> dict[str, int]:
    """How many deliveries of these sets are in each state."""
    ids = list(set_ids)
    with database.session(readonly=True) as session:
        rows = session.execute(
            select(Delivery.state, func.count(Delivery.id))
            .where(Delivery.set_id.in_(ids))
            .group_by(Delivery.state)
        ).all()
    return {state: count for state, count in rows}


def sent(database: Database, set_ids: Iterable[int]) -> int:
    return count_states(database, set_ids).get(DeliveryState.SENT.value, 0)


def wait_all_sent(database: Database, set_ids: Sequence[int], total: int, timeout: float) -> bool:
    """Poll (every 10 ms) until `total` deliveries of the sets are SENT."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sent(database, set_ids) >= total:
            return True
        time.sleep(0.01)
    return False
