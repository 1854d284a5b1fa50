"""The drill's injects as the exercise lead sees them: when, from where, what the team
should do, and whether it has arrived."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kriseninfo.drills.arrivals import CHANNEL_NAMES
from kriseninfo.drills.clock import hms
from kriseninfo.drills.records import InjectView
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo_ui.playbook_texts import category_name
from kriseninfo_ui.views.dialog_model import plain_tooltip


class InjectTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 6, parent)
        self.setObjectName("injectTable")
        self.setAccessibleName(self.tr("Einspielungen"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Um"),
                self.tr("Kanal"),
                self.tr("Von"),
                self.tr("Text"),
                self.tr("Erwartet"),
                self.tr("Stand"),
            ]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (1, 105), (2, 150), (4, 150), (5, 165)):
            self.setColumnWidth(column, width)
        self._shown: list[tuple[int, bool]] = []

    def show_injects(self, injects: list[InjectView]) -> None:
        key = [(i.id, i.arrived) for i in injects]
        if key == self._shown:
            return
        self._shown = key
        self.setRowCount(len(injects))
        for row, inject in enumerate(injects):
            channel = CHANNEL_NAMES.get(InjectChannel(inject.channel), inject.channel)
            expected = (
                category_name(Category(inject.expect_category))
                if inject.expect_category in Category._value2member_map_
                else inject.expect_category
            )
            if inject.expect_answer:
                expected += f" · {inject.expect_answer}"
            if inject.arrived:
                state = self.tr("eingegangen {at}").format(at=hms(inject.arrived_s or 0))
            else:
                state = self.tr("wartet")
            if inject.manual:
                state += self.tr(" (von Hand)")
            cells = (hms(inject.at_s), channel, inject.author, inject.text, expected, state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()) if column == 3 else text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 3:
                    item.setToolTip(plain_tooltip(inject.text))
                if column == 4 and inject.note:
                    item.setToolTip(plain_tooltip(inject.note))
                self.setItem(row, column, item)
