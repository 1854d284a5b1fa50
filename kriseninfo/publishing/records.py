"""What the rest of the program sees of the queue: frozen snapshots, never ORM rows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import Post
from kriseninfo.publishing.states import DeliveryState, WaitReason


class JobKind(enum.StrEnum):
    POST = "post"
    DELETE = "delete"


@dataclass(frozen=True)
class Job:
    """A leased delivery, with everything the channel needs to send it."""

    delivery_id: int
    account_id: int
    platform: Platform
    kind: JobKind
    drill: bool
    attempts: int
    post: Post
    platform_id: str = ""  # for DELETE


@dataclass(frozen=True)
class DeliveryView:
    id: int
    incident_id: int
    set_id: int
    message_id: int
    account_id: int
    account_name: str
    platform: Platform
    part: int
    parts_total: int
    state: DeliveryState
    wait_reason: WaitReason
    not_before: datetime
    attempts: int
    drill: bool
    platform_id: str
    platform_url: str
    error_code: str
    error_detail: str
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    retract: bool
    text: str  # this part's text, for the list and the manual channel
    subject: str

    @property
    def needs_attention(self) -> bool:
        return self.state in (DeliveryState.FAILED, DeliveryState.UNCLEAR)


@dataclass(frozen=True)
class HealthView:
    account_id: int
    account_name: str
    platform: Platform
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error_code: str
    last_error_detail: str
    failures: int
    open_until: datetime | None

    def breaker_open(self, now: datetime) -> bool:
        return self.open_until is not None and self.open_until > now
