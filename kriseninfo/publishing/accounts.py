"""Channel accounts as channels see them: settings from the database, secrets from the
keyring. A console can only send for accounts whose secrets its keyring holds."""

from __future__ import annotations

import json

from sqlalchemy import select

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.traits import TRAITS
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import ChannelAccount


def secret_names(platform: Platform) -> tuple[str, ...]:
    return TRAITS[platform].secret_names


def load_configs(database: Database, credentials: Credentials) -> dict[int, AccountConfig]:
    """Every enabled account, with the secrets this console's keyring has for it."""
    with database.session(readonly=True) as session:
        rows = list(session.scalars(select(ChannelAccount).where(ChannelAccount.enabled)))
        found = [
            (
                row.id,
                Platform(row.platform),
                row.name,
                row.address,
                row.settings_json,
                row.secret_ref,
            )
            for row in rows
        ]
    configs: dict[int, AccountConfig] = {}
    for account_id, platform, name, address, settings_json, ref in found:
        names = secret_names(platform)
        secrets = credentials.load(ref, names) if ref and names else {}
        configs[account_id] = AccountConfig(
            id=account_id,
            platform=platform,
            name=name,
            address=address,
            settings=json.loads(settings_json or "{}"),
            secrets=secrets,
        )
    return configs


def servable(config: AccountConfig) -> bool:
    """All required secrets are in this console's keyring."""
    fields = TRAITS[config.platform].fields
    return all(f.name in config.secrets for f in fields if f.secret and f.required)
