"""What officers do with the queue: watch it, retry, cancel, decide "unklar", retract,
confirm a manual post, and set a set's send time. Every step is journaled."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.publishing.outbox import ensure_health
from kriseninfo.publishing.records import DeliveryView, HealthView
from kriseninfo.publishing.states import FINAL, READY, DeliveryState, WaitReason
from kriseninfo.publishing.traits import TRAITS
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    ChannelHealth,
    Delivery,
    Message,
    MessageSet,
)

Wake = Callable[[], None]


class PublishingService:
    def __init__(self, database: Database, clock: Clock = utc_now, wake: Wake | None = None):
        self._db = database
        self._clock = clock
        self._wake = wake or (lambda: None)

    def set_wake(self, wake: Wake) -> None:
        """The console's worker, told at once when something becomes due."""
        self._wake = wake

    # -- reading ---------------------------------------------------------------------------
    def deliveries(
        self, incident_id: int | None = None, since_id: int = 0, limit: int = 2000
    ) -> list[DeliveryView]:
        with self._db.session(readonly=True) as session:
            query = (
                select(Delivery, ChannelAccount, Message)
                .join(ChannelAccount, ChannelAccount.id == Delivery.account_id)
                .join(Message, Message.id == Delivery.message_id)
            )
            if incident_id is not None:
                query = query.where(Delivery.incident_id == incident_id)
            if since_id:
                query = query.where(Delivery.id > since_id)
            rows = session.execute(query.order_by(Delivery.id.desc()).limit(limit)).all()
            return [_view(d, a, m) for d, a, m in rows]

    def delivery(self, delivery_id: int) -> DeliveryView:
        with self._db.session(readonly=True) as session:
            return self._one(session, delivery_id)

    def health(self) -> list[HealthView]:
        with self._db.session(readonly=True) as session:
            rows = session.execute(
                select(ChannelAccount, ChannelHealth)
                .outerjoin(ChannelHealth, ChannelHealth.account_id == ChannelAccount.id)
                .where(ChannelAccount.enabled)
                .order_by(ChannelAccount.id)
            ).all()
            return [_health(a, h) for a, h in rows]

    def attention(self, incident_id: int | None = None) -> int:
        """How many deliveries need an officer (fehlgeschlagen, unklar): the red badge."""
        with self._db.session(readonly=True) as session:
            query = (
                select(func.count())
                .select_from(Delivery)
                .where(
                    Delivery.state.in_([DeliveryState.FAILED.value, DeliveryState.UNCLEAR.value])
                )
            )
            if incident_id is not None:
                query = query.where(Delivery.incident_id == incident_id)
            return int(session.scalar(query) or 0)

    # -- acting ----------------------------------------------------------------------------
    def retry(self, delivery_id: int, by: Person) -> DeliveryView:
        """Send again now: a failed, waiting or (after the officer checked) unclear one."""
        allowed = {DeliveryState.FAILED, DeliveryState.WAITING, DeliveryState.UNCLEAR}

        def act(session: Session, row: Delivery, now: datetime) -> None:
            old = row.state
            row.state = DeliveryState.WAITING.value
            row.wait_reason = _wait_reason_for_retry(session, row).value
            row.not_before = now
            row.in_flight = False
            row.lease_owner = row.lease_until = None
            health = session.get(ChannelHealth, row.account_id, with_for_update=True)
            if health is not None:
                health.open_until = None  # the officer asked: try now
            self._journal(session, row, by, Action.DELIVERY_RETRIED, old)

        return self._act(delivery_id, allowed, act)

    def cancel(self, delivery_id: int, by: Person) -> DeliveryView:
        """Do not send (zurückziehen before it went out). Later thread parts go with it."""

        def act(session: Session, row: Delivery, now: datetime) -> None:
            if row.state == DeliveryState.SENDING.value and row.in_flight:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"delivery {row.id} is being sent right now",
                    {"problem": "sending"},
                )
            for item in [row, *_descendants(session, row)]:
                if DeliveryState(item.state) in FINAL:
                    continue
                item.state = DeliveryState.WITHDRAWN.value
                item.wait_reason = WaitReason.NONE.value
                item.lease_owner = item.lease_until = None
                item.updated_at = now
                self._journal(session, item, by, Action.DELIVERY_WITHDRAWN, "")

        allowed = {*READY, DeliveryState.SENDING, DeliveryState.FAILED, DeliveryState.UNCLEAR}
        return self._act(delivery_id, allowed, act)

    def resolve_unclear(
        self, delivery_id: int, by: Person, *, published: bool, url: str = ""
    ) -> DeliveryView:
        """The officer looked at the platform: it is there (gesendet, with its link), or it
        is not (sent again)."""
        if not published:
            return self.retry(delivery_id, by)

        def act(session: Session, row: Delivery, now: datetime) -> None:
            row.state = DeliveryState.SENT.value
            row.platform_url = url.strip()[:500]
            row.platform_id = row.platform_id or _id_from_url(url)
            row.sent_at = now
            row.in_flight = False
            row.lease_owner = row.lease_until = None
            _free_children(session, row, now)
            self._journal(
                session, row, by, Action.DELIVERY_SENT, f"von Hand bestätigt: {url}".strip()
            )

        return self._act(delivery_id, {DeliveryState.UNCLEAR}, act)

    def confirm_manual(
        self, delivery_id: int, by: Person, done_at: datetime | None = None, note: str = ""
    ) -> DeliveryView:
        """ "Erledigt": a person published the text by hand, at `done_at`."""

        def act(session: Session, row: Delivery, now: datetime) -> None:
            if row.wait_reason != WaitReason.MANUAL.value:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"delivery {row.id} is not a manual one",
                    {"problem": "not_manual"},
                )
            at = done_at or now
            row.state = DeliveryState.SENT.value
            row.wait_reason = WaitReason.NONE.value
            row.sent_at = at
            row.platform_id = f"manual-{row.id}"
            row.error_detail = note.strip()[:500]
            _free_children(session, row, now)
            when = at.isoformat(timespec="minutes")
            self._journal(session, row, by, Action.DELIVERY_DONE_BY_HAND, f"{when} {note}".strip())

        return self._act(delivery_id, {DeliveryState.WAITING}, act)

    def retract(self, delivery_id: int, by: Person) -> DeliveryView:
        """Delete a published post on the platform (where its API allows)."""

        def act(session: Session, row: Delivery, now: datetime) -> None:
            account = session.get(ChannelAccount, row.account_id)
            assert account is not None
            if row.platform_id.startswith("manual-"):
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"delivery {row.id} was published by hand",
                    {"problem": "manual"},
                )
            if not row.drill and not TRAITS[Platform(account.platform)].can_delete:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"{account.platform} cannot delete through its API",
                    {"problem": "cannot_delete", "account": account.name},
                )
            row.retract = True
            row.wait_reason = WaitReason.RETRACTING.value
            row.not_before = now
            self._journal(session, row, by, Action.DELIVERY_WITHDRAWN, "Löschen angefordert")

        return self._act(delivery_id, {DeliveryState.SENT}, act)

    def schedule(self, set_id: int, send_at: datetime | None, by: Person) -> None:
        """ "Senden um 14:30" (or None: "senden bei Freigabe"). Deliveries already made
        follow the new time if they have not gone out."""
        now = self._clock()
        if send_at is not None and send_at.tzinfo is None:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, "send time needs a time zone")
        with self._db.session() as session:
            message_set = session.get(MessageSet, set_id)
            if message_set is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"message set {set_id} not found")
            open_incident(session, message_set.incident_id, for_update=True)
            message_set.send_at = send_at
            waiting = session.scalars(
                select(Delivery)
                .where(
                    Delivery.set_id == set_id,
                    Delivery.state.in_([s.value for s in READY]),
                    Delivery.wait_reason != WaitReason.MANUAL.value,
                )
                .with_for_update()
            )
            for row in waiting:
                later = send_at is not None and send_at > now
                row.state = (DeliveryState.SCHEDULED if later else DeliveryState.WAITING).value
                row.not_before = send_at if later and send_at is not None else now
                if later:
                    row.wait_reason = WaitReason.SCHEDULED.value
                elif row.wait_reason == WaitReason.SCHEDULED.value:
                    row.wait_reason = _wait_reason_for_retry(session, row).value
                row.updated_at = now
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DELIVERY_SCHEDULED,
                incident_id=message_set.incident_id,
                field=f"set {set_id}",
                new_value=send_at.isoformat(timespec="minutes") if send_at else "bei Freigabe",
            )
        self._wake()

    # -- shared ----------------------------------------------------------------------------
    def _act(
        self,
        delivery_id: int,
        allowed: set[DeliveryState] | frozenset[DeliveryState],
        act: Callable[[Session, Delivery, datetime], None],
    ) -> DeliveryView:
        now = self._clock()
        with self._db.session() as session:
            found = session.get(Delivery, delivery_id)
            if found is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"delivery {delivery_id} not found")
            open_incident(session, found.incident_id, for_update=True)
            # Lock order as in the queue: the account's health row, then the delivery.
            ensure_health(session, found.account_id)
            session.get(ChannelHealth, found.account_id, with_for_update=True)
            row = session.get(Delivery, delivery_id, with_for_update=True, populate_existing=True)
            assert row is not None
            if DeliveryState(row.state) not in allowed:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"delivery {delivery_id} is {row.state}",
                    {"problem": "state", "state": row.state},
                )
            act(session, row, now)
            row.updated_at = now
            session.flush()
            view = self._one(session, delivery_id)
        self._wake()
        return view

    def _one(self, session: Session, delivery_id: int) -> DeliveryView:
        row = session.execute(
            select(Delivery, ChannelAccount, Message)
            .join(ChannelAccount, ChannelAccount.id == Delivery.account_id)
            .join(Message, Message.id == Delivery.message_id)
            .where(Delivery.id == delivery_id)
        ).first()
        if row is None:
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"delivery {delivery_id} not found")
        return _view(*row)

    def _journal(
        self, session: Session, row: Delivery, by: Person, action: Action, value: str
    ) -> None:
        journal.append(
            session,
            at=self._clock(),
            actor=by.actor,
            action=action,
            incident_id=row.incident_id,
            field=f"delivery {row.id} (message {row.message_id} part {row.part + 1})",
            new_value=value,
        )


