"""Asks for what an incident needs at creation: playbook, title, kind, real or drill."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook


class NewIncidentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, playbooks: list[Playbook] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neue Lage anlegen"))
        self._playbooks: dict[str, Playbook] = {}
        self.playbook = QComboBox(self)
        self.playbook.setObjectName("playbookChoice")
        self.playbook.addItem(self.tr("(ohne Playbook)"), "")
        if playbooks is None:
            self.playbook.addItem(self.tr("Playbooks werden geprüft …"), None)
            self.playbook.setEnabled(False)
        else:
            self.set_playbooks(playbooks)
        self.playbook.setToolTip(
            self.tr("Mit Playbook: Fakten-Formular, Checklisten und Meldungen stehen bereit.")
        )
        self.playbook.currentIndexChanged.connect(self._on_playbook)
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
        form.addRow(self.tr("&Playbook"), self.playbook)
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

    def set_playbooks(self, playbooks: list[Playbook]) -> None:
        """Offer these playbooks (they may arrive while the dialog is already open)."""
        self._playbooks = {p.id: p for p in playbooks}
        while self.playbook.count() > 1:
            self.playbook.removeItem(1)
        for playbook in playbooks:
            self.playbook.addItem(playbook.title, playbook.id)
        self.playbook.setEnabled(True)

    def chosen_playbook(self) -> Playbook | None:
        return self._playbooks.get(str(self.playbook.currentData() or ""))

    def _on_playbook(self) -> None:
        chosen = self.chosen_playbook()
        self.kind.setEnabled(chosen is None)  # a playbook is written for one kind
        if chosen is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(chosen.kind))
        if not self.title.text().strip():
            self.title.setText(chosen.title)

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
