"""Übung starten: which playbook, how fast the drill clock runs, and a title."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.drills.marks import DEFAULT_PREFIX
from kriseninfo.playbooks.schema import Playbook

SPEEDS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


class StartDrillDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Übung starten"))
        self._playbooks: list[Playbook] = []
        self.playbook = QComboBox(self)
        self.playbook.addItem(self.tr("Playbooks werden geprüft …"))
        self.playbook.setEnabled(False)
        self.playbook.currentIndexChanged.connect(self._describe)
        self.speed = QComboBox(self)
        for speed in SPEEDS:
            self.speed.addItem(self.tr("{n}× so schnell").format(n=f"{speed:g}"), speed)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("leer: „ÜBUNG: “ und der Titel des Playbooks"))
        self.mark = QLineEdit(DEFAULT_PREFIX, self)
        self.mark.setMaxLength(40)
        self.mark.setToolTip(self.tr("Steht vor jedem Text, den die Übung veröffentlichen würde."))
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Playbook:"), self.playbook)
        form.addRow(self.tr("&Übungsuhr:"), self.speed)
        form.addRow(self.tr("&Titel:"), self.title)
        form.addRow(self.tr("&Kennzeichnung:"), self.mark)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Übung starten"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Eine Übung ist eine eigene Lage. Alles, was sie veröffentlichen würde, "
                    "landet in der Übungs-Timeline und erreicht niemanden."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(self.buttons)

    def set_playbooks(self, playbooks: list[Playbook]) -> None:
        self._playbooks = list(playbooks)
        self.playbook.clear()
        for playbook in self._playbooks:
            self.playbook.addItem(f"{playbook.title} ({playbook.id})", playbook.id)
        if not self._playbooks:
            self.playbook.addItem(self.tr("Kein gültiges Playbook gefunden"))
        self.playbook.setEnabled(bool(self._playbooks))
        self.ok.setEnabled(bool(self._playbooks))
        self._describe()

    def _describe(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.about.clear()
            return
        length = chosen.drill_duration or self.tr("ohne festes Ende")
        self.about.setText(
            self.tr("{n} Einspielungen, geplante Dauer {length}.").format(
                n=len(chosen.injects), length=length
            )
            if chosen.injects
            else self.tr(
                "Dieses Playbook hat keine Einspielungen: die Übungsleitung spielt sie "
                "von Hand ein."
            )
        )

    def chosen(self) -> Playbook | None:
        index = self.playbook.currentIndex()
        if not self._playbooks or not 0 <= index < len(self._playbooks):
            return None
        return self._playbooks[index]

    def values(self) -> tuple[Playbook | None, float, str, str]:
        mark = self.mark.text().strip() or DEFAULT_PREFIX  # a drill is always marked
        return self.chosen(), float(self.speed.currentData()), self.title.text().strip(), mark
