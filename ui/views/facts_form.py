"""The playbook's parameters as a form: the facts of this incident, saved as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.messagesets.facts import example_text
from kriseninfo.playbooks.kinds import ParameterType
from kriseninfo_ui.debounce import Debouncer

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook


class FactsForm(QWidget):
    """One line per parameter, the example as placeholder and the help as tooltip.

    `edited` carries the changed facts ({parameter id: text}) after a short pause.
    """

    edited = Signal(dict)
    #: The rows changed (another playbook): an enclosing scroll area must measure anew.
    rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.playbook: Playbook | None = None
        self.fields: dict[str, QLineEdit] = {}
        self._dirty: dict[str, str] = {}
        self._debounce = Debouncer(self._emit, parent=self)
        self.examples_button = QPushButton(self.tr("&Beispielwerte einsetzen"), self)
        self.examples_button.setToolTip(
            self.tr(
                "Füllt leere Felder mit den Beispielen des Playbooks (für Übungen). "
                "In einer Echtlage jeden Wert prüfen: Beispielwerte werden markiert."
            )
        )
        self.examples_button.clicked.connect(self.fill_examples)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: long labels and long values both stay readable.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._form)
        layout.addWidget(self.examples_button)

    def show_facts(self, playbook: Playbook | None, facts: dict[str, str]) -> None:
        """Rebuild for another playbook; only refresh values of fields not being typed in."""
        if playbook is None or self.playbook is None or playbook.id != self.playbook.id:
            self._rebuild(playbook)
        for name, edit in self.fields.items():
            if name in self._dirty or edit.hasFocus():
                continue
            value = facts.get(name, "")
            if edit.text() != value:
                edit.blockSignals(True)
                edit.setText(value)
                edit.blockSignals(False)
            self._mark(name)

    def flush(self) -> None:
        self._debounce.flush_now()

    def fill_examples(self) -> None:
        if self.playbook is None:
            return
        for parameter in self.playbook.parameters:
            edit = self.fields[parameter.id]
            if not edit.text().strip():
                edit.setText(example_text(parameter))  # textChanged marks it dirty
        self.flush()

    def _rebuild(self, playbook: Playbook | None) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        self._dirty = {}
        self.playbook = playbook
        self.examples_button.setVisible(playbook is not None)
        if playbook is None:
            return
        for parameter in playbook.parameters:
            edit = QLineEdit(self)
            edit.setObjectName(f"fact_{parameter.id}")
            edit.setPlaceholderText(
                self.tr("z. B. {example}").format(example=example_text(parameter))
            )
            hint = parameter.help
            if parameter.type is ParameterType.STREET_LIST:
                hint += "\n" + self.tr("Mehrere mit Semikolon trennen: Astraße; Bweg")
            edit.setToolTip(hint.strip())
            edit.setAccessibleName(parameter.label)
            edit.textChanged.connect(lambda text, name=parameter.id: self._on_changed(name, text))
            label = QLabel(parameter.label + (" *" if parameter.required else ""), self)
            label.setBuddy(edit)
            self._form.addRow(label, edit)
            self.fields[parameter.id] = edit
        self.rebuilt.emit()

    def _on_changed(self, name: str, text: str) -> None:
        self._dirty[name] = text
        self._mark(name)
        self._debounce.touch()

    def _mark(self, name: str) -> None:
        """A value still equal to the playbook's example is marked (style sheet)."""
        assert self.playbook is not None
        parameter = self.playbook.parameter(name)
        edit = self.fields[name]
        is_example = bool(
            parameter and edit.text().strip() and edit.text().strip() == example_text(parameter)
        )
        if edit.property("example") != is_example:
            edit.setProperty("example", is_example)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _emit(self) -> None:
        if self._dirty:
            changes, self._dirty = self._dirty, {}
            self.edited.emit(changes)
