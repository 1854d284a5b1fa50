"""Publishing fixtures: a released message set on real accounts, a real file keyring,
and a local Mastodon server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from kriseninfo.clock import Clock
from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.incidents.lagebild import IncidentSnapshot, LagebildField
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.messagesets.records import MessageSetView
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.worker import Worker
from kriseninfo.storage.models import IncidentKind, IncidentMode
from tests.core.test_messagesets import FREIGABE_PIN, REDAKTION_PIN, bomb
from tests.support import mastodon_server
from tests.support.facts import real_facts
from tests.support.mastodon_server import MastodonServer


@pytest.fixture
def ring(tmp_path: Path) -> PlaintextKeyring:
    """A real keyring backend, in a file of the test's own."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    return backend


@pytest.fixture
def credentials(ring: PlaintextKeyring) -> Credentials:
    return Credentials(ring)


@pytest.fixture
def team(context: AppContext, leitung: Person) -> dict[str, Person]:
    return {
        "leitung": leitung,
        "freigabe": context.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, leitung),
        "redaktion": context.users.create("Clara Claus", Role.REDAKTION, REDAKTION_PIN, leitung),
    }


@pytest.fixture
def mastodon() -> Iterator[MastodonServer]:
    with mastodon_server.running() as server:
        yield server


class Desk:
    """Drives the real services: accounts, a playbook, message sets, release."""

    def __init__(
        self, context: AppContext, team: dict[str, Person], credentials: Credentials
    ) -> None:
        self.context = context
        self.team = team
        self.credentials = credentials
        self._incident: IncidentSnapshot | None = None

    def incident(self, mode: IncidentMode = IncidentMode.REAL) -> IncidentSnapshot:
        if self._incident is None:
            by = self.team["redaktion"].actor
            created = self.context.incidents.create(
                "Bombenfund Moers-Mitte", IncidentKind.BOMBENENTSCHAERFUNG, mode, by
            )
            self.context.incidents.set_field(created.id, LagebildField.HOTLINE, "02841 201-777", by)
            playbook = bomb(self.context)
            snapshot = self.context.incidents.get(created.id)
            self.context.plans.attach(snapshot, playbook, self.team["redaktion"])
            self.context.plans.set_facts(
                created.id, playbook, real_facts(playbook), self.team["redaktion"]
            )
            self._incident = snapshot
        return self._incident

    def mastodon_account(self, server: MastodonServer, name: str = "Stadt Moers") -> int:
        chief = self.team["leitung"]
        account = self.context.accounts.create(Platform.MASTODON, name, chief)
        self.context.channel_setup.configure(
            account.id,
            chief,
            {"instance": server.url},
            {"access_token": mastodon_server.TOKEN},
        )
        return account.id

    def account(self, platform: Platform, name: str) -> int:
        return self.context.accounts.create(platform, name, self.team["leitung"]).id

    def release(
        self, purpose: SetPurpose = SetPurpose.ERSTMELDUNG, parts: list[str] | None = None
    ) -> MessageSetView:
        """Generate a set for the incident's accounts and release it with four eyes."""
        incident = self.incident()
        editor = self.team["redaktion"]
        view = self.context.messagesets.generate(incident.id, editor, purpose)
        if parts is not None:
            for draft in view.drafts:
                self.context.messagesets.edit(draft.id, draft.version, editor, parts=parts)
            view = self.context.messagesets.get(view.id)
        self.context.releases.submit(view.id, editor)
        return self.context.releases.release(view.id, self.team["freigabe"].id, FREIGABE_PIN)

    def worker(self, clock: Clock | None = None, **kwargs: object) -> Worker:
        return Worker(
            self.context.database,
            self.credentials,
            clock=clock or self.context.clock,
            **kwargs,  # type: ignore[arg-type]
        )


@pytest.fixture
def desk(context: AppContext, team: dict[str, Person], credentials: Credentials) -> Iterator[Desk]:
    # The services read the keyring through the context: give it the test's real backend.
    context.__dict__["credentials"] = credentials
    yield Desk(context, team, credentials)
