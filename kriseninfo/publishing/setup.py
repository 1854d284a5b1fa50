"""Setting up a channel account: its settings, its secrets (to the keyring), and a check
against the platform that also reads the account's limits."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.publishing.accounts import load_configs
from kriseninfo.publishing.channel import AccountCheck, Field
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.traits import TRAITS
from kriseninfo.publishing.worker import ChannelMaker, default_maker
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import ChannelAccount
from kriseninfo.validation import strip_controls


@dataclass(frozen=True)
class AccountSetup:
    """What the settings dialog shows: the fields, their values, which secrets are stored."""

    account_id: int
    platform: Platform
    fields: tuple[Field, ...]
    settings: dict[str, str]
    secrets_present: frozenset[str]

    @property
    def complete(self) -> bool:
        return all(
            (f.name in self.secrets_present if f.secret else bool(self.settings.get(f.name)))
            for f in self.fields
            if f.required
        )


class ChannelSetup:
    def __init__(
        self,
        database: Database,
        credentials: Credentials,
        clock: Clock = utc_now,
        make_channel: ChannelMaker = default_maker,
    ):
        self._db = database
        self._credentials = credentials
        self._clock = clock
        self._make = make_channel

    def get(self, account_id: int) -> AccountSetup:
        row = self._row(account_id)
        platform = Platform(row.platform)
        fields = TRAITS[platform].fields
        secret_names = [f.name for f in fields if f.secret]
        present = self._credentials.load(row.secret_ref, secret_names) if row.secret_ref else {}
        return AccountSetup(
            account_id=account_id,
            platform=platform,
            fields=fields,
            settings=json.loads(row.settings_json or "{}"),
            secrets_present=frozenset(present),
        )

    def configure(
        self,
        account_id: int,
        by: Person,
        settings: Mapping[str, str] | None = None,
        secrets: Mapping[str, str] | None = None,
    ) -> AccountSetup:
        """Store settings (in the database) and secrets (in the keyring). Values not
        given stay as they are; an empty secret removes it."""
        if by.role is not Role.LEITUNG:
            raise KriseninfoError(
                ErrorCode.PERMISSION_DENIED, f"{by.name} may not manage channel accounts"
            )
        row = self._row(account_id)
        fields = {f.name: f for f in TRAITS[Platform(row.platform)].fields}
        settings = {k: strip_controls(v).strip() for k, v in (settings or {}).items()}
        secrets = {k: v.strip() for k, v in (secrets or {}).items()}
        for name in [*settings, *secrets]:
            known = fields.get(name)
            if known is None or known.secret != (name in secrets):
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT,
                    f"{row.platform} accounts have no {'secret' if name in secrets else 'setting'}"
                    f" named {name!r}",
                    {"field": name},
                )
        if secrets:
            self._credentials.store(row.secret_ref, secrets)
        with self._db.session() as session:
            locked = session.get(ChannelAccount, account_id, with_for_update=True)
            assert locked is not None
            current: dict[str, str] = json.loads(locked.settings_json or "{}")
            changed = sorted(k for k, v in settings.items() if current.get(k, "") != v)
            current.update(settings)
            locked.settings_json = json.dumps(
                {k: v for k, v in current.items() if v}, ensure_ascii=False, sort_keys=True
            )
            if changed:
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.ACCOUNT_CHANGED,
                    incident_id=locked.incident_id,
                    field=f"account {account_id}",
                    new_value=", ".join(f"{k}={settings[k]}" for k in changed),
                )
            if secrets:  # only which secrets changed, never a value
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.ACCOUNT_SECRETS_CHANGED,
                    incident_id=locked.incident_id,
                    field=f"account {account_id}",
                    new_value=", ".join(sorted(secrets)),
                )
        return self.get(account_id)

    def check(self, account_id: int, by: Person | None = None) -> AccountCheck:
        """Ask the platform: are the credentials good, what is the account's limit? A
        limit the platform reports becomes the account's length limit."""
        config = load_configs(self._db, self._credentials).get(account_id)
        if config is None:
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"account {account_id} is not enabled")
        channel = self._make(config)
        try:
            found = channel.verify()
        except SendError as error:
            raise KriseninfoError(
                ErrorCode.CHANNEL_CHECK_FAILED,
                f"{config.platform.value} account {config.name}: {error.code} {error.detail}",
                {"problem": error.code, "kind": error.kind.value, "account": config.name},
            ) from None
        finally:
            channel.close()
        if found.max_characters:
            with self._db.session() as session:
                row = session.get(ChannelAccount, account_id, with_for_update=True)
                assert row is not None
                if row.max_length != found.max_characters:
                    journal.append(
                        session,
                        at=self._clock(),
                        actor=by.actor if by else journal.SYSTEM,
                        action=Action.ACCOUNT_CHANGED,
                        incident_id=row.incident_id,
                        field=f"account {account_id} max_length",
                        old_value=str(row.max_length or ""),
                        new_value=str(found.max_characters),
                    )
                    row.max_length = found.max_characters
        return found

    def _row(self, account_id: int) -> ChannelAccount:
        with self._db.session(readonly=True) as session:
            row = session.get(ChannelAccount, account_id)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"account {account_id} not found")
            session.expunge(row)
            return row
