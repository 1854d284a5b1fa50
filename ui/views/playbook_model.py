"""Qt model of the playbook library: one row per playbook file, with its check state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kriseninfo.playbooks.library import Entry
from kriseninfo_ui.names import kind_name
from kriseninfo_ui.playbook_texts import language_name

Index = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = QColor("#a40000")


class PlaybookTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Entry] = []
        self._headers = [
            self.tr("Titel"),
            self.tr("Art"),
            self.tr("Version"),
            self.tr("Sprachen"),
            self.tr("Freigabe"),
            self.tr("Prüfung"),
            self.tr("Herkunft"),
        ]

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, path: object) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.path == path), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and entry.result.errors:
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            book = entry.result.playbook
            if index.column() == 4 and book is not None and book.release is not None:
                return self.tr("Freigegeben von {who}").format(who=book.release.approved_by)
            return str(entry.path)
        return None

    def _cell(self, entry: Entry, column: int) -> str:
        book = entry.result.playbook
        if column == 5:
            return self._state(entry)
        if column == 6:
            return self.tr("mitgeliefert") if entry.bundled else self.tr("eigenes")
        if book is None:
            return entry.path.name if column == 0 else "–"
        if column == 0:
            return book.title
        if column == 1:
            return kind_name(book.kind)
        if column == 2:
            return book.version
        if column == 3:
            return ", ".join(language_name(language) for language in book.languages)
        if book.release is None:
            return self.tr("Entwurf")
        return f"{book.release.approved_at:%d.%m.%Y} · {book.release.approved_by}"

    def _state(self, entry: Entry) -> str:
        errors, warnings = len(entry.result.errors), len(entry.result.warnings)
        if errors:
            return self.tr("{count} Fehler").format(count=errors)
        if warnings:
            return self.tr("{count} Hinweise").format(count=warnings)
        return self.tr("in Ordnung")
