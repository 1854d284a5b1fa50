"""A manual channel (radio station, NINA/MoWaS operator, fax): the text to pass on, and
"erledigt" with the time it was done."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.publishing.records import DeliveryView


class ManualDialog(QDialog):
    def __init__(self, row: DeliveryView, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Von Hand veröffentlichen: {account}").format(account=row.account_name)
        )
        self.resize(600, 460)
        text = f"{row.subject}\n\n{row.text}" if row.subject else row.text
        self.text = QPlainTextEdit(text, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text zum Weitergeben"))
        copy = QPushButton(self.tr("Text &kopieren"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        self.when = QDateTimeEdit(QDateTime(now.astimezone()), self)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(self.tr("z. B. Radio Niederrhein, Redaktion, Herr Müller"))
        form = QFormLayout()
        when_label = QLabel(self.tr("Erledigt &um:"), self)
        when_label.setBuddy(self.when)
        note_label = QLabel(self.tr("&Wie / an wen:"), self)
        note_label.setBuddy(self.notes)
        form.addRow(when_label, self.when)
        form.addRow(note_label, self.notes)
        buttons = QDialogButtonBox(self)
        done = buttons.addButton(self.tr("Erledigt"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Diesen Text weitergeben:"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(copy)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def done_at(self) -> datetime:
        return self.when.dateTime().toPython().astimezone()  # type: ignore[no-any-return]

    def note(self) -> str:
        return self.notes.text().strip()
