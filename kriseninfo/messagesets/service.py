"""Message sets: generated from the playbook and the facts, edited with versions.

Release and rejection are in `release.py`; both journal every step in the same
transaction as the step itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.hidden import clean
from kriseninfo.counting.platforms import Platform
from kriseninfo.counting.split import split_thread
from kriseninfo.domain import Person
from kriseninfo.drills.marks import prefix_for, with_prefix
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets import facts as fact_values
from kriseninfo.messagesets.accounts import TEMPLATE_KIND, accounts_for
from kriseninfo.messagesets.kinds import FOLLOW_UPS, DraftStatus, SetPurpose
from kriseninfo.messagesets.media import check_alt, read_image, store_image
from kriseninfo.messagesets.records import Draft, Media, MessageSetView, Version
from kriseninfo.messagesets.store import (
    add_version,
    authors,
    dump_media,
    dump_parts,
    load_media,
    load_set,
    set_row,
    template_json,
    versions,
)
from kriseninfo.messagesets.store import draft as draft_view
from kriseninfo.playbooks.kinds import Language
from kriseninfo.playbooks.render import render_message
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.publishing.outbox import withdraw_unsent
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    IncidentPlaybook,
    Message,
    MessageSet,
    User,
)

FindPlaybook = Callable[[str], Playbook]
MAX_PARTS = 25
MAX_TEXT = 70_000


class MessageSetService:
    def __init__(
        self,
        database: Database,
        find_playbook: FindPlaybook,
        clock: Clock = utc_now,
        approved: Callable[[str], bool] = lambda _playbook_id: False,
    ):
        self._db = database
        self._find = find_playbook
        self._approved = approved  # whose texts count as pre-approved (bundled ones)
        self._clock = clock

    # -- reading -------------------------------------------------------------------------
    def get(self, set_id: int) -> MessageSetView:
        with self._db.session(readonly=True) as session:
            return load_set(session, set_id)

    def for_incident(self, incident_id: int) -> list[MessageSetView]:
        """The incident's sets, newest first."""
        with self._db.session(readonly=True) as session:
            ids = session.scalars(
                select(MessageSet.id)
                .where(MessageSet.incident_id == incident_id)
                .order_by(MessageSet.id.desc())
            ).all()
            return [load_set(session, set_id) for set_id in ids]

    def versions(self, draft_id: int) -> list[Version]:
        with self._db.session(readonly=True) as session:
            return versions(session, draft_id)

    # -- generating ----------------------------------------------------------------------
    def generate(
        self,
        incident_id: int,
        by: Person,
        purpose: SetPurpose = SetPurpose.ERSTMELDUNG,
        follows_id: int | None = None,
    ) -> MessageSetView:
        """One draft per enabled account and language, for the incident's current phase.

        Missing required facts refuse the whole set (naming them); a text that cannot be
        rendered in one language becomes a draft with its error, so the others still go.
        """
        now = self._clock()
        with self._db.session() as session:
            open_incident(session, incident_id, for_update=True)
            link = session.get(IncidentPlaybook, incident_id)
            if link is None:
                raise KriseninfoError(
                    ErrorCode.NOT_FOUND,
                    f"incident {incident_id} follows no playbook",
                    {"field": "playbook"},
                )
            playbook = self._find(link.playbook_id)
            facts: dict[str, str] = json.loads(link.facts_json)
            absent = fact_values.missing(playbook, facts)
            if absent:
                raise KriseninfoError(
                    ErrorCode.FACTS_MISSING,
                    f"required facts are empty: {', '.join(absent)}",
                    {"fields": ",".join(absent)},
                )
            values = fact_values.values(playbook, facts)
            accounts = accounts_for(session, incident_id, enabled_only=True)
            if not accounts:
                raise KriseninfoError(ErrorCode.NO_CHANNEL_ACCOUNTS, "no enabled channel account")
            prefix = prefix_for(session, incident_id)
            if follows_id is None and purpose in FOLLOW_UPS:
                follows_id = session.scalar(
                    select(MessageSet.id)
                    .where(MessageSet.incident_id == incident_id)
                    .order_by(MessageSet.id.desc())
                    .limit(1)
                )
            elif follows_id is not None:
                earlier = set_row(session, follows_id)
                if earlier.incident_id != incident_id:
                    raise KriseninfoError(
                        ErrorCode.INVALID_INPUT,
                        f"set {follows_id} belongs to another incident",
                        {"field": "follows"},
                    )
            row = MessageSet(
                incident_id=incident_id,
                purpose=purpose.value,
                phase_id=link.phase_id,
                playbook_id=playbook.id,
                playbook_version=playbook.version,
                playbook_released=self._approved(playbook.id),
                follows_id=follows_id,
                created_at=now,
                created_by=by.id,
                facts_json=json.dumps(facts, ensure_ascii=False, sort_keys=True),
            )
            session.add(row)
            session.flush()
            for account in accounts:
                for language in account.languages:
                    subject, text, error = _render(
                        playbook, link.phase_id, account.platform, language, values
                    )
                    if not error:
                        text = with_prefix(text, prefix)
                        subject = with_prefix(subject, prefix) if subject else ""
                    message = Message(
                        set_id=row.id,
                        account_id=account.id,
                        platform=account.platform.value,
                        language=language,
                        subject=subject,
                        parts_json=dump_parts([text]),
                        media_json="[]",
                        template_json=None if error else template_json(subject, [text]),
                        render_error=error,
                        status=DraftStatus.ENTWURF.value,
                        version=1,
                        edited_at=now,
                        edited_by=by.id,
                        release_reason="",
                        rejected_comment="",
                    )
                    session.add(message)
                    session.flush()
                    add_version(session, message, now, by, "erstellt")
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.SET_CREATED,
                incident_id=incident_id,
                field=purpose.value,
                new_value=f"Satz {row.id}, Phase {link.phase_id}"
                + (f", folgt auf Satz {follows_id}" if follows_id else ""),
            )
            return load_set(session, row.id)

    # -- editing -------------------------------------------------------------------------
    def edit(
        self,
        draft_id: int,
        expected_version: int,
        by: Person,
        *,
        subject: str | None = None,
        parts: Sequence[str] | None = None,
        media: Sequence[Media] | None = None,
        note: str = "bearbeitet",
    ) -> Draft:
        """Save a change as a new version. Someone else's newer save is never overwritten:
        a stale `expected_version` is refused with EDIT_CONFLICT, naming who saved."""
        with self._db.session() as session:
            found = session.get(Message, draft_id)
            if found is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"message {draft_id} not found")
            # Lock order everywhere: incident, then messages, then the journal head.
            open_incident(session, set_row(session, found.set_id).incident_id, for_update=True)
            row = session.get(Message, draft_id, with_for_update=True, populate_existing=True)
            assert row is not None
            if row.version != expected_version:
                editor = session.get(User, row.edited_by) if row.edited_by else None
                raise KriseninfoError(
                    ErrorCode.EDIT_CONFLICT,
                    f"message {draft_id} is at version {row.version}, not {expected_version}",
                    {"name": editor.name if editor else "", "version": str(row.version)},
                )
            new_subject = clean(subject) if subject is not None else row.subject
            new_parts = (
                [clean(part) for part in parts] if parts is not None else json.loads(row.parts_json)
            )
            _check_size(new_parts)
            new_media = dump_media(media) if media is not None else row.media_json
            old_text = _journal_text(row.subject, json.loads(row.parts_json), row.media_json)
            if (new_subject, dump_parts(new_parts), new_media) == (
                row.subject,
                row.parts_json,
                row.media_json,
            ):
                return self._draft(session, row)
            now = self._clock()
            if row.status != DraftStatus.ENTWURF.value:
                _void_release(session, row, now, by)
            row.subject = new_subject
            row.parts_json = dump_parts(new_parts)
            row.media_json = new_media
            row.version += 1
            row.edited_at = now
            row.edited_by = by.id
            row.render_error = ""
            add_version(session, row, now, by, note)
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.MESSAGE_EDITED,
                incident_id=set_row(session, row.set_id).incident_id,
                field=f"message {row.id} v{row.version}",
                old_value=old_text,
                new_value=_journal_text(row.subject, new_parts, new_media),
            )
            return self._draft(session, row)

    def split(self, draft_id: int, expected_version: int, by: Person) -> Draft:
        """ "Als Thread aufteilen": sentence boundaries, (1/3) numbering, each part fits."""
        current = self._current(draft_id)
        text = "\n\n".join(current.parts)
        parts = split_thread(current.platform, text, limit=current.limit_override)
        return self.edit(draft_id, expected_version, by, parts=parts, note="als Thread aufgeteilt")

    def attach_image(
        self, draft_id: int, expected_version: int, source: Path, alt: str, by: Person
    ) -> Draft:
        """Attach an image file (stored in the database, so every console has it)."""
        data, mime = read_image(source)
        alt = check_alt(alt)
        with self._db.session() as session:
            media_id = store_image(session, source.name, data, mime, self._clock())
        current = self._current(draft_id)
        attached = Media(source.name, alt, media_id)
        return self.edit(
            draft_id, expected_version, by, media=[*current.media, attached], note="Bild angehängt"
        )

    def set_alt_text(
        self, draft_id: int, expected_version: int, index: int, alt: str, by: Person
    ) -> Draft:
        images = list(self._current(draft_id).media)
        if not 0 <= index < len(images):
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"message {draft_id} has no image {index}")
        images[index] = replace(images[index], alt=check_alt(alt))
        return self.edit(draft_id, expected_version, by, media=images, note="Alternativtext")

    def remove_image(self, draft_id: int, expected_version: int, index: int, by: Person) -> Draft:
        images = list(self._current(draft_id).media)
        if not 0 <= index < len(images):
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"message {draft_id} has no image {index}")
        del images[index]
        return self.edit(draft_id, expected_version, by, media=images, note="Bild entfernt")

    def _current(self, draft_id: int) -> Draft:
        with self._db.session(readonly=True) as session:
            row = session.get(Message, draft_id)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"message {draft_id} not found")
            return self._draft(session, row)

    def _draft(self, session: Session, row: Message) -> Draft:
        account = session.get(ChannelAccount, row.account_id)
        assert account is not None
        names = {u.id: u.name for u in session.scalars(select(User))}
        return draft_view(row, account, names, authors(session, row.id))


