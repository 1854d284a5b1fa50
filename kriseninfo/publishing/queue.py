"""Leasing deliveries to a worker and recording what became of them.

A worker claims at most one delivery per account at a time, so each account's posts go
out in order, while different accounts are sent concurrently. The account's health row
is the claim lock: `FOR UPDATE SKIP LOCKED` on PostgreSQL lets several workers share the
queue without waiting for each other; SQLite serialises writers anyway (BEGIN IMMEDIATE).

A lease expires: a crashed worker's delivery is picked up again. If its request may have
reached the platform (`in_flight`) and the channel cannot recognise a repeat, the delivery
becomes "unklar" instead of being sent twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import SYSTEM
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.store import load_media
from kriseninfo.publishing import backoff, breaker
from kriseninfo.publishing.channel import Image, Post, Published
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.records import Job, JobKind
from kriseninfo.publishing.registry import MANUAL_PLATFORMS
from kriseninfo.publishing.states import READY, DeliveryState, ErrorKind, WaitReason
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    ChannelHealth,
    Delivery,
    Incident,
    IncidentMode,
    MediaBlob,
    Message,
)

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=120)

#: A parent in one of these states will never be published: an optional parent
#: (a follow-up's thread) is then skipped, a required one (a thread part) keeps waiting.
_DEAD_PARENT = frozenset({DeliveryState.FAILED, DeliveryState.WITHDRAWN, DeliveryState.UNCLEAR})

_WAIT_FOR: dict[ErrorKind, WaitReason] = {
    ErrorKind.TRANSIENT: WaitReason.SERVER_ERROR,
    ErrorKind.RATE_LIMITED: WaitReason.RATE_LIMITED,
    ErrorKind.OFFLINE: WaitReason.OFFLINE,
}

Idempotent = Callable[[Platform], bool]


class DeliveryQueue:
    def __init__(
        self,
        database: Database,
        owner: str,
        idempotent: Idempotent,
        clock: Clock = utc_now,
        lease: timedelta = LEASE,
    ):
        self._db = database
        self._owner = owner
        self._idempotent = idempotent
        self._clock = clock
        self._lease = lease

    # -- claiming --------------------------------------------------------------------------
    def claim(self, servable: Collection[int] | None = None, limit: int = 64) -> list[Job]:
        """Lease the next delivery of each account that has one due. `servable` are the
        accounts this worker has credentials for (None: all); drills need none."""
        now = self._clock()
        jobs: list[Job] = []
        with self._db.session() as session:
            due = or_(
                and_(
                    Delivery.state.in_([s.value for s in READY]),
                    Delivery.not_before <= now,
                    Delivery.wait_reason != WaitReason.MANUAL.value,
                ),
                and_(Delivery.state == DeliveryState.SENDING.value, Delivery.lease_until < now),
                and_(
                    Delivery.state == DeliveryState.SENT.value,
                    Delivery.retract.is_(True),
                    Delivery.not_before <= now,
                    or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
                ),
            )
            query = select(Delivery.account_id).where(due).distinct()
            if servable is not None:
                query = query.where(or_(Delivery.account_id.in_(servable), Delivery.drill))
            accounts = list(session.scalars(query))
            if not accounts:
                return []
            healths = session.scalars(
                select(ChannelHealth)
                .where(
                    ChannelHealth.account_id.in_(accounts),
                    or_(ChannelHealth.open_until.is_(None), ChannelHealth.open_until <= now),
                )
                .order_by(ChannelHealth.account_id)
                .with_for_update(skip_locked=True)
            )
            for health in healths:
                job = self._claim_one(session, health.account_id, now, servable)
                if job is not None:
                    jobs.append(job)
                    if len(jobs) >= limit:
                        break
        return jobs

    def _claim_one(
        self, session: Session, account_id: int, now: datetime, servable: Collection[int] | None
    ) -> Job | None:
        rows = list(
            session.scalars(
                select(Delivery)
                .where(
                    Delivery.account_id == account_id,
                    Delivery.state.in_(
                        [DeliveryState.SENDING.value, DeliveryState.SENT.value]
                        + [s.value for s in READY]
                    ),
                )
                .order_by(Delivery.id)
            )
        )
        if any(r.lease_until is not None and r.lease_until >= now for r in rows):
            return None  # one delivery per account at a time keeps its posts in order
        account = session.get(ChannelAccount, account_id)
        assert account is not None
        platform = Platform(account.platform)
        for row in rows:
            drill = row.drill or _is_drill(session, row.incident_id)
            if not drill and servable is not None and account_id not in servable:
                continue
            if row.state == DeliveryState.SENDING.value:
                assert row.lease_until is not None and row.lease_until < now
                if row.in_flight and not drill and not self._idempotent(platform):
                    self._unclear(session, row, now, "the worker stopped while sending")
                    continue
                log.info("delivery %s: lease of %s expired, taking over", row.id, row.lease_owner)
            elif row.state == DeliveryState.SENT.value:
                if not row.retract or row.not_before > now:
                    continue
                return self._lease_row(session, row, account, platform, now, JobKind.DELETE, drill)
            elif row.not_before > now or row.wait_reason == WaitReason.MANUAL.value:
                continue
            if not drill and platform in MANUAL_PLATFORMS:
                continue
            reply_to, ready = _parent(session, row)
            if not ready:
                continue
            return self._lease_row(
                session, row, account, platform, now, JobKind.POST, drill, reply_to
            )
        return None

    def _lease_row(
        self,
        session: Session,
        row: Delivery,
        account: ChannelAccount,
        platform: Platform,
        now: datetime,
        kind: JobKind,
        drill: bool,
        reply_to: str | None = None,
    ) -> Job:
        if kind is JobKind.POST:
            row.state = DeliveryState.SENDING.value
            row.wait_reason = WaitReason.NONE.value
            row.in_flight = True
        row.lease_owner = self._owner
        row.lease_until = now + self._lease
        row.attempts += 1
        row.updated_at = now
        session.flush()
        return Job(
            delivery_id=row.id,
            account_id=account.id,
            platform=platform,
            kind=kind,
            drill=drill,
            attempts=row.attempts,
            post=_post(session, row, reply_to),
            platform_id=row.platform_id,
        )

    def extend(self, delivery_ids: Collection[int]) -> None:
        """Heartbeat: keep the leases of deliveries still being sent."""
        if not delivery_ids:
            return
        with self._db.session() as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id.in_(delivery_ids), Delivery.lease_owner == self._owner)
                .values(lease_until=self._clock() + self._lease)
            )

    # -- outcomes --------------------------------------------------------------------------
    def succeeded(self, job: Job, published: Published) -> None:
        now = self._clock()
        with self._db.session() as session:
            row = _locked(session, job.delivery_id)
            health = session.get(ChannelHealth, job.account_id, with_for_update=True)
            if health is not None and not job.drill:
                breaker.succeeded(health, now)
            account = session.get(ChannelAccount, job.account_id)
            name = account.name if account else str(job.account_id)
            if job.kind is JobKind.DELETE:
                row.state = DeliveryState.WITHDRAWN.value
                row.retract = False
                row.wait_reason = WaitReason.NONE.value
                self._release(row, now)
                where = row.platform_url or row.platform_id
                self._journal(session, row, Action.DELIVERY_RETRACTED, f"{name}: {where}")
                return
            if row.lease_owner not in (self._owner, None):
                log.warning("delivery %s was sent after its lease passed on", row.id)
            row.state = DeliveryState.SENT.value
            row.platform_id = published.platform_id
            row.platform_url = published.url
            row.sent_at = now
            row.error_code = row.error_detail = ""
            self._release(row, now)
            children = session.scalars(
                select(Delivery).where(
                    Delivery.parent_id == row.id,
                    Delivery.wait_reason == WaitReason.PARENT.value,
                )
            )
            for child in children:
                child.wait_reason = WaitReason.NONE.value
                child.updated_at = now
            where = published.url or published.platform_id
            self._journal(session, row, Action.DELIVERY_SENT, f"{name}: {where}")

    def failed(self, job: Job, error: SendError) -> None:
        now = self._clock()
        log.warning(
            "delivery %s (%s) attempt %s: %s/%s %s",
            job.delivery_id,
            job.platform.value,
            job.attempts,
            error.kind.value,
            error.code,
            error.detail,
        )
        with self._db.session() as session:
            row = _locked(session, job.delivery_id)
            health = session.get(ChannelHealth, job.account_id, with_for_update=True)
            if health is not None and not job.drill:
                breaker.failed(health, now, error)
            row.error_code = error.code
            row.error_detail = error.detail
            if job.kind is JobKind.DELETE:
                self._delete_failed(session, row, now, error, job.attempts)
                return
            if row.state != DeliveryState.SENDING.value or row.lease_owner != self._owner:
                log.warning("delivery %s: outcome ignored, it moved on meanwhile", row.id)
                return
            if error.kind in _WAIT_FOR:
                row.state = DeliveryState.WAITING.value
                row.wait_reason = _WAIT_FOR[error.kind].value
                delay = backoff.retry_delay(error.kind, row.attempts, error.retry_after)
                row.not_before = now + timedelta(seconds=delay)
                row.in_flight = False
                self._release(row, now)
            elif error.kind is ErrorKind.UNCLEAR:
                self._unclear(session, row, now, error.detail)
            else:
                row.state = DeliveryState.FAILED.value
                row.in_flight = False
                self._release(row, now)
                self._journal(
                    session, row, Action.DELIVERY_FAILED, f"{error.code}: {error.detail}"[:500]
                )

    def _delete_failed(
        self, session: Session, row: Delivery, now: datetime, error: SendError, attempts: int
    ) -> None:
        self._release(row, now)
        if error.kind in _WAIT_FOR:
            delay = backoff.retry_delay(error.kind, attempts, error.retry_after)
            row.not_before = now + timedelta(seconds=delay)
        else:  # the platform refused: the officer must delete it by hand
            row.retract = False
            row.wait_reason = WaitReason.NONE.value
            self._journal(
                session, row, Action.DELIVERY_FAILED, f"delete {error.code}: {error.detail}"[:500]
            )

    def _unclear(self, session: Session, row: Delivery, now: datetime, detail: str) -> None:
        row.state = DeliveryState.UNCLEAR.value
        row.error_code = "answer_lost"
        row.error_detail = detail
        self._release(row, now)
        self._journal(session, row, Action.DELIVERY_UNCLEAR, detail[:500])

    @staticmethod
    def _release(row: Delivery, now: datetime) -> None:
        row.lease_owner = None
        row.lease_until = None
        row.updated_at = now

    def _journal(self, session: Session, row: Delivery, action: Action, value: str) -> None:
        journal.append(
            session,
            at=self._clock(),
            actor=SYSTEM,
            action=action,
            incident_id=row.incident_id,
            field=f"delivery {row.id} (message {row.message_id} part {row.part + 1})",
            new_value=("ÜBUNG – " if row.drill else "") + value,
        )


def _locked(session: Session, delivery_id: int) -> Delivery:
    row = session.get(Delivery, delivery_id, with_for_update=True, populate_existing=True)
    assert row is not None, delivery_id
    return row


def _is_drill(session: Session, incident_id: int) -> bool:
    incident = session.get(Incident, incident_id)
    return incident is not None and incident.mode is IncidentMode.DRILL


def _parent(session: Session, row: Delivery) -> tuple[str | None, bool]:
    """(the parent's platform id, whether this delivery may go now)."""
    if row.parent_id is None:
        return None, True
    parent = session.get(Delivery, row.parent_id)
    assert parent is not None
    if parent.state == DeliveryState.SENT.value and not parent.retract:
        return parent.platform_id, True
    if row.parent_optional and (
        DeliveryState(parent.state) in _DEAD_PARENT or parent.state == DeliveryState.SENT.value
    ):
        return None, True  # the earlier post is gone: the follow-up stands alone
    return None, False


def _post(session: Session, row: Delivery, reply_to: str | None) -> Post:
    message = session.get(Message, row.message_id)
    assert message is not None
    incident = session.get(Incident, row.incident_id)
    parts: list[str] = json.loads(message.parts_json)
    images: list[Image] = []
    if row.part == 0:
        for media in load_media(message.media_json):
            blob = session.get(MediaBlob, media.media_id) if media.media_id else None
            if blob is not None:
                images.append(Image(media.path, blob.mime, bytes(blob.data), media.alt))
    text = parts[row.part] if row.part < len(parts) else ""
    return Post(
        key=row.key,
        text=text,
        subject=message.subject if row.part == 0 else "",
        language=message.language,
        images=tuple(images),
        reply_to=reply_to,
        incident_title=incident.title if incident else "",
        created_at=row.created_at,
        part=row.part,
        parts_total=len(parts),
    )