def _descendants(session: Session, row: Delivery) -> list[Delivery]:
    """Later parts of the same thread (a follow-up set's thread is its own)."""
    found: list[Delivery] = []
    frontier = [row.id]
    while frontier:
        children = list(
            session.scalars(
                select(Delivery)
                .where(Delivery.parent_id.in_(frontier), Delivery.message_id == row.message_id)
                .with_for_update()
            )
        )
        found.extend(children)
        frontier = [c.id for c in children]
    return found


def _free_children(session: Session, row: Delivery, now: datetime) -> None:
    for child in session.scalars(
        select(Delivery).where(
            Delivery.parent_id == row.id, Delivery.wait_reason == WaitReason.PARENT.value
        )
    ):
        child.wait_reason = WaitReason.NONE.value
        child.updated_at = now


def _wait_reason_for_retry(session: Session, row: Delivery) -> WaitReason:
    if row.parent_id is not None:
        parent = session.get(Delivery, row.parent_id)
        if parent is not None and parent.state != DeliveryState.SENT.value:
            return WaitReason.PARENT
    return WaitReason.NONE


def _id_from_url(url: str) -> str:
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    return tail[:300] if tail else "manual"


def _view(row: Delivery, account: ChannelAccount, message: Message) -> DeliveryView:
    parts: list[str] = json.loads(message.parts_json)
    return DeliveryView(
        id=row.id,
        incident_id=row.incident_id,
        set_id=row.set_id,
        message_id=row.message_id,
        account_id=row.account_id,
        account_name=account.name,
        platform=Platform(account.platform),
        part=row.part,
        parts_total=len(parts),
        state=DeliveryState(row.state),
        wait_reason=WaitReason(row.wait_reason),
        not_before=row.not_before,
        attempts=row.attempts,
        drill=row.drill,
        platform_id=row.platform_id,
        platform_url=row.platform_url,
        error_code=row.error_code,
        error_detail=row.error_detail,
        created_at=row.created_at,
        updated_at=row.updated_at,
        sent_at=row.sent_at,
        retract=row.retract,
        text=parts[row.part] if row.part < len(parts) else "",
        subject=message.subject if row.part == 0 else "",
    )


def _health(account: ChannelAccount, health: ChannelHealth | None) -> HealthView:
    return HealthView(
        account_id=account.id,
        account_name=account.name,
        platform=Platform(account.platform),
        last_success_at=health.last_success_at if health else None,
        last_error_at=health.last_error_at if health else None,
        last_error_code=health.last_error_code if health else "",
        last_error_detail=health.last_error_detail if health else "",
        failures=health.failures if health else 0,
        open_until=health.open_until if health else None,
    )


__all__ = ["PublishingService"]
