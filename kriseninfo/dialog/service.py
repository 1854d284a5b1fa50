"""Working the dialog feed: reading it (new items only, for a live list), triage into the
playbook's categories, and "Ich übernehme" so two colleagues never answer one question."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import regex
from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.plain import to_plain
from kriseninfo.dialog.states import ItemState
from kriseninfo.domain import SYSTEM, Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DialogItem, FeedSource, User
from kriseninfo.triage.classify import TriageFor, lexicon_only
from kriseninfo.triage.service import first_guess
from kriseninfo.validation import strip_controls

#: How long a caller's callback number is kept (then deleted; data minimisation).
PERSONAL_RETENTION = timedelta(days=14)
_PHONE = regex.compile(r"\+?[0-9][0-9 ()/\-]{3,30}")
#: The state words as one object each (the database gives every row its own copy).
_STATE_WORDS = {state.value: state.value for state in ItemState}


@dataclass(frozen=True, slots=True)  # slots: a feed holds up to 100,000 of them
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
    updated_at: datetime | None = None
    account_id: int | None = None  # our account it can be answered through
    reply_ref: str = ""
    answer_text: str = ""
    answered_at: datetime | None = None
    answered_by_name: str = ""
    answer_set_id: int | None = None
    thread_set_id: int | None = None  # the message set of ours it replies to
    triage_why: str = ""  # why the triage chose the category ("Atemnot · Kind")
    category_by_hand: bool = False

    @property
    def item_state(self) -> ItemState:
        return (
            ItemState(self.state) if self.state in ItemState._value2member_map_ else ItemState.OFFEN
        )

    @property
    def answerable_on_channel(self) -> bool:
        return self.account_id is not None and bool(self.reply_ref)


class SharedStrings:
    """One copy of a string that many items repeat: a few thousand people write
    100,000 questions, and a live list keeps every item. Forgets everything when
    `limit` strings are known (then copies are shared again from there)."""

    def __init__(self, limit: int = 20_000) -> None:
        self._limit = limit
        self._known: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        known = self._known.get(text)
        if known is None:
            if len(self._known) >= self._limit:
                self._known.clear()
            known = self._known.setdefault(text, text)
        return known


def _unshared(text: str) -> str:
    return text


class DialogService:
    def __init__(
        self, database: Database, clock: Clock = utc_now, triage: TriageFor = lexicon_only
    ):
        self._db = database
        self._clock = clock
        self._triage = triage
        self._authors = SharedStrings()

    def items(self, incident_id: int, after_id: int = 0, limit: int = 5_000) -> list[ItemView]:
        """Items of the incident newer than `after_id` (a live list asks for what is new)."""
        with self._db.session(readonly=True) as session:
            names = user_names(session)
            sources = _source_names(session, incident_id)
            rows = session.scalars(
                select(DialogItem)
                .where(DialogItem.incident_id == incident_id, DialogItem.id > after_id)
                .order_by(DialogItem.id)
                .limit(limit)
            )
            return [_view(row, names, sources, self._authors) for row in rows]

    def changed(self, incident_id: int, since: datetime, up_to_id: int) -> list[ItemView]:
        """Items up to `up_to_id` changed at or after `since` (claims, categories,
        answers by anyone at the desk). Consoles' clocks differ a little: callers pass a
        `since` with a margin and replace rows by id."""
        with self._db.session(readonly=True) as session:
            names = user_names(session)
            sources = _source_names(session, incident_id)
            rows = session.scalars(
                select(DialogItem)
                .where(
                    DialogItem.incident_id == incident_id,
                    DialogItem.id <= up_to_id,
                    DialogItem.updated_at >= since,
                    # rows unchanged since they came are read by `items`; a surge of new
                    # items must not be read again every second
                    DialogItem.updated_at != DialogItem.received_at,
                )
                .order_by(DialogItem.id)
            )
            return [_view(row, names, sources, self._authors) for row in rows]

    def get(self, item_id: int) -> ItemView:
        with self._db.session(readonly=True) as session:
            row = session.get(DialogItem, item_id)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"dialog item {item_id} not found")
            return item_view(session, row, user_names(session))

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
                **first_guess(self._triage(session, incident_id), "", text),
                state="offen",
                district=" ".join(strip_controls(district).split())[:120],
                callback=number,
                personal_until=now + keep_personal if number else None,
                updated_at=now,
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
            return _view(row, user_names(session), {})

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
                row.updated_at = now
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
            if not ItemState(row.state).is_open:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"item {row.id} is already {row.state}",
                    {"problem": "answered", "name": names.get(row.answered_by or 0, "?")},
                )
            row.claimed_by = by.id
            row.claimed_at = self._clock()
            row.state = ItemState.IN_ARBEIT.value
            return f"übernommen von {by.name}"

        return self._act(item_id, by, act)

    def release_claim(self, item_id: int, by: Person) -> ItemView:
        """ "Abgeben": only by whoever holds it (or Leitung, for someone gone home)."""

        def act(row: DialogItem, names: dict[int, str]) -> str:
            holder = row.claimed_by
            if holder is not None and holder != by.id and by.role is not Role.LEITUNG:
                name = names.get(holder, "?")
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"item {row.id} is being answered by {name}",
                    {"problem": "claimed", "name": name},
                )
            row.claimed_by = None
            row.claimed_at = None
            if row.state == ItemState.IN_ARBEIT.value:
                row.state = ItemState.OFFEN.value
            return "freigegeben"

        return self._act(item_id, by, act)

    def categorise(self, item_id: int, category: Category, by: Person) -> ItemView:
        def act(row: DialogItem, _names: dict[int, str]) -> str:
            row.category = category.value
            row.category_by_hand = True  # a new triage leaves it as it is
            row.triage_why = ""
            return f"Kategorie {category.value}"

        return self._act(item_id, by, act)

    def _act(self, item_id: int, by: Person, act: object) -> ItemView:
        with self._db.session() as session:
            row = session.get(DialogItem, item_id, with_for_update=True)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"dialog item {item_id} not found")
            names = user_names(session)
            detail = act(row, names)  # type: ignore[operator]
            row.updated_at = self._clock()
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.DIALOG_ITEM_CHANGED,
                incident_id=row.incident_id,
                field=f"item {row.id}",
                new_value=str(detail),
            )
            return item_view(session, row, names)


def user_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.name)).tuples().all())


def _source_names(session: Session, incident_id: int) -> dict[int, str]:
    query = select(FeedSource.id, FeedSource.name).where(FeedSource.incident_id == incident_id)
    return dict(session.execute(query).tuples().all())


def item_view(session: Session, row: DialogItem, names: dict[int, str]) -> ItemView:
    source = session.get(FeedSource, row.source_id) if row.source_id else None
    return _view(row, names, {source.id: source.name} if source is not None else {})


def _view(
    row: DialogItem,
    names: dict[int, str],
    sources: dict[int, str],
    share: Callable[[str], str] = _unshared,
) -> ItemView:
    """The row as a view; `share` gives repeated strings (authors) as one object, and
    times equal to the arrival are the arrival's object: a live list holds 100,000."""
    category = Category(row.category) if row.category in Category._value2member_map_ else None
    received = row.received_at
    published, updated = row.published_at, row.updated_at
    return ItemView(
        id=row.id,
        incident_id=row.incident_id,
        source_name=sources.get(row.source_id or 0, ""),
        author=share(row.author),
        title=row.title,
        text=row.text,
        link=row.link,
        in_reply_to=row.in_reply_to,
        published_at=received if published == received else published,
        received_at=received,
        category=category,
        state=_STATE_WORDS.get(row.state, row.state),
        claimed_by=row.claimed_by,
        claimed_by_name=names.get(row.claimed_by or 0, ""),
        claimed_at=row.claimed_at,
        district=row.district,
        callback=row.callback,
        updated_at=received if updated == received else updated,
        account_id=row.account_id,
        reply_ref=row.reply_ref,
        answer_text=row.answer_text,
        answered_at=row.answered_at,
        answered_by_name=names.get(row.answered_by or 0, ""),
        answer_set_id=row.answer_set_id,
        thread_set_id=row.thread_set_id,
        triage_why=row.triage_why,
        category_by_hand=row.category_by_hand,
    )
