"""The drill's injects as the exercise lead sees them: when, from where, what the team
should do, and whether it has arrived."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kriseninfo.dialog.targets import OPEN_STATES
from kriseninfo.drills.arrivals import CHANNEL_NAMES
from kriseninfo.drills.clock import hms
from kriseninfo.drills.records import InjectView
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo_ui.playbook_texts import category_name
from kriseninfo_ui.views.dialog_model import OVERDUE, plain_tooltip

#: An inject that arrived and still waits for the team (the dialog list's "nearly due");
#: an emergency that waits has the colour of "overdue".
WAITING = QColor("#fff3cd")


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
        self._shown: list[InjectView] = []

    def show_injects(self, injects: list[InjectView]) -> None:
        if injects == self._shown:
            return
        self._shown = list(injects)
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
            state = self._state(inject)
            if inject.manual:
                state += self.tr(" (von Hand)")
            cells = (hms(inject.at_s), channel, inject.author, inject.text, expected, state)
            late = inject.arrived and inject.item_state in OPEN_STATES
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()) if column == 3 else text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 3:
                    item.setToolTip(plain_tooltip(inject.text))
                if column == 4 and inject.note:
                    item.setToolTip(plain_tooltip(inject.note))
                if column == 5 and late:
                    emergency = inject.expect_category == Category.NOTFALL.value
                    item.setBackground(OVERDUE if emergency else WAITING)
                self.setItem(row, column, item)

    def _state(self, inject: InjectView) -> str:
        """Arrived when, then what the team did: taken by whom, answered when."""
        if not inject.arrived:
            return self.tr("wartet")
        arrived = hms(inject.arrived_s or 0)
        if inject.answered_s is not None:
            text = self.tr("beantwortet {at}").format(at=hms(inject.answered_s))
        elif inject.item_state == "in_arbeit":
            text = self.tr("in Arbeit: {name}").format(name=inject.handled_by)
        elif inject.item_state == "in_freigabe":
            text = self.tr("Antwort in Freigabe")
        elif inject.item_state == "erledigt":
            text = self.tr("erledigt ohne Antwort")
        else:
            text = self.tr("offen seit {at}").format(at=arrived)
        return text
