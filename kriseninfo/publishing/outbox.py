"""The transactional outbox: a released message becomes deliveries in the same transaction.

One delivery per thread part; part n replies to part n-1. The first part of a follow-up
(Update, Korrektur, Entwarnung) replies to the last part the set before published on the
same account and language, so corrections are threaded under what they correct.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kriseninfo.counting.platforms import Platform
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.publishing.registry import MANUAL_PLATFORMS
from kriseninfo.publishing.states import DeliveryState, WaitReason
from kriseninfo.storage.models import (
    ChannelAccount,
    ChannelHealth,
    Delivery,
    Incident,
    IncidentMode,
    Message,
    MessageSet,
)

#: A follow-up is threaded under a delivery in one of these states.
_THREADABLE = frozenset(
    {DeliveryState.SENT, DeliveryState.SENDING, DeliveryState.WAITING, DeliveryState.SCHEDULED}
)


def enqueue(session: Session, message: Message, now: datetime) -> list[Delivery]:
    """Create the deliveries of a just-released message (caller's transaction)."""
    message_set = session.get(MessageSet, message.set_id)
    assert message_set is not None
    incident = session.get(Incident, message_set.incident_id)
    account = session.get(ChannelAccount, message.account_id)
    assert incident is not None and account is not None
    drill = incident.mode is IncidentMode.DRILL
    manual = Platform(account.platform) in MANUAL_PLATFORMS and not drill
    send_at = message_set.send_at
    scheduled = send_at is not None and send_at > now
    parent = _thread_tail(session, message_set, message)
    ensure_health(session, account.id)
    made: list[Delivery] = []
    for part in range(len(json.loads(message.parts_json))):
        first = part == 0
        if manual:
            reason = WaitReason.MANUAL
        elif scheduled:
            reason = WaitReason.SCHEDULED
        elif not first or parent is not None:
            reason = WaitReason.PARENT
        else:
            reason = WaitReason.NONE
        delivery = Delivery(
            incident_id=incident.id,
            set_id=message_set.id,
            message_id=message.id,
            message_version=message.version,
            account_id=account.id,
            part=part,
            parent_id=parent.id if parent is not None else None,
            parent_optional=first and parent is not None,
            key=secrets.token_hex(16),
            drill=drill,
            state=(DeliveryState.SCHEDULED if scheduled else DeliveryState.WAITING).value,
            wait_reason=reason.value,
            not_before=send_at if scheduled and send_at is not None else now,
            in_flight=False,
            attempts=0,
            retract=False,
            reply_to=message.reply_to if first and parent is None else "",
            platform_id="",
            platform_url="",
            error_code="",
            error_detail="",
            created_at=now,
            updated_at=now,
        )
        session.add(delivery)
        session.flush()
        made.append(delivery)
        parent = delivery
    return made


def _thread_tail(session: Session, message_set: MessageSet, message: Message) -> Delivery | None:
    """The last part the previous set published on this account and language, if any."""
    if message_set.follows_id is None:
        return None
    earlier = session.scalars(
        select(Delivery)
        .join(Message, Message.id == Delivery.message_id)
        .where(
            Delivery.set_id == message_set.follows_id,
            Delivery.account_id == message.account_id,
            Message.language == message.language,
            Delivery.state.in_([s.value for s in _THREADABLE]),
        )
        .order_by(Delivery.part.desc(), Delivery.id.desc())
        .limit(1)
    ).first()
    return earlier


def withdraw_unsent(session: Session, message_id: int, now: datetime) -> int:
    """A release was voided: deliveries not yet sent are withdrawn. Refused when any part
    is already public or on its way (the officer sends a correction instead)."""
    rows = list(
        session.scalars(select(Delivery).where(Delivery.message_id == message_id).with_for_update())
    )
    live = [
        d
        for d in rows
        if d.state in (DeliveryState.SENT, DeliveryState.UNCLEAR)
        or (d.state == DeliveryState.SENDING and d.in_flight)
    ]
    if live:
        raise KriseninfoError(
            ErrorCode.ALREADY_PUBLISHED,
            f"message {message_id} is already published or being sent",
            {"message": str(message_id)},
        )
    count = 0
    for delivery in rows:
        if delivery.state not in (DeliveryState.FAILED, DeliveryState.WITHDRAWN):
            delivery.state = DeliveryState.WITHDRAWN.value
            delivery.wait_reason = WaitReason.NONE.value
            delivery.lease_owner = None
            delivery.lease_until = None
            delivery.updated_at = now
            count += 1
    return count


def ensure_health(session: Session, account_id: int) -> None:
    """The account's health row exists (it is also the per-account claim lock)."""
    if session.get(ChannelHealth, account_id) is not None:
        return
    values = {
        "account_id": account_id,
        "last_error_code": "",
        "last_error_detail": "",
        "failures": 0,
    }
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(postgresql.insert(ChannelHealth).values(**values).on_conflict_do_nothing())
    else:
        session.execute(sqlite.insert(ChannelHealth).values(**values).on_conflict_do_nothing())
