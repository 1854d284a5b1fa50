"""Deliveries as a table that updates in place: a refresh changes, adds and removes rows
without a reset, so the officer's selection and scroll position stay where they were."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kriseninfo.publishing.records import DeliveryView
from kriseninfo.publishing.states import DeliveryState
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.queue_texts import status_line
from kriseninfo_ui.views.table_model import Index, RowTableModel

#: Row colours that survive greyscale printing and colour blindness: text says it too.
_BACKGROUND = {
    DeliveryState.FAILED: QColor("#f8d7da"),
    DeliveryState.UNCLEAR: QColor("#ffe5b4"),
    DeliveryState.SENT: QColor("#e3f1e6"),
}


class DeliveryTableModel(RowTableModel[DeliveryView]):
    TIME, CHANNEL, PART, STATE, TEXT, LINK = range(6)

    def __init__(self) -> None:
        super().__init__([])
        self.headers = [
            QCoreApplication.translate("DeliveryTableModel", "Zeit"),
            QCoreApplication.translate("DeliveryTableModel", "Kanal"),
            QCoreApplication.translate("DeliveryTableModel", "Teil"),
            QCoreApplication.translate("DeliveryTableModel", "Status"),
            QCoreApplication.translate("DeliveryTableModel", "Text"),
            QCoreApplication.translate("DeliveryTableModel", "Link"),
        ]

    def replace(self, rows: list[DeliveryView]) -> None:
        """Bring the table to `rows` (newest first) with the fewest row changes."""
        wanted = {row.id: row for row in rows}
        for position in reversed(range(len(self.rows))):
            if self.rows[position].id not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self.rows[position]
                self.endRemoveRows()
        present = {row.id: number for number, row in enumerate(self.rows)}
        for row in rows:
            number = present.get(row.id)
            if number is not None and self.rows[number] != row:
                self.rows[number] = row
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, len(self.headers) - 1)
                )
        new = [row for row in rows if row.id not in present]
        for row in sorted(new, key=lambda r: r.id):
            position = self._position(row.id)
            self.beginInsertRows(QModelIndex(), position, position)
            self.rows.insert(position, row)
            self.endInsertRows()

    def _position(self, delivery_id: int) -> int:
        for number, existing in enumerate(self.rows):
            if existing.id < delivery_id:
                return number
        return len(self.rows)

    def row_of(self, delivery_id: int) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.id == delivery_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TEXT:
                return row.text
            if column == self.STATE and row.error_detail:
                return row.error_detail
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _BACKGROUND.get(row.state)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a")) if row.state in _BACKGROUND else None
        return None

    def _text(self, row: DeliveryView, column: int) -> str:
        if column == self.TIME:
            when = row.sent_at or row.not_before
            return when.astimezone().strftime("%d.%m. %H:%M:%S")
        if column == self.CHANNEL:
            prefix = (
                QCoreApplication.translate("DeliveryTableModel", "ÜBUNG") + " · "
                if row.drill
                else ""
            )
            return f"{prefix}{row.account_name} ({platform_name(row.platform)})"
        if column == self.PART:
            return f"{row.part + 1}/{row.parts_total}"
        if column == self.STATE:
            attempts = (
                QCoreApplication.translate("DeliveryTableModel", " ({n}. Versuch)").format(
                    n=row.attempts
                )
                if row.attempts > 1 and row.state is not DeliveryState.SENT
                else ""
            )
            return status_line(row) + attempts
        if column == self.TEXT:
            first = (row.subject or row.text).splitlines()
            return first[0] if first else ""
        if column == self.LINK:
            return row.platform_url
        return ""
