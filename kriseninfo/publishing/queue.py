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
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
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
_JOURNAL_LINES = "kriseninfo.publishing.journal_lines"

#: A parent in one of these states will never be published: an optional parent
#: (a follow-up's thread) is then skipped, a required one (a thread part) keeps waiting.
_DEAD_PARENT = frozenset({DeliveryState.FAILED, DeliveryState.WITHDRAWN, DeliveryState.UNCLEAR})

_WAIT_FOR: dict[ErrorKind, WaitReason] = {
    ErrorKind.TRANSIENT: WaitReason.SERVER_ERROR,
    ErrorKind.RATE_LIMITED: WaitReason.RATE_LIMITED,
    ErrorKind.OFFLINE: WaitReason.OFFLINE,
}

Idempotent = Callable[[Platform], bool]
Outcome = Published | SendError


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
    def _due(self, now: datetime, servable: Collection[int] | None) -> ColumnElement[bool]:
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
        if servable is not None:
            return and_(due, or_(Delivery.account_id.in_(servable), Delivery.drill))
        return due

    def claim(self, servable: Collection[int] | None = None, limit: int = 64) -> list[Job]:
        """Lease the next delivery of each account that has one due. `servable` are the
        accounts this worker has credentials for (None: all); drills need none.

        A few queries for the whole batch, whatever the number of accounts; and a look
        without the write lock first, so an idle queue never blocks anyone's save."""
        now = self._clock()
        due = self._due(now, servable)
        with self._db.session(readonly=True) as session:
            if session.scalar(select(Delivery.id).where(due).limit(1)) is None:
                return []
        with self._db.session() as session:
            wanted = set(session.scalars(select(Delivery.account_id).where(due).distinct()))
            if not wanted:
                return []
            # The health row is the account's claim lock: another worker skips it. Read what
            # is due only once the locks are held, so nothing read is already another's.
            locked = set(
                session.scalars(
                    select(ChannelHealth.account_id)
                    .where(
                        ChannelHealth.account_id.in_(wanted),
                        or_(ChannelHealth.open_until.is_(None), ChannelHealth.open_until <= now),
                    )
                    .order_by(ChannelHealth.account_id)
                    .with_for_update(skip_locked=True)
                )
            )
            busy = set(
                session.scalars(
                    select(Delivery.account_id)
                    .where(Delivery.account_id.in_(locked), Delivery.lease_until >= now)
                    .distinct()
                )
            )
            free = locked - busy
            if not free:
                return []
            candidates = list(
                session.scalars(
                    select(Delivery)
                    .where(due, Delivery.account_id.in_(free))
                    .order_by(Delivery.id)
                    .limit(1000)
                )
            )
            if not candidates:
                return []
            accounts = {
                a.id: a
                for a in session.scalars(select(ChannelAccount).where(ChannelAccount.id.in_(free)))
            }
            drills = set(
                session.scalars(
                    select(Incident.id).where(
                        Incident.id.in_({row.incident_id for row in candidates}),
                        Incident.mode == IncidentMode.DRILL,
                    )
                )
            )
            parent_ids = {row.parent_id for row in candidates if row.parent_id is not None}
            parents = {
                p.id: p
                for p in session.scalars(select(Delivery).where(Delivery.id.in_(parent_ids)))
            }
            chosen: list[tuple[Delivery, JobKind, bool, str | None]] = []
            taken: set[int] = set()
            for row in candidates:
                if row.account_id not in free or row.account_id in taken:
                    continue
                drill = row.drill or row.incident_id in drills
                picked = self._pick(
                    session, row, accounts[row.account_id], now, servable, drill, parents
                )
                if picked is not None:
                    kind, reply_to = picked
                    chosen.append((row, kind, drill, reply_to))
                    taken.add(row.account_id)
                    if len(chosen) >= limit:
                        break
            for row, kind, _drill, _reply in chosen:
                self._take(row, now, kind)
            self._write_journal(session)  # deliveries found "unklar" on the way
            session.flush()
            return _jobs(session, chosen, accounts)

    def _pick(
        self,
        session: Session,
        row: Delivery,
        account: ChannelAccount,
        now: datetime,
        servable: Collection[int] | None,
        drill: bool,
        parents: dict[int, Delivery],
    ) -> tuple[JobKind, str | None] | None:
        """Whether this due delivery goes now, and how (post or delete, replying to what)."""
        platform = Platform(account.platform)
        if not drill and servable is not None and account.id not in servable:
            return None
        if row.state == DeliveryState.SENT.value:  # a retraction
            return JobKind.DELETE, None
        if row.state == DeliveryState.SENDING.value:  # its worker's lease ran out
            if row.in_flight and not drill and not self._idempotent(platform):
                self._unclear(session, row, now, "the worker stopped while sending")
                return None
            log.info("delivery %s: lease of %s expired, taking over", row.id, row.lease_owner)
        if not drill and platform in MANUAL_PLATFORMS:
            return None
        reply_to, ready = _parent(row, parents.get(row.parent_id or 0))
        return (JobKind.POST, reply_to) if ready else None

    def _take(self, row: Delivery, now: datetime, kind: JobKind) -> None:
        if kind is JobKind.POST:
            row.state = DeliveryState.SENDING.value
            row.wait_reason = WaitReason.NONE.value
            row.in_flight = True
        row.lease_owner = self._owner
        row.lease_until = now + self._lease
        row.attempts += 1
        row.updated_at = now

    def mark_without_credentials(self, servable: Collection[int]) -> None:
        """Say why deliveries of accounts this console has no secrets for are waiting (a
        console that has them still sends them: taking a delivery clears the reason)."""
        with self._db.session(readonly=True) as session:
            found = session.scalar(
                select(Delivery.id)
                .where(
                    Delivery.state.in_([s.value for s in READY]),
                    Delivery.wait_reason == WaitReason.NONE.value,
                    Delivery.drill.is_(False),
                    Delivery.account_id.not_in(servable),
                )
                .limit(1)
            )
        if found is None:
            return
        manual = select(ChannelAccount.id).where(
            ChannelAccount.platform.in_([p.value for p in MANUAL_PLATFORMS])
        )
        with self._db.session() as session:
            session.execute(
                update(Delivery)
                .where(
                    Delivery.state.in_([s.value for s in READY]),
                    Delivery.wait_reason == WaitReason.NONE.value,
                    Delivery.drill.is_(False),
                    Delivery.account_id.not_in(servable),
                    Delivery.account_id.not_in(manual),
                )
                .values(wait_reason=WaitReason.NO_CREDENTIALS.value, updated_at=self._clock())
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
    def record(self, outcomes: Sequence[tuple[Job, Outcome]]) -> None:
        """What became of sent deliveries, in one transaction for the whole batch (sends
        that finish together cost one write, not one each)."""
        if not outcomes:
            return
        now = self._clock()
        for job, outcome in outcomes:
            if isinstance(outcome, SendError):
                log.warning(
                    "delivery %s (%s) attempt %s: %s/%s %s",
                    job.delivery_id,
                    job.platform.value,
                    job.attempts,
                    outcome.kind.value,
                    outcome.code,
                    outcome.detail,
                )
        with self._db.session() as session:
            # Lock order everywhere: the accounts' health rows, then their deliveries.
            wanted = {job.account_id for job, _ in outcomes}
            healths = list(
                session.scalars(
                    select(ChannelHealth)
                    .where(ChannelHealth.account_id.in_(wanted))
                    .order_by(ChannelHealth.account_id)
                    .with_for_update()
                )
            )
            ids = sorted(job.delivery_id for job, _ in outcomes)
            rows = {
                r.id: r
                for r in session.scalars(
                    select(Delivery)
                    .where(Delivery.id.in_(ids))
                    .order_by(Delivery.id)
                    .with_for_update()
                    .execution_options(populate_existing=True)
                )
            }
            accounts = list(
                session.scalars(select(ChannelAccount).where(ChannelAccount.id.in_(wanted)))
            )
            sent = [j.delivery_id for j, o in outcomes if not isinstance(o, SendError)]
            waiting_children = list(
                session.scalars(
                    select(Delivery).where(
                        Delivery.parent_id.in_(sent),
                        Delivery.wait_reason == WaitReason.PARENT.value,
                    )
                )
            )
            with session.no_autoflush:
                for job, outcome in sorted(outcomes, key=lambda item: item[0].delivery_id):
                    if isinstance(outcome, SendError):
                        self._failed(session, rows[job.delivery_id], job, outcome, now)
                    else:
                        self._succeeded(session, rows[job.delivery_id], job, outcome, now)
            for child in waiting_children:  # their parent is out: they may go
                if (
                    rows.get(child.parent_id or 0) is not None
                    and rows[child.parent_id or 0].state == DeliveryState.SENT.value
                ):
                    child.wait_reason = WaitReason.NONE.value
                    child.updated_at = now
            del healths, accounts
            self._write_journal(session)

    def succeeded(self, job: Job, published: Published) -> None:
        self.record([(job, published)])

    def failed(self, job: Job, error: SendError) -> None:
        self.record([(job, error)])

    def _succeeded(
        self, session: Session, row: Delivery, job: Job, published: Published, now: datetime
    ) -> None:
        health = session.get(ChannelHealth, job.account_id)  # locked with the batch
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
        where = published.url or published.platform_id
        self._journal(session, row, Action.DELIVERY_SENT, f"{name}: {where}")

    def _failed(
        self, session: Session, row: Delivery, job: Job, error: SendError, now: datetime
    ) -> None:
        health = session.get(ChannelHealth, job.account_id)  # locked with the batch
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
        """Collected per transaction and written together by `_write_journal`."""
        pending: list[journal.NewLine] = session.info.setdefault(_JOURNAL_LINES, [])
        pending.append(
            journal.NewLine(
                at=self._clock(),
                actor=SYSTEM,
                action=action,
                incident_id=row.incident_id,
                field=f"delivery {row.id} (message {row.message_id} part {row.part + 1})",
                new_value=("ÜBUNG – " if row.drill else "") + value,
            )
        )

    @staticmethod
    def _write_journal(session: Session) -> None:
        journal.append_many(session, session.info.pop(_JOURNAL_LINES, []))


def _parent(row: Delivery, parent: Delivery | None) -> tuple[str | None, bool]:
    """(the parent's platform id, whether this delivery may go now)."""
    if row.parent_id is None:
        return row.reply_to or None, True  # an answer replies to a citizen's post
    assert parent is not None, row.parent_id
    if parent.state == DeliveryState.SENT.value and not parent.retract:
        return parent.platform_id, True
    if row.parent_optional and (
        DeliveryState(parent.state) in _DEAD_PARENT or parent.state == DeliveryState.SENT.value
    ):
        return None, True  # the earlier post is gone: the follow-up stands alone
    return None, False


def _jobs(
    session: Session,
    chosen: list[tuple[Delivery, JobKind, bool, str | None]],
    accounts: dict[int, ChannelAccount],
) -> list[Job]:
    """The leased deliveries with their content, read in one go."""
    if not chosen:
        return []
    # Columns, not ORM rows: the worker needs five fields of each message.
    messages = {
        row.id: row
        for row in session.execute(
            select(
                Message.id,
                Message.parts_json,
                Message.subject,
                Message.language,
                Message.media_json,
            ).where(Message.id.in_({row.message_id for row, *_ in chosen}))
        )
    }
    titles: dict[int, str] = {
        incident_id: title
        for incident_id, title in session.execute(
            select(Incident.id, Incident.title).where(
                Incident.id.in_({row.incident_id for row, *_ in chosen})
            )
        )
    }
    jobs: list[Job] = []
    for row, kind, drill, reply_to in chosen:
        message = messages[row.message_id]
        parts: list[str] = json.loads(message.parts_json)
        images: list[Image] = []
        if row.part == 0 and kind is JobKind.POST:
            for media in load_media(message.media_json):
                blob = session.get(MediaBlob, media.media_id) if media.media_id else None
                if blob is not None:
                    images.append(Image(media.path, blob.mime, bytes(blob.data), media.alt))
        post = Post(
            key=row.key,
            text=parts[row.part] if row.part < len(parts) else "",
            subject=message.subject if row.part == 0 else "",
            language=message.language,
            images=tuple(images),
            reply_to=reply_to,
            incident_title=titles.get(row.incident_id, ""),
            created_at=row.created_at,
            part=row.part,
            parts_total=len(parts),
        )
        account = accounts[row.account_id]
        jobs.append(
            Job(
                delivery_id=row.id,
                account_id=account.id,
                platform=Platform(account.platform),
                kind=kind,
                drill=drill,
                attempts=row.attempts,
                post=post,
                platform_id=row.platform_id,
            )
        )
    return jobs
