"""Appending to, reading, verifying and exporting the Einsatztagebuch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.domain import SYSTEM, Actor
from kriseninfo.journal.actions import Action
from kriseninfo.journal.chain import GENESIS_HASH, EntryContent, entry_hash
from kriseninfo.journal.export import export_csv
from kriseninfo.journal.records import Break, BreakKind, JournalLine, VerifyResult
from kriseninfo.storage.models import JournalEntry, JournalHead

__all__ = [
    "SYSTEM",
    "Actor",
    "Break",
    "JournalLine",
    "NewLine",
    "VerifyResult",
    "append",
    "append_many",
    "export_csv",
    "lines",
    "verify",
]


def append(
    session: Session,
    *,
    at: datetime,
    actor: Actor,
    action: Action,
    incident_id: int | None = None,
    field: str = "",
    old_value: str | None = None,
    new_value: str | None = None,
) -> None:
    """Add a line in the caller's transaction, so the change and its record commit together."""
    append_many(session, [NewLine(at, actor, action, incident_id, field, old_value, new_value)])


@dataclass(frozen=True)
class NewLine:
    """One line for `append_many`."""

    at: datetime
    actor: Actor
    action: Action
    incident_id: int | None = None
    field: str = ""
    old_value: str | None = None
    new_value: str | None = None


def append_many(session: Session, new_lines: Sequence[NewLine]) -> None:
    """Add several lines in the caller's transaction with one lock of the chain's head and
    one write: what a batch of outcomes records costs about as much as one line."""
    if not new_lines:
        return
    head = session.execute(
        select(JournalHead).where(JournalHead.id == 1).with_for_update()
    ).scalar_one()
    seq, previous = head.seq, head.hash
    for line in new_lines:
        seq += 1
        content = EntryContent(
            seq=seq,
            recorded_at=line.at,
            user_id=line.actor.id,
            user_name=line.actor.name,
            incident_id=line.incident_id,
            action=line.action.value,
            field=line.field,
            old_value=line.old_value,
            new_value=line.new_value,
        )
        digest = entry_hash(content, previous)
        session.add(
            JournalEntry(
                seq=seq,
                recorded_at=line.at,
                user_id=line.actor.id,
                user_name=line.actor.name,
                incident_id=line.incident_id,
                action=line.action.value,
                field=line.field,
                old_value=line.old_value,
                new_value=line.new_value,
                prev_hash=previous,
                hash=digest,
            )
        )
        previous = digest
    head.seq, head.hash = seq, previous
    session.flush()


def lines(
    session: Session, incident_id: int | None = None, after_seq: int = 0
) -> list[JournalLine]:
    query = select(JournalEntry).where(JournalEntry.seq > after_seq).order_by(JournalEntry.seq)
    if incident_id is not None:
        query = query.where(JournalEntry.incident_id == incident_id)
    return [_line(row) for row in session.scalars(query)]


def _line(row: JournalEntry) -> JournalLine:
    return JournalLine(
        seq=row.seq,
        recorded_at=row.recorded_at,
        user_name=row.user_name,
        incident_id=row.incident_id,
        action=row.action,
        field=row.field,
        old_value=row.old_value,
        new_value=row.new_value,
        hash=row.hash,
    )


def verify(session: Session) -> VerifyResult:
    """Recompute the chain from the first line; report the first line that breaks it."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    count = 0
    rows: Iterator[JournalEntry] = iter(
        session.scalars(select(JournalEntry).order_by(JournalEntry.seq)).yield_per(500)
    )
    for row in rows:
        count += 1
        if row.seq != expected_seq:
            kind = BreakKind.MISSING if row.seq > expected_seq else BreakKind.REPEATED
            return VerifyResult(count, Break(expected_seq, kind, f"found {row.seq}"))
        if row.prev_hash != prev_hash:
            return VerifyResult(count, Break(row.seq, BreakKind.UNLINKED))
        recomputed = entry_hash(_content(row), row.prev_hash)
        if recomputed != row.hash:
            return VerifyResult(count, Break(row.seq, BreakKind.ALTERED))
        prev_hash = row.hash
        expected_seq += 1
    head = session.get(JournalHead, 1)
    last_seq = expected_seq - 1
    if head is None:
        return VerifyResult(count, Break(last_seq + 1, BreakKind.HEAD_MISSING))
    if head.seq != last_seq or head.hash != prev_hash:
        detail = f"{last_seq + 1}..{head.seq}"
        return VerifyResult(count, Break(last_seq + 1, BreakKind.TAIL_MISSING, detail))
    return VerifyResult(count, None)


def _content(row: JournalEntry) -> EntryContent:
    return EntryContent(
        seq=row.seq,
        recorded_at=row.recorded_at,
        user_id=row.user_id,
        user_name=row.user_name,
        incident_id=row.incident_id,
        action=row.action,
        field=row.field,
        old_value=row.old_value,
        new_value=row.new_value,
    )
