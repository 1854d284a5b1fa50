"""When a second person releases an answer to citizens, its items count as answered."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.dialog.states import ItemState
from kriseninfo.storage.models import DialogItem, Message


def answer_released(session: Session, message: Message, now: datetime) -> None:
    """`message` of an "antwort" set was released: the items it answers are answered
    now, with the text as released (it may have been edited on the way)."""
    text = "\n\n".join(json.loads(message.parts_json))
    rows = session.scalars(
        select(DialogItem).where(
            DialogItem.answer_set_id == message.set_id,
            DialogItem.account_id == message.account_id,
            DialogItem.reply_ref == message.reply_to,
            DialogItem.state.in_([ItemState.IN_FREIGABE.value, ItemState.IN_ARBEIT.value]),
        )
    )
    for row in rows:
        row.state = ItemState.BEANTWORTET.value
        row.answer_text = text
        row.answered_at = now
        row.updated_at = now


def answer_rejected(session: Session, message: Message, now: datetime) -> None:
    """The releaser sent an answer back: its items are open again, with the one who
    answered still holding them (so the question is neither lost nor answered twice)."""
    rows = session.scalars(
        select(DialogItem).where(
            DialogItem.answer_set_id == message.set_id,
            DialogItem.account_id == message.account_id,
            DialogItem.reply_ref == message.reply_to,
            DialogItem.state == ItemState.IN_FREIGABE.value,
        )
    )
    for row in rows:
        row.state = ItemState.IN_ARBEIT.value
        row.claimed_by = row.answered_by
        row.updated_at = now
