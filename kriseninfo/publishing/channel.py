"""The plug-in interface every channel implements, and what passes through it.

A channel module defines one class implementing `Channel` and exposes it as `CHANNEL`;
`kriseninfo.publishing.registry` maps each platform to its module. Channels raise
`kriseninfo.publishing.errors.SendError` and nothing else for a failed send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Protocol

from kriseninfo.counting.platforms import Platform


@dataclass(frozen=True)
class Image:
    filename: str
    mime: str
    data: bytes = field(repr=False)
    alt: str


@dataclass(frozen=True)
class Post:
    """One delivery's content, as a channel sends it."""

    key: str  # stable across retries: the idempotency key
    text: str
    subject: str = ""
    language: str = "de"
    images: tuple[Image, ...] = ()
    reply_to: str | None = None  # the parent's platform id, for a thread reply
    incident_title: str = ""
    created_at: datetime | None = None
    part: int = 0
    parts_total: int = 1


@dataclass(frozen=True)
class Published:
    platform_id: str
    url: str = ""


@dataclass(frozen=True)
class RecentPost:
    """A post the platform shows for the account (to resolve an "unklar" delivery)."""

    platform_id: str
    url: str
    text: str
    created_at: datetime | None


@dataclass(frozen=True)
class AccountCheck:
    """What setting up an account learned from the platform."""

    display_name: str
    max_characters: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class AccountConfig:
    """A channel account as a channel sees it: settings plus its secrets (never logged)."""

    id: int
    platform: Platform
    name: str
    address: str
    settings: Mapping[str, str] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Field:
    """A setting or secret an account of this kind needs (its label is in the UI)."""

    name: str
    required: bool = True
    secret: bool = False


class Channel(Protocol):
    platform: ClassVar[Platform]
    #: A repeated `publish` of the same `Post.key` never posts twice.
    idempotent: ClassVar[bool]
    #: A person publishes (copy the text) and confirms; the worker never sends.
    manual: ClassVar[bool]
    can_delete: ClassVar[bool]
    can_list_recent: ClassVar[bool]
    fields: ClassVar[tuple[Field, ...]]

    def publish(self, post: Post) -> Published: ...

    def delete(self, platform_id: str) -> None: ...

    def verify(self) -> AccountCheck: ...

    def recent(self, limit: int = 20) -> list[RecentPost]: ...

    def close(self) -> None: ...


class ChannelFactory(Protocol):
    def __call__(self, account: AccountConfig) -> Channel: ...
