"""When a message set goes out: at release ("bei Freigabe") or at a time ("um 14:30")."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ScheduleDialog(QDialog):
    def __init__(self, current: datetime | None, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sendezeit"))
        self.on_release = QRadioButton(self.tr("&Bei Freigabe senden"), self)
        self.at_time = QRadioButton(self.tr("Senden &um:"), self)
        group = QButtonGroup(self)
        group.addButton(self.on_release)
        group.addButton(self.at_time)
        start = current or (now + timedelta(minutes=30)).replace(second=0, microsecond=0)
        self.when = QDateTimeEdit(QDateTime(start.astimezone()), self)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("Sendezeit"))
        self.at_time.toggled.connect(self.when.setEnabled)
        (self.at_time if current else self.on_release).setChecked(True)
        self.when.setEnabled(current is not None)
        row = QHBoxLayout()
        row.addWidget(self.at_time)
        row.addWidget(self.when, 1)
        hint = QLabel(
            self.tr("Freigegebene Meldungen warten bis zu dieser Zeit in der Warteschlange."),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_release)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def send_at(self) -> datetime | None:
        if self.on_release.isChecked():
            return None
        value: datetime = self.when.dateTime().toPython()
        return value.astimezone()
