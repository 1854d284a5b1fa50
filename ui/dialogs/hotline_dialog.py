"""A caller's question, typed at the Bürgertelefon: the question, where, and (optional)
a number to call back, which is personal data and deleted after a few days."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo_ui.messages import error_text

#: How long "Gespeichert." stays visible after a note was stored.
SAVED_NOTICE_MS = 4_000

HotlineSave = Callable[[str, str, str], object]


class HotlineDialog(QDialog):
    def __init__(self, save: HotlineSave, retention_days: int = 14, parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        #: What `save` returned for each stored note (also when the dialog is cancelled
        #: after "weitere Notiz": the caller refreshes its list from this).
        self.saved: list[object] = []
        self.setWindowTitle(self.tr("Notiz vom Bürgertelefon"))
        self.question = QPlainTextEdit(self)
        self.question.setObjectName("hotlineQuestion")
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText(self.tr("Was möchte die Anruferin / der Anrufer wissen?"))
        self.district = QLineEdit(self)
        self.district.setObjectName("hotlineDistrict")
        self.district.setMaxLength(120)
        self.callback = QLineEdit(self)
        self.callback.setObjectName("hotlineCallback")
        self.callback.setMaxLength(80)
        self.callback.setPlaceholderText(self.tr("z. B. 02841 123456"))
        self.privacy = QLabel(
            self.tr(
                "Personenbezogene Daten: wird nach {days} Tagen automatisch gelöscht und nie "
                "ins Einsatztagebuch geschrieben."
            ).format(days=retention_days),
            self,
        )
        self.privacy.setWordWrap(True)
        self.another = QCheckBox(self.tr("Nach dem Speichern &weitere Notiz"), self)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel(self)
        self.status.setObjectName("hotlineStatus")
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(SAVED_NOTICE_MS)
        self._status_timer.timeout.connect(self.status.clear)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Speichern"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Speichern (Strg+Eingabe)"))
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        # The question field takes Return for new lines; Ctrl+Return saves from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Ortsteil / Straße"), self.district), self.district)
        form.addRow(self._label(self.tr("&Rückrufnummer (optional)"), self.callback), self.callback)
        form.addRow("", self.privacy)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label(self.tr("&Frage des Anrufers"), self.question))
        layout.addWidget(self.question, 1)
        layout.addLayout(form)
        layout.addWidget(self.another)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.question.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def submit(self) -> None:
        """Store the note; on a refusal say why, keep what was typed, and go to the field."""
        try:
            result = self._save(
                self.question.toPlainText(), self.district.text(), self.callback.text()
            )
        except KriseninfoError as error:
            self._show_error(error)
            return
        self.saved.append(result)
        if not self.another.isChecked():
            self.accept()
            return
        self.question.clear()
        self.district.clear()
        self.callback.clear()
        self.error.clear()
        self.error.hide()
        self.status.setText(self.tr("Gespeichert."))
        self._status_timer.start()
        self.question.setFocus()

    def _show_error(self, error: KriseninfoError) -> None:
        field = error.params.get("field", "") if error.code is ErrorCode.INVALID_INPUT else ""
        self.status.clear()
        if field == "callback":
            self.error.setText(self.tr("Das ist keine Telefonnummer."))
            self.callback.setFocus()
        elif field == "question":
            self.error.setText(self.tr("Bitte die Frage eintragen."))
            self.question.setFocus()
        else:
            self.error.setText(error_text(error))
        self.error.show()
