"""The dialog feed as a table that stays responsive at 100,000 items.

New items are inserted where they belong (no reset per poll), changed items are replaced
in place, so selection and scroll position stay. Filtering and sorting work on lists kept
sorted as items arrive: a new filter is one pass over a sorted list, never a sort.
"""

from __future__ import annotations

import bisect
import enum
import gc
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kriseninfo.dialog.search_index import TextIndex
from kriseninfo.dialog.service import ItemView
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.targets import DEFAULT_TARGETS
from kriseninfo.playbooks.kinds import Category
from kriseninfo_ui.playbook_texts import category_name
from kriseninfo_ui.views.dialog_keys import (
    deadline_us,
    item_id,
    keys_of,
    micros,
    pack,
    rank_start,
    spot,
)
from kriseninfo_ui.views.table_model import Index

#: Colours that say the same as the text beside them (greyscale, colour blindness).
OVERDUE = QColor("#f8d7da")
NEARLY = QColor("#fff3cd")
EMERGENCY_TEXT = QColor("#a40000")


class Order(enum.StrEnum):
    URGENT = "urgent"  # emergencies, then what is due first
    NEWEST = "newest"
    OLDEST = "oldest"


class Show(enum.StrEnum):
    OPEN = "open"  # waiting for an answer (also those a colleague has taken)
    MINE = "mine"  # taken by me
    WAITING = "waiting"  # answer waits for release
    DONE = "done"  # answered or closed
    ALL = "all"


@dataclass(frozen=True)
class Filter:
    show: Show = Show.OPEN
    category: Category | None = None
    source: str | None = None
    text: str = ""  # casefolded words, all must occur
    me: int = 0


_STATES: dict[Show, frozenset[str] | None] = {
    Show.OPEN: frozenset({ItemState.OFFEN.value, ItemState.IN_ARBEIT.value}),
    Show.MINE: frozenset({ItemState.IN_ARBEIT.value}),
    Show.WAITING: frozenset({ItemState.IN_FREIGABE.value}),
    Show.DONE: frozenset({ItemState.BEANTWORTET.value, ItemState.ERLEDIGT.value}),
    Show.ALL: None,
}


#: The urgency ranks (first element of the key) each view shows: 0 open emergencies,
#: 1 other open items, 2 answers waiting for release, 3 answered or closed.
_RANKS: dict[Show, tuple[int, int] | None] = {
    Show.OPEN: (0, 1),
    Show.MINE: (0, 1),
    Show.WAITING: (2, 2),
    Show.DONE: (3, 3),
    Show.ALL: None,
}
DISPLAY = Qt.ItemDataRole.DisplayRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
FONT = Qt.ItemDataRole.FontRole.value
USER = Qt.ItemDataRole.UserRole.value
#: The roles `data` answers (a repaint asks for seven per cell).
_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, FONT, USER})
#: Ranks of the states that are not open (`ItemState.is_open`; an unknown word is open).
_CLOSED_RANKS = {
    ItemState.IN_FREIGABE.value: 2,
    ItemState.BEANTWORTET.value: 3,
    ItemState.ERLEDIGT.value: 3,
}


def haystack(item: ItemView) -> str:
    """What a search looks through, casefolded."""
    return f"{item.author}\n{item.title}\n{item.text}".casefold()


