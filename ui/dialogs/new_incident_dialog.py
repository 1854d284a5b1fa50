"""Asks for what an incident needs at creation: title, kind, real or drill."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.domain import IncidentKind, IncidentMode
from kriseninfo_ui.names import kind_name


class NewIncidentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neue Lage anlegen"))
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("z. B. Großbrand Lagerhalle Hafen"))
        self.kind = QComboBox(self)
        for kind in IncidentKind:
            self.kind.addItem(kind_name(kind), kind)
        self.real = QRadioButton(self.tr("Echtlage – Meldungen gehen an die Öffentlichkeit"), self)
        self.drill = QRadioButton(self.tr("Übung – nichts erreicht die Öffentlichkeit"), self)
        self.drill.setObjectName("drillChoice")
        group = QButtonGroup(self)
        group.addButton(self.real)
        group.addButton(self.drill)
        self.hint = QLabel(
            self.tr("Echtlage oder Übung lässt sich später nicht mehr ändern."), self
        )
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Anlegen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Titel"), self.title)
        form.addRow(self.tr("&Art"), self.kind)
        form.addRow(self.tr("Modus"), self.real)
        form.addRow("", self.drill)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def chosen_kind(self) -> IncidentKind:
        # Qt hands enum members back as plain str; make them members again.
        return IncidentKind(self.kind.currentData())

    def chosen_mode(self) -> IncidentMode:
        return IncidentMode.DRILL if self.drill.isChecked() else IncidentMode.REAL

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Bitte geben Sie einen Titel ein."))
            self.title.setFocus()
            return
        if not (self.real.isChecked() or self.drill.isChecked()):
            # Never guess whether something goes to the public.
            self.error.setText(self.tr("Bitte wählen Sie: Echtlage oder Übung."))
            self.real.setFocus()
            return
        self.accept()
