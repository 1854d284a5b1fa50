"""Written response-time targets per category (what the KGSt survey found almost nowhere)
and each open item's age against its target. Shared by the desk, set by Leitung."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DeskSettingRow

DEFAULT_TARGETS: dict[Category, timedelta] = {
    Category.NOTFALL: timedelta(minutes=2),
    Category.FRAGE: timedelta(minutes=15),
    Category.GERUECHT: timedelta(minutes=15),
    Category.PRESSEANFRAGE: timedelta(minutes=30),
    Category.HINWEIS: timedelta(minutes=30),
    Category.BESCHWERDE: timedelta(hours=1),
    Category.SONSTIGES: timedelta(hours=1),
}
_PREFIX = "response_target."
#: States in which an item still waits for an answer.
OPEN_STATES = frozenset({"offen", "in_arbeit"})


@dataclass(frozen=True)
class Age:
    age: timedelta
    target: timedelta

    @property
    def overdue(self) -> bool:
        return self.age > self.target

    @property
    def share(self) -> float:
        """How much of the target is used up (above 1.0: overdue), for the colour."""
        return self.age / self.target if self.target else 1.0


class ResponseTargets:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def all(self) -> dict[Category, timedelta]:
        with self._db.session(readonly=True) as session:
            stored = {
                row.key.removeprefix(_PREFIX): row.value
                for row in session.scalars(
                    select(DeskSettingRow).where(DeskSettingRow.key.startswith(_PREFIX))
                )
            }
        targets = dict(DEFAULT_TARGETS)
        for category in Category:
            value = stored.get(category.value, "")
            if value.isdigit() and int(value) > 0:
                targets[category] = timedelta(seconds=int(value))
        return targets

    def set(self, category: Category, target: timedelta, by: Person) -> None:
        if by.role is not Role.LEITUNG:
            raise KriseninfoError(
                ErrorCode.PERMISSION_DENIED, f"{by.name} may not change response targets"
            )
        seconds = int(target.total_seconds())
        if not 30 <= seconds <= 7 * 24 * 3600:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                "a response target is between 30 seconds and a week",
                {"field": "target"},
            )
        old = self.all()[category]
        key = _PREFIX + category.value
        with self._db.session() as session:
            row = session.get(DeskSettingRow, key, with_for_update=True)
            if row is None:
                session.add(DeskSettingRow(key=key, value=str(seconds)))
            else:
                row.value = str(seconds)
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.DESK_SETTING_CHANGED,
                field=key,
                old_value=str(int(old.total_seconds())),
                new_value=str(seconds),
            )


def age_of(
    received_at: datetime,
    category: Category | None,
    now: datetime,
    targets: dict[Category, timedelta],
) -> Age:
    """An item without a category yet is held to the target of a question."""
    return Age(now - received_at, targets[category or Category.FRAGE])


def overdue(
    items: Iterable[tuple[datetime, Category | None, str]],
    now: datetime,
    targets: dict[Category, timedelta],
) -> int:
    """How many open items are past their target: (received_at, category, state) each."""
    return sum(
        1
        for received_at, category, state in items
        if state in OPEN_STATES and age_of(received_at, category, now, targets).overdue
    )
