"""Where every delivery of a drill goes: the Übungs-Timeline in the database.

The worker routes a drill's jobs here by the incident's mode, whatever the account's
platform; nothing of a drill ever reaches a network.
"""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import select

from kriseninfo.clock import Clock
from kriseninfo.counting.platforms import Platform
from kriseninfo.drills.marks import prefix_for, with_prefix
from kriseninfo.publishing.channel import AccountCheck, Field, Post, Published, RecentPost
from kriseninfo.publishing.records import Job
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Delivery, SandboxPost


class SandboxChannel:
    platform: ClassVar[Platform] = Platform.MANUAL
    idempotent: ClassVar[bool] = True
    manual: ClassVar[bool] = False
    can_delete: ClassVar[bool] = True
    can_list_recent: ClassVar[bool] = True
    fields: ClassVar[tuple[Field, ...]] = ()

    def __init__(self, database: Database, clock: Clock, job: Job):
        self._db = database
        self._clock = clock
        self._job = job

    def publish(self, post: Post) -> Published:
        with self._db.session() as session:
            delivery = session.scalars(select(Delivery).where(Delivery.key == post.key)).one()
            existing = session.scalars(
                select(SandboxPost).where(SandboxPost.delivery_id == delivery.id)
            ).first()
            if existing is None:
                prefix = prefix_for(session, delivery.incident_id)
                existing = SandboxPost(
                    delivery_id=delivery.id,
                    incident_id=delivery.incident_id,
                    account_id=delivery.account_id,
                    platform=self._job.platform.value,
                    subject=with_prefix(post.subject, prefix) if post.subject else "",
                    text=with_prefix(post.text, prefix),  # every part: each may be read alone
                    media_count=len(post.images),
                    reply_to=post.reply_to or "",
                    posted_at=self._clock(),
                )
                session.add(existing)
                session.flush()
            return Published(f"sandbox-{existing.id}", f"uebung:{existing.id}")

    def delete(self, platform_id: str) -> None:
        return  # the timeline keeps what was shown; the delivery's state says it was retracted

    def verify(self) -> AccountCheck:
        return AccountCheck("Übung")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        with self._db.session(readonly=True) as session:
            rows = session.scalars(
                select(SandboxPost)
                .where(SandboxPost.account_id == self._job.account_id)
                .order_by(SandboxPost.id.desc())
                .limit(limit)
            )
            return [
                RecentPost(f"sandbox-{r.id}", f"uebung:{r.id}", r.text, r.posted_at) for r in rows
            ]

    def close(self) -> None:
        return
