"""The exercise lead's own inject: who seems to write, on which channel, what, and what
the team should recognise it as. It arrives in the dialog feed at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.drills.arrivals import CHANNEL_NAMES
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo_ui.playbook_texts import category_name

MAX_TEXT = 5_000


class InjectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einspielung hinzufügen"))
        self.channel = QComboBox(self)
        for channel in InjectChannel:
            self.channel.addItem(CHANNEL_NAMES[channel], channel.value)
        self.author = QLineEdit(self)
        self.author.setMaxLength(300)
        self.author.setPlaceholderText(self.tr("z. B. @anwohnerin@example.social"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Was schreibt die Person?"))
        self.category = QComboBox(self)
        for category in Category:
            self.category.addItem(category_name(category), category.value)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        form = QFormLayout()
        form.addRow(self.tr("&Kanal:"), self.channel)
        form.addRow(self.tr("&Von:"), self.author)
        form.addRow(self.tr("&Text:"), self.text)
        form.addRow(self.tr("&Erwartet als:"), self.category)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Jetzt einspielen"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Die Einspielung geht sofort im Dialog ein, wie von außen."), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.author.text().strip():
            self.error.setText(self.tr("Bitte angeben, von wem die Einspielung kommt."))
            self.author.setFocus()
            return
        text = self.text.toPlainText().strip()
        if not text:
            self.error.setText(self.tr("Bitte den Text der Einspielung eingeben."))
            self.text.setFocus()
            return
        if len(text) > MAX_TEXT:
            self.error.setText(
                self.tr("Der Text ist zu lang (höchstens {n} Zeichen).").format(n=MAX_TEXT)
            )
            return
        self.accept()

    def values(self) -> tuple[InjectChannel, str, str, Category]:
        return (
            InjectChannel(self.channel.currentData()),
            self.author.text().strip(),
            self.text.toPlainText().strip(),
            Category(self.category.currentData()),
        )
