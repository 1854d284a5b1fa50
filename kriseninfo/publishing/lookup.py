"""Asking a platform what an account published lately: the officer's evidence when a
delivery is "unklar" (sent, but the answer was lost)."""

from __future__ import annotations

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.publishing.accounts import load_configs
from kriseninfo.publishing.channel import RecentPost
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.traits import TRAITS
from kriseninfo.publishing.worker import ChannelMaker, default_maker
from kriseninfo.storage.database import Database


def recent_posts(
    database: Database,
    credentials: Credentials,
    account_id: int,
    limit: int = 20,
    make_channel: ChannelMaker = default_maker,
) -> list[RecentPost]:
    """The account's latest posts, newest first; empty where the API cannot list them."""
    config = load_configs(database, credentials).get(account_id)
    if config is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"account {account_id} is not enabled")
    if not TRAITS[config.platform].can_list_recent:
        return []
    channel = make_channel(config)
    try:
        return channel.recent(limit)
    except SendError as error:
        raise KriseninfoError(
            ErrorCode.CHANNEL_CHECK_FAILED,
            f"{config.platform.value} account {config.name}: {error.code} {error.detail}",
            {"problem": error.code, "kind": error.kind.value, "account": config.name},
        ) from None
    finally:
        channel.close()
