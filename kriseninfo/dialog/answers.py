"""Answering the dialog feed: suggestions for an item, one answer for one or many items,
and closing an item that needs no answer.

An answer to an item that came through one of our accounts goes out as a reply on that
account, through the publishing queue, in a message set of purpose "antwort". An unchanged
Textbaustein of a released playbook goes out at once (the playbook's approval is its
release); any other text waits for the release rules like every message. Items that came
through a feed or the hotline keep the answer for the desk to give by hand (a callback).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex
from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.measure import count
from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.service import ItemView, item_view, user_names
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.suggest import Suggestion, render_answer, suggest
from kriseninfo.domain import Person
from kriseninfo.drills.marks import prefix_for, with_prefix
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.desk import DeskSettings
from kriseninfo.messagesets.kinds import DeskSetting, DraftStatus, ReleaseKind, SetPurpose
from kriseninfo.messagesets.store import add_linked_set, add_version, dump_parts, template_json
from kriseninfo.publishing.outbox import enqueue
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    DialogItem,
    Incident,
    IncidentMode,
    IncidentPlaybook,
    Message,
)
from kriseninfo.triage.emergency import EMERGENCY_ANSWER
from kriseninfo.triage.service import item_text
from kriseninfo.validation import strip_controls

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook

#: The answer id of the standard emergency answer ("Bitte wählen Sie sofort 112").
EMERGENCY_ID = "notruf_112"
#: "Name (@user@host)", or "@user@host" alone when the account has no display name.
_HANDLE = regex.compile(r"(?:^|\()@([\w.\-]+(?:@[\w.\-]+)?)\)?$")
_VISIBLE = regex.compile(r"[^\s\p{Cf}]")
#: An answer is a message, not a letter.
MAX_ANSWER = 5_000


@dataclass(frozen=True)
class Answered:
    items: list[ItemView]
    set_id: int | None  # the message set carrying replies, if any item has a channel
    released: bool  # sent without a second release (an unchanged Textbaustein)
    by_hand: int  # items the desk answers by hand (feed, hotline)


class AnswerService:
    def __init__(
        self,
        database: Database,
        desk: DeskSettings,
        find_playbook: Callable[[str], Playbook],
        approved: Callable[[str], bool],
        clock: Clock = utc_now,
    ):
        self._db = database
        self._desk = desk
        self._find = find_playbook
        self._approved = approved
        self._clock = clock

    def suggestions(self, item_id: int, limit: int = 5) -> list[Suggestion]:
        """Textbausteine (filled with the incident's facts) and this incident's earlier
        answers, best first. Offline."""
        with self._db.session(readonly=True) as session:
            row = _item(session, item_id)
            question = item_text(row.title, row.text)
            link = session.get(IncidentPlaybook, row.incident_id)
            earlier = list(
                session.scalars(
                    select(DialogItem.answer_text)
                    .where(DialogItem.incident_id == row.incident_id, DialogItem.answer_text != "")
                    .order_by(DialogItem.answered_at.desc())
                    .limit(200)
                )
            )
            playbook_id = link.playbook_id if link else ""
            facts = json.loads(link.facts_json) if link else {}
            incident = session.get(Incident, row.incident_id)
            drill = incident is not None and incident.mode is IncidentMode.DRILL
        playbook = self._playbook(playbook_id)
        values = _fact_values(playbook, facts)
        approved = bool(playbook_id) and self._preapproved_allowed(playbook_id)
        if approved and playbook is not None and not drill:
            from kriseninfo.messagesets.facts import still_examples

            approved = not still_examples(playbook, facts)
        return suggest(
            question, playbook, "de", earlier, limit=limit, approved=approved, facts=values
        )

    def answer(
        self, item_ids: Sequence[int], text: str, by: Person, answer_id: str = ""
    ) -> Answered:
        """Answer one or many items with one text. `answer_id` names the Textbaustein the
        text was taken from; unchanged, and with pre-approved texts allowed, it is sent
        without a second release."""
        text = strip_controls(text).strip()
        if not _VISIBLE.search(text):
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "an answer needs a text", {"field": "answer"}
            )
        if len(text) > MAX_ANSWER:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"an answer has at most {MAX_ANSWER} characters",
                {"field": "answer", "limit": str(MAX_ANSWER)},
            )
        ids = sorted(set(item_ids))
        if not ids:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, "no item chosen", {"field": "items"})
        now = self._clock()
        with self._db.session() as session:
            # Lock order as everywhere: the incident first, then its rows (by id).
            incident_id = _item(session, ids[0]).incident_id
            open_incident(session, incident_id, for_update=True)
            rows = [_item(session, item_id, lock=True) for item_id in ids]
            if any(row.incident_id != incident_id for row in rows):
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT, "items of different incidents", {"field": "items"}
                )
            names = user_names(session)
            for row in rows:
                _check_answerable(row, by, names)
            released = self._unchanged_textbaustein(session, incident_id, text, answer_id)
            by_channel = [row for row in rows if row.account_id is not None and row.reply_ref]
            set_id = None
            if by_channel:
                set_id = self._reply_set(
                    session, incident_id, by_channel, text, by, released, answer_id
                )
            for row in rows:
                on_channel = row in by_channel
                row.answer_text = text
                row.answered_by = by.id
                row.answer_set_id = set_id if on_channel else None
                row.claimed_by, row.claimed_at = by.id, row.claimed_at or now
                if on_channel and not released:
                    row.state = ItemState.IN_FREIGABE.value
                else:
                    row.state = ItemState.BEANTWORTET.value
                    row.answered_at = now
                row.updated_at = now
                how = (
                    ("Textbaustein, ohne zweite Freigabe" if released else "zur Freigabe")
                    if on_channel
                    else "von Hand (kein Antwortkanal)"
                )
                journal.append(
                    session,
                    at=now,
                    actor=by.actor,
                    action=Action.DIALOG_ITEM_CHANGED,
                    incident_id=incident_id,
                    field=f"item {row.id}",
                    new_value=f"beantwortet ({how}): {text}",
                )
            return Answered(
                [item_view(session, row, names) for row in rows],
                set_id,
                released and set_id is not None,
                len(rows) - len(by_channel),
            )

    def close(self, item_id: int, by: Person, note: str = "") -> ItemView:
        """ "Erledigt": needs no answer (spam, a thank-you, answered elsewhere)."""
        now = self._clock()
        note = " ".join(strip_controls(note).split())[:300]
        with self._db.session() as session:
            row = _item(session, item_id, lock=True)
            names = user_names(session)
            _check_answerable(row, by, names)
            row.state = ItemState.ERLEDIGT.value
            row.answered_at, row.answered_by, row.updated_at = now, by.id, now
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DIALOG_ITEM_CHANGED,
                incident_id=row.incident_id,
                field=f"item {row.id}",
                new_value="erledigt ohne Antwort" + (f": {note}" if note else ""),
            )
            return item_view(session, row, names)

    # -- helpers -------------------------------------------------------------------------
    def _playbook(self, playbook_id: str) -> Playbook | None:
        if not playbook_id:
            return None
        try:
            return self._find(playbook_id)
        except KriseninfoError:
            return None  # a playbook gone from the library: earlier answers still help

    def _preapproved_allowed(self, playbook_id: str) -> bool:
        return self._approved(playbook_id) and self._desk.get(DeskSetting.PREAPPROVED_TEMPLATES)

    def _unchanged_textbaustein(
        self, session: Session, incident_id: int, text: str, answer_id: str
    ) -> bool:
        """Is `text` exactly the Textbaustein `answer_id` of a released playbook, filled
        with the incident's facts as they are now?"""
        if not answer_id:
            return False
        if answer_id == EMERGENCY_ID:  # the product's fixed 112 advice
            return self._desk.get(DeskSetting.PREAPPROVED_TEMPLATES) and text in (
                EMERGENCY_ANSWER.values()
            )
        link = session.get(IncidentPlaybook, incident_id)
        if link is None or not self._preapproved_allowed(link.playbook_id):
            return False
        playbook = self._playbook(link.playbook_id)
        if playbook is None:
            return False
        found = next((a for a in playbook.answers if a.id == answer_id), None)
        if found is None:
            return False
        facts = json.loads(link.facts_json)
        incident = session.get(Incident, incident_id)
        if incident is not None and incident.mode is not IncidentMode.DRILL:
            from kriseninfo.messagesets.facts import still_examples

            if still_examples(playbook, facts):  # as for messages: real facts, or four eyes
                return False
        values = _fact_values(playbook, facts)
        for language in found.texts.values():
            rendered, problem = render_answer(str(language), values)
            if not problem and rendered.strip() == text:
                return True
        return False

    def _reply_set(
        self,
        session: Session,
        incident_id: int,
        rows: list[DialogItem],
        text: str,
        by: Person,
        released: bool,
        answer_id: str,
    ) -> int:
        now = self._clock()
        accounts = {
            account.id: account
            for account in session.scalars(
                select(ChannelAccount).where(
                    ChannelAccount.id.in_({row.account_id for row in rows if row.account_id})
                )
            )
        }
        prefix = prefix_for(session, incident_id)
        for row in rows:
            account = accounts[row.account_id or 0]
            measured = count(
                Platform(account.platform),
                _addressed(row, account, text, prefix),
                limit=account.max_length,
            )
            if not measured.fits:
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT,
                    f"answer too long for {account.name}: {measured.length}/{measured.limit}",
                    {
                        "field": "answer",
                        "problem": "too_long",
                        "length": str(measured.length),
                        "limit": str(measured.limit),
                        "name": account.name,
                    },
                )
        message_set = add_linked_set(session, incident_id, SetPurpose.ANTWORT, by, now, released)
        for row in rows:
            account = accounts[row.account_id or 0]
            reply = _addressed(row, account, text, prefix)
            message = Message(
                set_id=message_set.id,
                account_id=account.id,
                platform=account.platform,
                language="de",
                subject="",
                parts_json=dump_parts([reply]),
                media_json="[]",
                template_json=template_json("", [reply]) if released else None,
                render_error="",
                reply_to=row.reply_ref,
                status=(DraftStatus.FREIGEGEBEN if released else DraftStatus.ZUR_FREIGABE).value,
                version=1,
                edited_at=now,
                edited_by=by.id,
                submitted_by=by.id,
                released_at=now if released else None,
                released_by=by.id if released else None,
                release_kind=ReleaseKind.TEXTBAUSTEIN.value if released else None,
                release_reason=answer_id if released else "",
                rejected_comment="",
            )
            session.add(message)
            session.flush()
            add_version(session, message, now, by, "Antwort aus dem Dialog")
            if released:
                enqueue(session, message, now)
        journal.append(
            session,
            at=now,
            actor=by.actor,
            action=Action.SET_CREATED,
            incident_id=incident_id,
            field=SetPurpose.ANTWORT.value,
            new_value=f"Satz {message_set.id}: Antwort auf {len(rows)} Anfrage(n)"
            + (f", Textbaustein {answer_id} ohne zweite Freigabe" if released else ""),
        )
        return message_set.id


