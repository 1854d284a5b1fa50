"""Working the dialog feed: reading it (new items only, for a live list), triage into the
playbook's categories, and "Ich übernehme" so two colleagues never answer one question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DialogItem, FeedSource, User


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
    )
