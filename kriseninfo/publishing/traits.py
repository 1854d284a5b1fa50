"""What each platform's channel can do and needs, known without importing its SDK.

The queue, the settings dialog and the account check read this table; the channel
modules (which import Mastodon.py, the atproto SDK, …) take their class attributes from
it, so there is one declaration, and a console loads an SDK only when it sends there.
"""

from __future__ import annotations

from dataclasses import dataclass

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import Field


@dataclass(frozen=True)
class Traits:
    #: A repeated publish of the same key never posts twice (idempotency key, record key,
    #: transaction id); without it a lost answer makes a delivery "unklar".
    idempotent: bool
    #: A person publishes and confirms; the worker never sends.
    manual: bool = False
    can_delete: bool = False
    can_list_recent: bool = False
    fields: tuple[Field, ...] = ()

    @property
    def secret_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.secret)


_MANUAL = Traits(idempotent=False, manual=True)

TRAITS: dict[Platform, Traits] = {
    Platform.MASTODON: Traits(
        idempotent=True,
        can_delete=True,
        can_list_recent=True,
        fields=(Field("instance"), Field("access_token", secret=True)),  # https://social.example
    ),
    Platform.BLUESKY: Traits(
        idempotent=True,
        can_delete=True,
        can_list_recent=True,
        fields=(
            Field("service", required=False),  # default https://bsky.social
            Field("handle"),
            Field("app_password", secret=True),
        ),
    ),
    Platform.EMAIL: Traits(
        idempotent=False,
        fields=(
            Field("host"),
            Field("port", required=False),
            Field("security", required=False),  # starttls (default), ssl, none
            Field("sender"),
            Field("recipients"),
            Field("username", required=False),
            Field("unsubscribe", required=False),
            Field("ca_file", required=False),
            Field("password", required=False, secret=True),
        ),
    ),
    Platform.WEBSITE: Traits(
        idempotent=True,
        can_delete=True,
        can_list_recent=True,
        fields=(
            Field("folder"),
            Field("base_url"),
            Field("title"),
            Field("max_entries", required=False),
        ),
    ),
    Platform.MATRIX: Traits(
        idempotent=True,
        can_delete=True,
        can_list_recent=True,
        fields=(Field("homeserver"), Field("room"), Field("access_token", secret=True)),
    ),
    Platform.TELEGRAM: Traits(
        idempotent=False,
        can_delete=True,
        fields=(
            Field("chat"),  # "@kanalname" or the numeric id "-100…"
            Field("api_base", required=False),  # default https://api.telegram.org
            Field("bot_token", secret=True),
        ),
    ),
    Platform.FACEBOOK: Traits(
        idempotent=False,
        can_delete=True,
        can_list_recent=True,
        fields=(
            Field("page_id"),
            Field("api_base", required=False),
            Field("access_token", secret=True),
        ),
    ),
    Platform.INSTAGRAM: Traits(
        idempotent=False,
        can_list_recent=True,
        fields=(
            Field("ig_user_id"),
            Field("image_base_url"),
            Field("api_base", required=False),
            Field("access_token", secret=True),
        ),
    ),
    Platform.X: Traits(
        idempotent=False,
        can_delete=True,
        can_list_recent=True,
        fields=(Field("api_base", required=False), Field("access_token", secret=True)),
    ),
    Platform.MANUAL: _MANUAL,
    # No API we may post to: the text is copied by a person (SMS gateway, LinkedIn page …).
    Platform.SMS: _MANUAL,
    Platform.LINKEDIN: _MANUAL,
    Platform.THREADS: _MANUAL,
}
