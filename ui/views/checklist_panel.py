"""The current phase's checklist, ticked off as the desk works through it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class ChecklistPanel(QListWidget):
    """`ticked(index, done)` when the officer ticks or unticks an item."""

    ticked = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist")
        self.setAccessibleName(self.tr("Checkliste der Phase"))
        self.setWordWrap(True)
        self.itemChanged.connect(self._on_item_changed)

    def show_items(self, items: list[str], done: frozenset[int]) -> None:
        self.blockSignals(True)
        if [self.item(row).text() for row in range(self.count())] != items:
            self.clear()
            for text in items:
                item = QListWidgetItem(text, self)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        for row in range(self.count()):
            state = Qt.CheckState.Checked if row in done else Qt.CheckState.Unchecked
            self.item(row).setCheckState(state)
        self.blockSignals(False)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        self.ticked.emit(self.row(item), item.checkState() == Qt.CheckState.Checked)
