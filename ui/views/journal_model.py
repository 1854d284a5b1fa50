"""Qt table model of the Einsatztagebuch (read-only, grows at the bottom)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from kriseninfo.incidents.lagebild import FieldType, LagebildField, from_journal_text
from kriseninfo.journal.records import JournalLine
from kriseninfo_ui.names import action_name, journal_field_name
from kriseninfo_ui.views.table_model import Index, RowTableModel
from kriseninfo_ui.widgets import local_time_text

MAX_CELL = 200


class JournalTableModel(RowTableModel[JournalLine]):
    def __init__(self) -> None:
        super().__init__([])
        # Explicit context: PySide's tr() would also look in the base class's context.
        self.headers = [
            QCoreApplication.translate("JournalTableModel", "Nr."),
            QCoreApplication.translate("JournalTableModel", "Zeit"),
            QCoreApplication.translate("JournalTableModel", "Person"),
            QCoreApplication.translate("JournalTableModel", "Aktion"),
            QCoreApplication.translate("JournalTableModel", "Feld"),
            QCoreApplication.translate("JournalTableModel", "Alt"),
            QCoreApplication.translate("JournalTableModel", "Neu"),
        ]

    @property
    def last_seq(self) -> int:
        return self.rows[-1].seq if self.rows else 0

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def append(self, lines: list[JournalLine]) -> None:
        if not lines:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
        self.rows.extend(lines)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row_at(index)
        if line is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(line, column, shorten=True)
        if role == Qt.ItemDataRole.ToolTipRole and column in (5, 6):
            return self._cell(line, column, shorten=False)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, line: JournalLine, column: int, shorten: bool) -> str:
        if column == 0:
            return str(line.seq)
        if column == 1:
            return local_time_text(line.recorded_at, with_seconds=True)
        if column == 2:
            return line.user_name
        if column == 3:
            return action_name(line.action)
        if column == 4:
            return journal_field_name(line.field) if line.field else ""
        text = _value_text(line.field, line.old_value if column == 5 else line.new_value)
        text = " ".join(text.split()) if shorten else text
        return text if not shorten or len(text) <= MAX_CELL else text[:MAX_CELL] + " …"


def _value_text(field: str, value: str | None) -> str:
    """Times are journaled in UTC; people read them in local time, like everywhere else."""
    if value is None:
        return ""
    try:
        lagebild_field = LagebildField(field)
    except ValueError:
        return value
    if lagebild_field.type is FieldType.TIME:
        moment = from_journal_text(lagebild_field, value)
        if isinstance(moment, datetime):
            return local_time_text(moment)
    return value
