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
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kriseninfo.dialog.service import ItemView
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.targets import DEFAULT_TARGETS
from kriseninfo.playbooks.kinds import Category
from kriseninfo_ui.playbook_texts import category_name
from kriseninfo_ui.views.table_model import Index

#: Colours that say the same as the text beside them (greyscale, colour blindness).
OVERDUE = QColor("#f8d7da")
NEARLY = QColor("#fff3cd")
EMERGENCY_TEXT = QColor("#a40000")
Key = tuple[int, float, int]


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
_by_id = operator.itemgetter(1)


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
        self._items: dict[int, ItemView] = {}
        self._haystack: dict[int, str] = {}
        #: Every item as (urgency key, id, item), kept sorted: the states are contiguous
        #: runs of it (open, waiting for release, done), so a state filter is a slice.
        self._by_urgency: list[tuple[Key, int, ItemView]] = []
        self._by_id: list[int] = []  # every item id, ascending (ids only grow)
        self._open: list[tuple[float, int]] = []  # open items' deadlines, sorted
        self._filter = Filter()
        self._order = Order.URGENT
        self.rows: list[ItemView] = []  # what the table shows, in order
        self._keys: list[Any] = []  # the sort key of each shown row
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return plain_tooltip(item.text[:1000])
        emergency = item.category is Category.NOTFALL and item.item_state.is_open
        if role == Qt.ItemDataRole.BackgroundRole and column == self.AGE:
            share = self._share(item)
            if share is not None and share >= 1.0:
                return QBrush(OVERDUE)
            if share is not None and share >= 0.5:
                return QBrush(NEARLY)
        if role == Qt.ItemDataRole.ForegroundRole and emergency:
            return QBrush(EMERGENCY_TEXT)
        if role == Qt.ItemDataRole.FontRole and emergency:
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _text(self, item: ItemView, column: int) -> str:
        if column == self.AGE:
            return self.age_text(item)
        if column == self.CATEGORY:
            return category_name(item.category) if item.category else "–"
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
        if not item.item_state.is_open:
            return None
        return (self.now - item.received_at) / self._target(item)

    def _target(self, item: ItemView) -> timedelta:
        return self.targets[item.category or Category.FRAGE]

    # -- items coming and changing ---------------------------------------------------------
    def merge(self, items: Iterable[ItemView]) -> None:
        """New items inserted where they belong, known ones replaced in place."""
        fresh: list[ItemView] = []
        for item in items:
            old = self._items.get(item.id)
            if old is None:
                fresh.append(item)
            elif old != item:
                self._replace(old, item)
        if fresh:
            self._insert(fresh)

    def item(self, item_id: int) -> ItemView | None:
        return self._items.get(item_id)

    def row_of(self, item_id: int) -> int | None:
        item = self._items.get(item_id)
        if item is None or not self._passes()(item):
            return None
        key = self._key_of(item)
        position = bisect.bisect_left(self._keys, key)
        if position < len(self.rows) and self.rows[position].id == item_id:
            return position
        return None

    def _insert(self, items: list[ItemView]) -> None:
        for item in items:
            self._items[item.id] = item
            self._haystack[item.id] = f"{item.author}\n{item.title}\n{item.text}".casefold()
            bisect.insort(self._by_urgency, (self._urgency(item), item.id, item))
            if self._by_id and item.id < self._by_id[-1]:
                bisect.insort(self._by_id, item.id)
            else:
                self._by_id.append(item.id)
            if item.item_state.is_open:
                bisect.insort(self._open, (self._deadline(item), item.id))
        passes = self._passes()
        shown = sorted(
            ((self._key_of(item), item) for item in items if passes(item)), key=lambda p: p[0]
        )
        # Consecutive positions go in as one insertion (a poll's items usually do).
        run: list[tuple[Any, ItemView]] = []
        start = -1
        for key, item in shown:
            position = bisect.bisect_left(self._keys, key)
            if run and position == start:  # no shown row between: the same gap
                run.append((key, item))
                continue
            self._flush(start, run)
            start, run = bisect.bisect_left(self._keys, key), [(key, item)]
        self._flush(start, run)

    def _flush(self, start: int, run: list[tuple[Any, ItemView]]) -> None:
        if not run:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(run) - 1)
        self._keys[start:start] = [key for key, _ in run]
        self.rows[start:start] = [item for _, item in run]
        self.endInsertRows()

    def _replace(self, old: ItemView, new: ItemView) -> None:
        self._items[new.id] = new
        old_urgency, new_urgency = self._urgency(old), self._urgency(new)
        spot = bisect.bisect_left(self._by_urgency, (old_urgency, old.id))
        if old_urgency != new_urgency:
            self._by_urgency.pop(spot)
            bisect.insort(self._by_urgency, (new_urgency, new.id, new))
        else:
            self._by_urgency[spot] = (new_urgency, new.id, new)
        if old.item_state.is_open:
            spot = bisect.bisect_left(self._open, (self._deadline(old), old.id))
            if spot < len(self._open) and self._open[spot][1] == old.id:
                self._open.pop(spot)
        if new.item_state.is_open:
            bisect.insort(self._open, (self._deadline(new), new.id))
        passes = self._passes()
        old_key, new_key = self._key_of(old), self._key_of(new)
        position = bisect.bisect_left(self._keys, old_key)
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
            self._flush(bisect.bisect_left(self._keys, new_key), [(new_key, new)])

    def _move(self, position: int, new: ItemView, new_key: Any) -> None:
        """A shown row that changed: moved where it now belongs (a move, not a removal,
        so the officer's selection and the answer being typed stay with it)."""
        old_key = self._keys.pop(position)
        old = self.rows.pop(position)
        target = bisect.bisect_left(self._keys, new_key)  # without the row
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
        collector waits (100,000 fresh tuples would set off a full collection of the
        whole feed, longer than the filtering itself). Then a reset."""
        self._filter = filter or self._filter
        self._order = order or self._order
        f = self._filter
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            entries = self._by_urgency
            ranks = _RANKS[f.show]
            if ranks is not None:
                low = bisect.bisect_left(entries, ((ranks[0],),))
                high = bisect.bisect_left(entries, ((ranks[1] + 1,),))
                entries = entries[low:high]
            if f.show is Show.MINE:
                me, working = f.me, ItemState.IN_ARBEIT.value
                entries = [e for e in entries if e[2].claimed_by == me and e[2].state == working]
            if f.category is not None:
                category = f.category
                entries = [e for e in entries if e[2].category is category]
            if f.source is not None:
                source = f.source
                entries = [e for e in entries if e[2].source_name == source]
            hay = self._haystack
            for word in f.text.casefold().split():
                entries = [e for e in entries if word in hay[e[1]]]
            keys: list[Any]
            if self._order is Order.URGENT:
                keys = [e[0] for e in entries]
            else:
                entries = sorted(entries, key=_by_id, reverse=self._order is Order.NEWEST)
                sign = 1 if self._order is Order.OLDEST else -1
                keys = [sign * e[1] for e in entries]
            rows = [e[2] for e in entries]
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
        self._by_urgency = sorted((self._urgency(i), i.id, i) for i in self._items.values())
        self._open = sorted(
            (self._deadline(i), i.id) for i in self._items.values() if i.item_state.is_open
        )
        self.arrange()

    def tick(self, now: datetime) -> list[ItemView]:
        """Ages move on: repaint the age column; returns items that became overdue."""
        now = max(now, self.now)  # loads started earlier may report an older time
        before = self.now.timestamp()
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.AGE),
                self.index(len(self.rows) - 1, self.AGE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )
        low = bisect.bisect_right(self._open, (before, 1 << 62))
        high = bisect.bisect_right(self._open, (now.timestamp(), 1 << 62))
        return [self._items[i] for _, i in self._open[low:high]]

    def overdue_count(self) -> int:
        return bisect.bisect_right(self._open, (self.now.timestamp(), 1 << 62))

    def open_emergencies(self) -> list[ItemView]:
        found = []
        for key, _item_id, item in self._by_urgency:
            if key[0] != 0:
                break
            found.append(item)
        return found

    def sources(self) -> list[str]:
        return sorted({i.source_name for i in self._items.values() if i.source_name})

    def all_items(self) -> list[ItemView]:
        return [self._items[i] for i in self._by_id]

    # -- keys ------------------------------------------------------------------------------
    def _deadline(self, item: ItemView) -> float:
        return (item.received_at + self._target(item)).timestamp()

    def _urgency(self, item: ItemView) -> Key:
        state = item.item_state
        if state.is_open:
            rank = 0 if item.category is Category.NOTFALL else 1
        else:
            rank = 2 if state is ItemState.IN_FREIGABE else 3
        return (rank, self._deadline(item), item.id)

    def _key_of(self, item: ItemView) -> Any:
        if self._order is Order.URGENT:
            return self._urgency(item)
        return item.id if self._order is Order.OLDEST else -item.id

    def _passes(self) -> Callable[[ItemView], bool]:
        f = self._filter
        words = f.text.casefold().split()
        haystack = self._haystack
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
                text = haystack[item.id]
                return all(word in text for word in words)
            return True

        return passes