def plain_tooltip(text: str) -> str:
    """Untrusted text as a tooltip: Qt would read "<h1 …>" as rich text, so it is escaped."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def state_name(state: ItemState) -> str:
    names = {
        ItemState.OFFEN: QCoreApplication.translate("DialogModel", "offen"),
        ItemState.IN_ARBEIT: QCoreApplication.translate("DialogModel", "in Arbeit"),
        ItemState.IN_FREIGABE: QCoreApplication.translate("DialogModel", "Antwort in Freigabe"),
        ItemState.BEANTWORTET: QCoreApplication.translate("DialogModel", "beantwortet"),
        ItemState.ERLEDIGT: QCoreApplication.translate("DialogModel", "erledigt"),
    }
    return names[state]


def minutes_text(span: timedelta) -> str:
    seconds = max(0, int(span.total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("DialogModel", "{n} s").format(n=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("DialogModel", "{n} min").format(n=seconds // 60)
    return QCoreApplication.translate("DialogModel", "{h} h {m:02d}").format(
        h=seconds // 3600, m=seconds % 3600 // 60
    )


class DialogTableModel(QAbstractTableModel):
    AGE, CATEGORY, TEXT, AUTHOR, SOURCE, STATE = range(6)  # the text early: always seen

    def __init__(self) -> None:
        super().__init__()
        self.headers = [
            QCoreApplication.translate("DialogModel", "Alter / Ziel"),
            QCoreApplication.translate("DialogModel", "Kategorie"),
            QCoreApplication.translate("DialogModel", "Text"),
            QCoreApplication.translate("DialogModel", "Von"),
            QCoreApplication.translate("DialogModel", "Quelle"),
            QCoreApplication.translate("DialogModel", "Stand"),
        ]
        self.now = datetime.now().astimezone()
        self.targets: dict[Category, timedelta] = dict(DEFAULT_TARGETS)
        # A live list holds up to 100,000 items: beside the items themselves, each
        # structure below costs 8 bytes an item (a list slot or an array number).
        self._by_id: list[ItemView] = []  # every item, by id (ids only grow)
        self._texts = TextIndex()  # what a search looks through (`haystack`)
        #: Every item's urgency key (`dialog_keys`), kept sorted, and the items in the
        #: same order: the states are contiguous runs (open, waiting for release,
        #: done), so a state filter is a slice, and the open items' deadlines a
        #: search.
        self._urgency_keys = keys_of()
        self._urgency_items: list[ItemView] = []
        self._filter = Filter()
        self._order = Order.URGENT
        self.rows: list[ItemView] = []  # what the table shows, in order
        self._keys = keys_of()  # the sort key of each shown row (`_key_of`)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt's side -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def row_at(self, index: Index) -> ItemView | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES:
            return None
        item = self.row_at(index)
        return None if item is None else self._value(item, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All roles of a cell in one call: a repaint asks for seven per cell, and each
        call into Python waits for the interpreter lock while the database thread
        reads (one call instead of seven: a repaint during a surge stays short)."""
        item = self.row_at(index)
        column = index.column()
        span = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        for role_data in span:
            role = role_data.role()
            value = None
            if item is not None and role in _ROLES:
                value = self._value(item, column, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, item: ItemView, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(item, column)
        if role == TOOLTIP:
            if column == self.CATEGORY:
                return self.category_tooltip(item)
            return plain_tooltip(item.text[:1000]) if column == self.TEXT else None
        if role == BACKGROUND:
            share = self._share(item) if column == self.AGE else None
            if share is not None and share >= 1.0:
                return QBrush(OVERDUE)
            if share is not None and share >= 0.5:
                return QBrush(NEARLY)
            return None
        if role == USER:
            return item.id
        emergency = item.category is Category.NOTFALL and item.state not in _CLOSED_RANKS
        if role == FOREGROUND and emergency:
            return QBrush(EMERGENCY_TEXT)
        if role == FONT and emergency:
            return self._bold
        return None

    def _text(self, item: ItemView, column: int) -> str:
        if column == self.AGE:
            return self.age_text(item)
        if column == self.CATEGORY:
            if item.category is None:
                return "–"
            if item.category is Category.NOTFALL and item.triage_why:  # why, at a glance
                strongest = item.triage_why.split(" · ")[0]  # all of it in the tooltip
                return f"{category_name(item.category)} · {strongest}"
            return category_name(item.category)
        if column == self.SOURCE:
            return item.source_name or (
                QCoreApplication.translate("DialogModel", "Bürgertelefon")
                if item.callback or item.author.startswith("Bürgertelefon")
                else "–"
            )
        if column == self.AUTHOR:
            return item.author
        if column == self.TEXT:
            text = f"{item.title}: {item.text}" if item.title else item.text
            return " ".join(text[:300].split())
        state = item.item_state
        if state is ItemState.IN_ARBEIT and item.claimed_by_name:
            return QCoreApplication.translate("DialogModel", "in Arbeit: {name}").format(
                name=item.claimed_by_name
            )
        return state_name(state)

    @staticmethod
    def category_tooltip(item: ItemView) -> str | None:
        if item.category_by_hand:
            return QCoreApplication.translate("DialogModel", "Von Hand eingeordnet.")
        if item.triage_why:
            return QCoreApplication.translate(
                "DialogModel", "Vorschlag der Einordnung, weil: {why}. Ändern mit 1–7."
            ).format(why=item.triage_why)
        return None

    def age_text(self, item: ItemView) -> str:
        target = self._target(item)
        if not item.item_state.is_open:
            if item.answered_at is None:
                return "–"
            took = minutes_text(item.answered_at - item.received_at)
            return QCoreApplication.translate("DialogModel", "nach {took}").format(took=took)
        age = self.now - item.received_at
        if age < timedelta(hours=1) and target <= timedelta(hours=1) and target.seconds % 60 == 0:
            both = f"{int(age.total_seconds()) // 60}/{target.seconds // 60} min"  # "9/15 min"
        else:
            both = f"{minutes_text(age)} / {minutes_text(target)}"
        if age > target:
            return QCoreApplication.translate("DialogModel", "ÜBERFÄLLIG {age}").format(age=both)
        return both

    def _share(self, item: ItemView) -> float | None:
        if item.state in _CLOSED_RANKS:  # not open
            return None
        return (self.now - item.received_at) / self._target(item)

    def _target(self, item: ItemView) -> timedelta:
        return self.targets[item.category or Category.FRAGE]

    # -- items coming and changing ---------------------------------------------------------
    def merge(self, items: Iterable[ItemView]) -> None:
        """New items inserted where they belong, known ones replaced in place."""
        fresh: dict[int, ItemView] = {}
        for item in items:
            old = self.item(item.id)
            if old is None:
                fresh[item.id] = item
            elif old != item:
                self._replace(old, item)
        if fresh:
            self._insert(list(fresh.values()))

    def item(self, wanted_id: int) -> ItemView | None:
        position = bisect.bisect_left(self._by_id, wanted_id, key=item_id)
        if position < len(self._by_id) and self._by_id[position].id == wanted_id:
            return self._by_id[position]
        return None

    def row_of(self, wanted_id: int) -> int | None:
        item = self.item(wanted_id)
        if item is None or not self._passes()(item):
            return None
        position = spot(self._keys, self.rows, self._key_of(item), wanted_id)
        if position < len(self.rows) and self.rows[position].id == wanted_id:
            return position
        return None

    def _insert(self, items: list[ItemView]) -> None:
        passes = self._passes()
        urgent = self._order is Order.URGENT
        shown: list[tuple[int, int, ItemView]] = []
        for item in items:
            if self._by_id and item.id < self._by_id[-1].id:
                bisect.insort(self._by_id, item, key=item_id)
            else:
                self._by_id.append(item)
            self._texts.add(item.id, haystack(item))
            key = self._urgency(item)
            at = spot(self._urgency_keys, self._urgency_items, key, item.id)
            self._urgency_keys.insert(at, key)
            self._urgency_items.insert(at, item)
            if passes(item):
                shown.append((key if urgent else self._key_of(item), item.id, item))
        shown.sort(key=lambda entry: entry[:2])
        # Consecutive positions go in as one insertion (a poll's items usually do).
        run: list[tuple[int, ItemView]] = []
        start = -1
        for key, _id, item in shown:
            position = spot(self._keys, self.rows, key, item.id)
            if run and position == start:  # no shown row between: the same gap
                run.append((key, item))
                continue
            self._flush(start, run)  # rows at or after `start` move down by the run
            start, run = position + len(run), [(key, item)]
        self._flush(start, run)

    def _flush(self, start: int, run: list[tuple[int, ItemView]]) -> None:
        if not run:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(run) - 1)
        self._keys[start:start] = keys_of([key for key, _ in run])
        self.rows[start:start] = [item for _, item in run]
        self.endInsertRows()

    def _replace(self, old: ItemView, new: ItemView) -> None:
        self._by_id[bisect.bisect_left(self._by_id, new.id, key=item_id)] = new
        if (old.author, old.title, old.text) != (new.author, new.title, new.text):
            self._texts.replace(new.id, haystack(new))
        old_urgency, new_urgency = self._urgency(old), self._urgency(new)
        at = spot(self._urgency_keys, self._urgency_items, old_urgency, old.id)
        if old_urgency != new_urgency:
            del self._urgency_keys[at], self._urgency_items[at]
            at = spot(self._urgency_keys, self._urgency_items, new_urgency, new.id)
            self._urgency_keys.insert(at, new_urgency)
            self._urgency_items.insert(at, new)
        else:
            self._urgency_items[at] = new
        passes = self._passes()
        old_key, new_key = self._key_of(old), self._key_of(new)
        position = spot(self._keys, self.rows, old_key, old.id)
        shown = position < len(self.rows) and self.rows[position].id == old.id
        if shown and passes(new):
            self._move(position, new, new_key)
            return
        if shown:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            del self._keys[position]
            self.endRemoveRows()
        if passes(new):
            self._flush(spot(self._keys, self.rows, new_key, new.id), [(new_key, new)])

    def _move(self, position: int, new: ItemView, new_key: int) -> None:
        """A shown row that changed: moved where it now belongs (a move, not a removal,
        so the officer's selection and the answer being typed stay with it)."""
        old_key = self._keys.pop(position)
        old = self.rows.pop(position)
        target = spot(self._keys, self.rows, new_key, new.id)  # without the row
        self._keys.insert(position, old_key)
        self.rows.insert(position, old)
        destination = target if target < position else target + 1  # before the move
        if destination not in (position, position + 1):
            self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
            del self._keys[position], self.rows[position]
            self._keys.insert(target, new_key)
            self.rows.insert(target, new)
            self.endMoveRows()
            position = target
        else:
            self._keys[position], self.rows[position] = new_key, new
        self.dataChanged.emit(self.index(position, 0), self.index(position, 5))

    # -- order and filter ------------------------------------------------------------------
    @property
    def filter(self) -> Filter:
        return self._filter

    @property
    def order(self) -> Order:
        return self._order

    def arrange(self, filter: Filter | None = None, order: Order | None = None) -> None:
        """A new filter or order, without touching most items: the state is a slice of
        the urgency list, each further test one flat pass, and the cyclic garbage
        collector waits (a full collection of the whole feed would take longer than the
        filtering itself). Then a reset."""
        self._filter = filter or self._filter
        self._order = order or self._order
        f = self._filter
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            keys, rows = self._urgency_keys, self._urgency_items
            low, high = 0, len(keys)
            ranks = _RANKS[f.show]
            if ranks is not None:
                low = bisect.bisect_left(keys, rank_start(ranks[0]))
                high = bisect.bisect_left(keys, rank_start(ranks[1] + 1))
            keys, rows = keys[low:high], rows[low:high]  # copies: the table changes them

            def keep(wanted: list[bool]) -> None:
                nonlocal keys, rows
                keys, rows = keys_of(compress(keys, wanted)), list(compress(rows, wanted))

            if f.show is Show.MINE:
                me, working = f.me, ItemState.IN_ARBEIT.value
                keep([i.claimed_by == me and i.state == working for i in rows])
            if f.category is not None:
                category = f.category
                keep([i.category is category for i in rows])
            if f.source is not None:
                source = f.source
                keep([i.source_name == source for i in rows])
            found = self._texts.find_all(f.text.casefold().split())
            if found is not None:
                keep([i.id in found for i in rows])
            if self._order is not Order.URGENT:
                rows = sorted(rows, key=item_id, reverse=self._order is Order.NEWEST)
                sign = 1 if self._order is Order.OLDEST else -1
                keys = keys_of([sign * i.id for i in rows])
        finally:
            if was_enabled:
                gc.enable()
        self.beginResetModel()
        self._keys, self.rows = keys, rows
        self.endResetModel()

    def set_targets(self, targets: dict[Category, timedelta]) -> None:
        if targets == self.targets:
            return
        self.targets = dict(targets)
        entries = sorted((self._urgency(i), i.id, i) for i in self._by_id)
        self._urgency_keys = keys_of([key for key, _, _ in entries])
        self._urgency_items = [item for _, _, item in entries]
        self.arrange()

    def tick(self, now: datetime) -> list[ItemView]:
        """Ages move on: repaint the age column; returns items that became overdue."""
        now = max(now, self.now)  # loads started earlier may report an older time
        before = micros(self.now)
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.AGE),
                self.index(len(self.rows) - 1, self.AGE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )
        due = []  # open items: ranks 0 and 1, each by deadline
        for rank in (0, 1):
            low = bisect.bisect_right(self._urgency_keys, pack(rank, before))
            high = bisect.bisect_right(self._urgency_keys, pack(rank, micros(now)))
            due += zip(self._urgency_keys[low:high], self._urgency_items[low:high], strict=True)
        due.sort(key=lambda entry: (deadline_us(entry[0]), entry[1].id))
        return [item for _, item in due]

    def overdue_count(self) -> int:
        now, keys = micros(self.now), self._urgency_keys
        return sum(
            bisect.bisect_right(keys, pack(rank, now)) - bisect.bisect_left(keys, rank_start(rank))
            for rank in (0, 1)
        )

    def open_emergencies(self) -> list[ItemView]:
        return self._urgency_items[: bisect.bisect_left(self._urgency_keys, rank_start(1))]

    def sources(self) -> list[str]:
        return sorted({i.source_name for i in self._by_id if i.source_name})

    def all_items(self) -> list[ItemView]:
        return list(self._by_id)

    # -- keys ------------------------------------------------------------------------------
    def _urgency(self, item: ItemView) -> int:
        """Open emergencies first, then other open items, answers waiting for release,
        answered or closed ones; within each by deadline (`dialog_keys`)."""
        rank = _CLOSED_RANKS.get(item.state)
        if rank is None:
            rank = 0 if item.category is Category.NOTFALL else 1
        return pack(rank, micros(item.received_at + self._target(item)))

    def _key_of(self, item: ItemView) -> int:
        if self._order is Order.URGENT:
            return self._urgency(item)
        return item.id if self._order is Order.OLDEST else -item.id

    def _passes(self) -> Callable[[ItemView], bool]:
        f = self._filter
        words = f.text.casefold().split()
        wanted_states = _STATES[f.show]
        category, source, me, mine = f.category, f.source, f.me, f.show is Show.MINE

        def passes(item: ItemView) -> bool:
            if wanted_states is not None and item.state not in wanted_states:
                return False
            if mine and item.claimed_by != me:
                return False
            if category is not None and item.category is not category:
                return False
            if source is not None and item.source_name != source:
                return False
            if words:
                text = haystack(item)
                return all(word in text for word in words)
            return True

        return passes
