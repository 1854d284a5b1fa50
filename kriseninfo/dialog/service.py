"""Working the dialog feed: reading it (new items only, for a live list), triage into the
playbook's categories, and "Ich übernehme" so two colleagues never answer one question."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import regex
from sqlalchemy import select

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.plain import to_plain
from kriseninfo.dialog.triage import guess
from kriseninfo.domain import SYSTEM, Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DialogItem, FeedSource, User
from kriseninfo.validation import strip_controls

#: How long a caller's callback number is kept (then deleted; data minimisation).
PERSONAL_RETENTION = timedelta(days=14)
_PHONE = regex.compile(r"\+?[0-9][0-9 ()/\-]{3,30}")


@dataclass(frozen=True)
class ItemView:
    id: int
    incident_id: int
    source_name: str
    author: str
    title: str
    text: str
    link: str
    in_reply_to: str
    published_at: datetime | None
    received_at: datetime
    category: Category | None
    state: str
    claimed_by: int | None
    claimed_by_name: str
    claimed_at: datetime | None
    district: str = ""
    callback: str = ""  # personal data, shown to the desk until it is deleted


class DialogService:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def items(self, incident_id: int, after_id: int = 0, limit: int = 5_000) -> list[ItemView]:
        """Items of the incident newer than `after_id` (a live list asks for what is new)."""
        with self._db.session(readonly=True) as session:
            names = dict(session.execute(select(User.id, User.name)).tuples().all())
            sources = dict(
                session.execute(
                    select(FeedSource.id, FeedSource.name).where(
                        FeedSource.incident_id == incident_id
                    )
                )
                .tuples()
                .all()
            )
            rows = session.scalars(
                select(DialogItem)
                .where(DialogItem.incident_id == incident_id, DialogItem.id > after_id)
                .order_by(DialogItem.id)
                .limit(limit)
            )
            return [_view(row, names, sources) for row in rows]

    def add_hotline_note(
        self,
        incident_id: int,
        question: str,
        by: Person,
        *,
        district: str = "",
        callback: str = "",
        keep_personal: timedelta = PERSONAL_RETENTION,
    ) -> ItemView:
        """A caller's question, typed at the Bürgertelefon. The callback number is
        personal data: kept until `keep_personal` has passed, never journaled."""
        text = to_plain(strip_controls(question))
        if not text:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "a hotline note needs the question", {"field": "question"}
            )
        number = " ".join(strip_controls(callback).split())[:80]
        if number and not _PHONE.fullmatch(number):
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "not a phone number", {"field": "callback"}
            )
        now = self._clock()
        with self._db.session() as session:
            open_incident(session, incident_id, for_update=True)
            row = DialogItem(
                incident_id=incident_id,
                source_id=None,
                dedupe_key="hotline:" + secrets.token_hex(16),
                external_id="",
                author=f"Bürgertelefon ({by.name})"[:300],
                title="",
                text=text,
                link="",
                in_reply_to="",
                published_at=now,
                received_at=now,
                category=guess(text).category.value,
                state="offen",
                district=" ".join(strip_controls(district).split())[:120],
                callback=number,
                personal_until=now + keep_personal if number else None,
            )
            session.add(row)
            session.flush()
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DIALOG_ITEM_CHANGED,
                incident_id=incident_id,
                field=f"item {row.id}",
                new_value="Notiz vom Bürgertelefon"
                + (" (mit Rückrufnummer)" if number else ""),  # the number itself: never
            )
            names = dict(session.execute(select(User.id, User.name)).tuples().all())
            return _view(row, names, {})

    def purge_personal_data(self) -> int:
        """Delete callback numbers whose time is up; returns how many."""
        now = self._clock()
        with self._db.session() as session:
            rows = list(
                session.scalars(
                    select(DialogItem)
                    .where(DialogItem.personal_until <= now, DialogItem.callback != "")
                    .with_for_update()
                )
            )
            for row in rows:
                row.callback = ""
                row.personal_until = None
            if rows:
                journal.append(
                    session,
                    at=now,
                    actor=SYSTEM,
                    action=Action.DIALOG_ITEM_CHANGED,
                    field="personal data",
                    new_value=f"{len(rows)} Rückrufnummern nach Ablauf gelöscht",
                )
            return len(rows)

    def claim(self, item_id: int, by: Person) -> ItemView:
        """ "Ich übernehme". Refused while a colleague has it (naming them)."""

        def act(row: DialogItem, names: dict[int, str]) -> str:
            if row.claimed_by is not None and row.claimed_by != by.id:
                name = names.get(row.claimed_by, "?")
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"item {row.id} is being answered by {name}",
                    {"problem": "claimed", "name": name},
                )
            row.claimed_by = by.id
            row.claimed_at = self._clock()
            row.state = "in_arbeit"
            return f"übernommen von {by.name}"

        return self._act(item_id, by, act)

    def release_claim(self, item_id: int, by: Person) -> ItemView:
        def act(row: DialogItem, _names: dict[int, str]) -> str:
            row.claimed_by = None
            row.claimed_at = None
            if row.state == "in_arbeit":
                row.state = "offen"
            return "freigegeben"

        return self._act(item_id, by, act)

    def categorise(self, item_id: int, category: Category, by: Person) -> ItemView:
        def act(row: DialogItem, _names: dict[int, str]) -> str:
            row.category = category.value
            return f"Kategorie {category.value}"

        return self._act(item_id, by, act)

    def _act(self, item_id: int, by: Person, act: object) -> ItemView:
        with self._db.session() as session:
            row = session.get(DialogItem, item_id, with_for_update=True)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"dialog item {item_id} not found")
            names = dict(session.execute(select(User.id, User.name)).tuples().all())
            detail = act(row, names)  # type: ignore[operator]
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.DIALOG_ITEM_CHANGED,
                incident_id=row.incident_id,
                field=f"item {row.id}",
                new_value=str(detail),
            )
            source = session.get(FeedSource, row.source_id) if row.source_id else None
            sources = {source.id: source.name} if source is not None else {}
            return _view(row, names, sources)


def _view(row: DialogItem, names: dict[int, str], sources: dict[int, str]) -> ItemView:
    category = Category(row.category) if row.category in Category._value2member_map_ else None
    return ItemView(
        id=row.id,
        incident_id=row.incident_id,
        source_name=sources.get(row.source_id or 0, ""),
        author=row.author,
        title=row.title,
        text=row.text,
        link=row.link,
        in_reply_to=row.in_reply_to,
        published_at=row.published_at,
        received_at=row.received_at,
        category=category,
        state=row.state,
        claimed_by=row.claimed_by,
        claimed_by_name=names.get(row.claimed_by or 0, ""),
        claimed_at=row.claimed_at,
        district=row.district,
        callback=row.callback,
    )
