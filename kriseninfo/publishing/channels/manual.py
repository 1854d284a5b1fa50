"""Manual channel: a person copies the text (radio station, NINA/MoWaS operator, fax, SMS
gateway) and confirms "erledigt" with the time. The worker never sends these."""

from __future__ import annotations

from typing import ClassVar

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.errors import permanent
from kriseninfo.publishing.traits import TRAITS


class ManualChannel:
    platform: ClassVar[Platform] = Platform.MANUAL
    idempotent: ClassVar[bool] = TRAITS[Platform.MANUAL].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.MANUAL].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.MANUAL].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.MANUAL].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.MANUAL].fields

    def __init__(self, account: AccountConfig):
        self._account = account

    def publish(self, post: Post) -> Published:
        raise permanent("manual", "a manual channel is published by a person")

    def delete(self, platform_id: str) -> None:
        raise permanent("manual", "a manual channel's text is withdrawn by a person")

    def verify(self) -> AccountCheck:
        return AccountCheck(self._account.name)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        return []

    def close(self) -> None:
        return


CHANNEL = ManualChannel
