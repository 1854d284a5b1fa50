"""Rows of message sets to snapshots and back; shared by the set and release services."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind, SetPurpose
from kriseninfo.messagesets.records import Draft, Media, MessageSetView, Version
from kriseninfo.storage.models import (
    ChannelAccount,
    IncidentPlaybook,
    Message,
    MessageSet,
    MessageVersion,
    User,
)


def dump_parts(parts: Sequence[str]) -> str:
    return json.dumps(list(parts), ensure_ascii=False)


def dump_media(media: Sequence[Media]) -> str:
    return json.dumps(
        [{"path": m.path, "alt": m.alt, "media_id": m.media_id} for m in media],
        ensure_ascii=False,
    )


def load_media(raw: str) -> tuple[Media, ...]:
    return tuple(
        Media(item["path"], item.get("alt", ""), item.get("media_id")) for item in json.loads(raw)
    )


def template_json(subject: str, parts: Sequence[str]) -> str:
    return json.dumps({"subject": subject, "parts": list(parts)}, ensure_ascii=False)


def set_row(session: Session, set_id: int) -> MessageSet:
    row = session.get(MessageSet, set_id)
    if row is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"message set {set_id} not found")
    return row


def message_rows(session: Session, set_id: int, lock: bool = False) -> list[Message]:
    query = select(Message).where(Message.set_id == set_id).order_by(Message.id)
    if lock:
        query = query.with_for_update()
    return list(session.scalars(query))


def load_set(session: Session, set_id: int) -> MessageSetView:
    row = set_row(session, set_id)
    messages = message_rows(session, set_id)
    names = _names(session)
    accounts = {
        account.id: account
        for account in session.scalars(
            select(ChannelAccount).where(ChannelAccount.id.in_({m.account_id for m in messages}))
        )
    }
    return MessageSetView(
        id=row.id,
        incident_id=row.incident_id,
        purpose=SetPurpose(row.purpose),
        phase_id=row.phase_id,
        playbook_id=row.playbook_id,
        playbook_version=row.playbook_version,
        playbook_released=row.playbook_released,
        follows_id=row.follows_id,
        created_at=row.created_at,
        drafts=tuple(
            replace(
                draft(m, accounts[m.account_id], names), authors=frozenset(authors(session, m.id))
            )
            for m in messages
        ),
        facts=json.loads(row.facts_json),
        send_at=row.send_at,
    )


def draft(
    row: Message,
    account: ChannelAccount,
    names: dict[int, str],
    wrote: set[int] | None = None,
) -> Draft:
    parts = tuple(json.loads(row.parts_json))
    unchanged = False
    if row.template_json is not None:
        template = json.loads(row.template_json)
        # An attached image was never part of the approved text: it needs four eyes.
        unchanged = template == {"subject": row.subject, "parts": list(parts)} and not (
            json.loads(row.media_json)
        )
    return Draft(
        id=row.id,
        set_id=row.set_id,
        account_id=row.account_id,
        account_name=account.name,
        platform=Platform(row.platform),
        language=row.language,
        subject=row.subject,
        parts=parts,
        media=load_media(row.media_json),
        unchanged_from_template=unchanged and not row.render_error,
        render_error=row.render_error,
        status=DraftStatus(row.status),
        version=row.version,
        edited_at=row.edited_at,
        edited_by=row.edited_by,
        edited_by_name=names.get(row.edited_by or 0, ""),
        submitted_by=row.submitted_by,
        released_at=row.released_at,
        released_by=row.released_by,
        released_by_name=names.get(row.released_by or 0, ""),
        release_kind=ReleaseKind(row.release_kind) if row.release_kind else None,
        release_reason=row.release_reason,
        rejected_comment=row.rejected_comment,
        limit_override=account.max_length,
        authors=frozenset(wrote or ()),
    )


def versions(session: Session, message_id: int) -> list[Version]:
    names = _names(session)
    rows = session.scalars(
        select(MessageVersion)
        .where(MessageVersion.message_id == message_id)
        .order_by(MessageVersion.version)
    )
    return [
        Version(
            version=row.version,
            subject=row.subject,
            parts=tuple(json.loads(row.parts_json)),
            media=load_media(row.media_json),
            created_at=row.created_at,
            created_by_name=names.get(row.created_by or 0, ""),
            note=row.note,
        )
        for row in rows
    ]


def authors(session: Session, message_id: int) -> set[int]:
    """Everyone who wrote a version of the message (generating it counts): none of them
    may be its second pair of eyes."""
    return {
        user_id
        for user_id in session.scalars(
            select(MessageVersion.created_by).where(MessageVersion.message_id == message_id)
        )
        if user_id is not None
    }


def _names(session: Session) -> dict[int, str]:
    return {user_id: name for user_id, name in session.execute(select(User.id, User.name))}


def add_version(session: Session, row: Message, now: datetime, by: Person, note: str) -> None:
    """Every saved state of a message is kept (the diff view, who wrote it)."""
    session.add(
        MessageVersion(
            message_id=row.id,
            version=row.version,
            subject=row.subject,
            parts_json=row.parts_json,
            media_json=row.media_json,
            created_at=now,
            created_by=by.id,
            note=note,
        )
    )


def add_linked_set(
    session: Session,
    incident_id: int,
    purpose: SetPurpose,
    by: Person,
    now: datetime,
    playbook_released: bool = False,
) -> MessageSet:
    """A message set made outside the playbook's phase texts (an answer, an FAQ, a
    Richtigstellung): it records the incident's current phase, playbook and facts."""
    link = session.get(IncidentPlaybook, incident_id)
    row = MessageSet(
        incident_id=incident_id,
        purpose=purpose.value,
        phase_id=link.phase_id if link else "",
        playbook_id=link.playbook_id if link else "",
        playbook_version="",
        playbook_released=playbook_released,
        follows_id=None,
        created_at=now,
        created_by=by.id,
        facts_json=link.facts_json if link else "{}",
    )
    session.add(row)
    session.flush()
    return row
