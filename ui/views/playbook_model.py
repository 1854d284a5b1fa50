"""Qt model of the playbook library: one row per playbook file, with its check state."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from kriseninfo_ui.names import kind_name
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.views.table_model import Index, RowTableModel

if TYPE_CHECKING:
    from kriseninfo.playbooks.library import Entry

PROBLEM_COLOUR = QColor("#a40000")


class PlaybookTableModel(RowTableModel["Entry"]):
    def __init__(self) -> None:
        super().__init__([])
        # Explicit context: PySide's tr() would also look in the base class's context.
        self.headers = [
            QCoreApplication.translate("PlaybookTableModel", "Titel"),
            QCoreApplication.translate("PlaybookTableModel", "Art"),
            QCoreApplication.translate("PlaybookTableModel", "Version"),
            QCoreApplication.translate("PlaybookTableModel", "Sprachen"),
            QCoreApplication.translate("PlaybookTableModel", "Freigabe"),
            QCoreApplication.translate("PlaybookTableModel", "Prüfung"),
            QCoreApplication.translate("PlaybookTableModel", "Herkunft"),
        ]

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.rows = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self.rows[row]

    def row_of(self, path: object) -> int | None:
        return next((i for i, e in enumerate(self.rows) if e.path == path), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
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
