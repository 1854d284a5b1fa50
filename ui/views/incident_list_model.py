"""Qt model of the incident list: open incidents first, drills marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo_ui.names import kind_name

Index = QModelIndex | QPersistentModelIndex
DRILL_COLOUR = QColor("#8a5a00")
CLOSED_COLOUR = QColor("#666666")


class IncidentListModel(QAbstractListModel):
    IncidentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._items: list[IncidentSnapshot] = []

    def set_incidents(self, items: list[IncidentSnapshot]) -> None:
        if items == self._items:
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def incident_at(self, row: int) -> IncidentSnapshot:
        return self._items[row]

    def row_of(self, incident_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == incident_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = self.tr("ÜBUNG") + " · " if item.is_drill else ""
            state = "" if item.is_open else " " + self.tr("(abgeschlossen)")
            return f"{prefix}{item.title}{state}\n{kind_name(item.kind)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.is_open:
                return QBrush(CLOSED_COLOUR)
            if item.is_drill:
                return QBrush(DRILL_COLOUR)
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index).replace("\n", ", ")
        if role == self.IncidentRole:
            return item
        return None