def _addressed(row: DialogItem, account: ChannelAccount, text: str, prefix: str) -> str:
    """On Mastodon a reply reaches its author only if it mentions them (clients put the
    mention first); Bluesky notifies the author of the post replied to by itself. In a
    drill the text carries the drill's mark."""
    text = with_prefix(text, prefix)
    if account.platform != Platform.MASTODON.value:
        return text
    handle = _HANDLE.search(row.author)
    if handle is None or text.startswith(f"@{handle.group(1)}"):
        return text
    return f"@{handle.group(1)} {text}"


def _item(session: Session, item_id: int, lock: bool = False) -> DialogItem:
    row = session.get(DialogItem, item_id, with_for_update=lock)
    if row is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"dialog item {item_id} not found")
    return row


def _check_answerable(row: DialogItem, by: Person, names: dict[int, str]) -> None:
    if row.state not in (ItemState.OFFEN.value, ItemState.IN_ARBEIT.value):
        name = names.get(row.answered_by or 0, "?")
        raise KriseninfoError(
            ErrorCode.NOT_ALLOWED_NOW,
            f"item {row.id} is already {row.state} (by {name})",
            {"problem": "answered", "name": name},
        )
    if row.claimed_by is not None and row.claimed_by != by.id:
        name = names.get(row.claimed_by, "?")
        raise KriseninfoError(
            ErrorCode.NOT_ALLOWED_NOW,
            f"item {row.id} is being answered by {name}",
            {"problem": "claimed", "name": name},
        )


def _fact_values(playbook: Playbook | None, facts: dict[str, str]) -> dict[str, object]:
    if playbook is None:
        return dict(facts)
    from kriseninfo.messagesets import facts as fact_values

    return dict(fact_values.values(playbook, facts))
