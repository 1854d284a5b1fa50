"""Verbindung: the rows for a channel account's settings and secrets, built from the
platform's `fields`.

Stored secrets are never read back into the window: a secret row only knows whether
the keyring holds a value, and sends a new one or an empty one (remove) when asked to.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from itertools import chain

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kriseninfo.publishing.channel import Field
from kriseninfo_ui.channel_texts import (
    SECURITY_VALUES,
    field_label,
    field_placeholder,
    number_default,
    security_name,
    stored_placeholder,
)


class Editor(enum.Enum):
    """How a setting is typed in; a field not named in `EDITORS` is one line of text."""

    LINE = "line"
    LINES = "lines"
    NUMBER = "number"
    CHOICE = "choice"
    FOLDER = "folder"
    FILE = "file"


EDITORS: dict[str, Editor] = {
    "recipients": Editor.LINES,
    "port": Editor.NUMBER,
    "max_entries": Editor.NUMBER,
    "security": Editor.CHOICE,
    "folder": Editor.FOLDER,
    "ca_file": Editor.FILE,
}

#: The highest value a number setting takes (0 stands for "the channel's default").
NUMBER_RANGES: dict[str, int] = {"port": 65535, "max_entries": 10_000}


class ConnectionForm(QWidget):
    """One row per field of a platform; secrets as password edits that start empty."""

    def __init__(
        self,
        fields: Sequence[Field],
        settings: dict[str, str] | None = None,
        secrets_present: Iterable[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.fields = tuple(fields)
        #: The input of each field (the label's buddy).
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        #: "Entfernen" beside each secret, shown once the keyring holds it.
        self.remove: dict[str, QCheckBox] = {}
        #: "Auswählen …" beside a folder or file setting.
        self.choosers: dict[str, QPushButton] = {}
        self._extra: dict[str, list[QWidget]] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for field in self.fields:
            self._add_row(layout, field)
        self.set_values(settings or {})
        self.show_stored(secrets_present)

    # -- building -----------------------------------------------------------------------------
    def _add_row(self, layout: QFormLayout, field: Field) -> None:
        plain = field_label(field.name)
        label = QLabel(f"{plain} *" if field.required else plain, self)
        editor: QWidget
        row: QWidget
        if field.secret:
            editor, row = self._secret_row(field)
        else:
            editor, row = self._setting_row(field)
        editor.setObjectName(f"field_{field.name}")
        editor.setAccessibleName(
            self.tr("{label} (Pflichtfeld)").format(label=plain) if field.required else plain
        )
        label.setBuddy(editor)
        self.editors[field.name] = editor
        self.labels[field.name] = label
        layout.addRow(label, row)

    def _secret_row(self, field: Field) -> tuple[QWidget, QWidget]:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(4000)
        remove = QCheckBox(self.tr("Entfernen"), self)
        remove.setObjectName(f"remove_{field.name}")
        remove.setAccessibleName(self.tr("{label} entfernen").format(label=field_label(field.name)))
        remove.setToolTip(self.tr("Beim Speichern aus dem Schlüsselbund löschen"))
        remove.toggled.connect(lambda on: self._removing(edit, on))
        self.remove[field.name] = remove
        self._extra[field.name] = [remove]
        return edit, self._pair(edit, remove)

    def _setting_row(self, field: Field) -> tuple[QWidget, QWidget]:
        kind = EDITORS.get(field.name, Editor.LINE)
        if kind is Editor.LINES:
            lines = QPlainTextEdit(self)
            lines.setTabChangesFocus(True)
            lines.setPlaceholderText(field_placeholder(field.name))
            lines.setFixedHeight(lines.fontMetrics().lineSpacing() * 4 + 12)
            return lines, lines
        if kind is Editor.NUMBER:
            number = QSpinBox(self)
            number.setRange(0, NUMBER_RANGES.get(field.name, 1_000_000))
            number.setSpecialValueText(number_default(field.name))
            return number, number
        if kind is Editor.CHOICE:
            choice = QComboBox(self)
            for value in SECURITY_VALUES:
                choice.addItem(security_name(value), value)
            return choice, choice
        edit = QLineEdit(self)
        edit.setMaxLength(2000)
        edit.setPlaceholderText(field_placeholder(field.name))
        if kind in (Editor.FOLDER, Editor.FILE):
            choose = QPushButton(self.tr("Auswählen …"), self)
            choose.setObjectName(f"choose_{field.name}")
            choose.setAutoDefault(False)
            choose.setAccessibleName(
                self.tr("{label} auswählen").format(label=field_label(field.name))
            )
            folder = kind is Editor.FOLDER
            choose.clicked.connect(lambda: self._choose(edit, folder))
            self.choosers[field.name] = choose
            self._extra[field.name] = [choose]
            return edit, self._pair(edit, choose)
        return edit, edit

    def _pair(self, editor: QWidget, beside: QWidget) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        editor.setParent(row)
        beside.setParent(row)
        layout.addWidget(editor, 1)
        layout.addWidget(beside)
        return row

    # -- values -------------------------------------------------------------------------------
    def set_values(self, settings: dict[str, str]) -> None:
        for field in self.fields:
            if field.secret:
                continue
            value = settings.get(field.name, "")
            editor = self.editors[field.name]
            if isinstance(editor, QPlainTextEdit):
                parts = value.replace(";", "\n").replace(",", "\n").splitlines()
                editor.setPlainText("\n".join(p.strip() for p in parts if p.strip()))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value) if value.strip().isdigit() else 0)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value.strip().lower())))
            elif isinstance(editor, QLineEdit):
                editor.setText(value)

    def show_stored(self, secrets_present: Iterable[str]) -> None:
        """After loading or saving: secret rows empty, saying whether one is stored."""
        present = set(secrets_present)
        for name, remove in self.remove.items():
            edit = self.editors[name]
            assert isinstance(edit, QLineEdit)
            remove.setChecked(False)
            edit.clear()
            edit.setPlaceholderText(stored_placeholder() if name in present else "")
            remove.setVisible(name in present)

    def settings(self) -> dict[str, str]:
        """Every setting as typed; an empty one is removed when stored."""
        values: dict[str, str] = {}
        for field in self.fields:
            if field.secret:
                continue
            editor = self.editors[field.name]
            if isinstance(editor, QPlainTextEdit):
                lines = (line.strip() for line in editor.toPlainText().splitlines())
                values[field.name] = "\n".join(line for line in lines if line)
            elif isinstance(editor, QSpinBox):
                values[field.name] = str(editor.value()) if editor.value() else ""
            elif isinstance(editor, QComboBox):
                values[field.name] = str(editor.currentData())
            elif isinstance(editor, QLineEdit):
                values[field.name] = editor.text().strip()
        return values

    def secrets(self) -> dict[str, str]:
        """Only the secrets typed in (new values) or marked to remove (empty values)."""
        values: dict[str, str] = {}
        for name, remove in self.remove.items():
            edit = self.editors[name]
            assert isinstance(edit, QLineEdit)
            if remove.isChecked():
                values[name] = ""
            elif edit.text().strip():
                values[name] = edit.text().strip()
        return values

    def secret_names(self) -> tuple[str, ...]:
        return tuple(self.remove)

    def focus_chain(self) -> list[QWidget]:
        return list(
            chain.from_iterable(
                [self.editors[f.name], *self._extra.get(f.name, [])] for f in self.fields
            )
        )

    # -- reactions ----------------------------------------------------------------------------
    @staticmethod
    def _removing(edit: QLineEdit, on: bool) -> None:
        if on:
            edit.clear()
        edit.setEnabled(not on)

    def _choose(self, edit: QLineEdit, folder: bool) -> None:
        start = edit.text().strip()
        if folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Ordner wählen"), start)
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Zertifikatsdatei wählen"),
                start,
                self.tr("Zertifikate (*.pem *.crt);;Alle Dateien (*)"),
            )
        if chosen:
            edit.setText(chosen)
            edit.setFocus()