def _render(
    playbook: Playbook, phase_id: str, platform: Platform, language: str, values: dict[str, Any]
) -> tuple[str, str, str]:
    """(subject, text, error) of one draft; the error is English for the log and the UI."""
    try:
        fields = render_message(
            playbook, phase_id, TEMPLATE_KIND[platform], Language(language), values
        )
    except KriseninfoError as error:
        return "", "", error.detail
    by_name = {f.name: clean(f.text) for f in fields}
    subject = by_name.get("subject") or by_name.get("headline") or ""
    return subject, by_name.get("text", ""), ""


def _check_size(parts: Sequence[str]) -> None:
    if not parts or len(parts) > MAX_PARTS or sum(len(p) for p in parts) > MAX_TEXT:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"a message has 1 to {MAX_PARTS} parts and at most {MAX_TEXT} characters",
            {"field": "text"},
        )


def _void_release(session: Session, row: Message, now: datetime, by: Person) -> None:
    """Any change after submitting or releasing sends the draft back to Entwurf."""
    old_status = row.status
    if old_status == DraftStatus.FREIGEGEBEN.value:
        withdraw_unsent(session, row.id, now)  # refuses once anything is public
    row.status = DraftStatus.ENTWURF.value
    row.released_at = None
    row.released_by = None
    row.release_kind = None
    row.release_reason = ""
    row.submitted_by = None
    if old_status != DraftStatus.ENTWURF.value:  # a release or a submission is withdrawn
        journal.append(
            session,
            at=now,
            actor=by.actor,
            action=Action.MESSAGE_RELEASE_VOIDED,
            incident_id=set_row(session, row.set_id).incident_id,
            field=f"message {row.id}",
            old_value=old_status,
            new_value=DraftStatus.ENTWURF.value,
        )


def _journal_text(subject: str, parts: Sequence[str], media_json: str = "[]") -> str:
    """The draft as the journal keeps it: subject, text, and each image with its alt text."""
    body = "\n\n".join(parts)
    text = f"{subject}\n\n{body}" if subject else body
    for image in load_media(media_json):
        text += f"\n[Bild: {image.path} – Alternativtext: {image.alt or '(keiner)'}]"
    return text
