"""Every message of a phase, rendered with the example values, with its length against the
channel's limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo.playbooks.kinds import Language
from kriseninfo_ui.playbook_texts import channel_name, field_name, language_name, unit_name

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook


class PhasePreview(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._playbook: Playbook | None = None
        self.phase = QComboBox(self)
        self.phase.setObjectName("previewPhase")
        self.language = QComboBox(self)
        self.language.setObjectName("previewLanguage")
        self.phase.currentIndexChanged.connect(self._show)
        self.language.currentIndexChanged.connect(self._show)
        choose = QHBoxLayout()
        for text, combo, stretch in (
            (self.tr("&Phase"), self.phase, 2),
            (self.tr("&Sprache"), self.language, 1),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            choose.addWidget(label)
            choose.addWidget(combo, stretch)
        self.checklist = QLabel(self)
        self.checklist.setWordWrap(True)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.checklist)
        layout.addWidget(scroll, 1)

    def set_playbook(self, playbook: Playbook | None) -> None:
        self._playbook = playbook
        phase_id, language = self.phase.currentData(), self.language.currentData()
        for combo in (self.phase, self.language):
            combo.blockSignals(True)
            combo.clear()
        if playbook is not None:
            for phase in playbook.phases:
                self.phase.addItem(phase.title, phase.id)
            for lang in playbook.languages:
                self.language.addItem(language_name(lang), lang.value)
        for combo, previous in ((self.phase, phase_id), (self.language, language)):
            row = combo.findData(previous)
            combo.setCurrentIndex(max(row, 0))
            combo.blockSignals(False)
        self._show()

    def _show(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        book = self._playbook
        phase = book.phase(self.phase.currentData()) if book and self.phase.count() else None
        if book is None or phase is None:
            self.checklist.setText("")
            return
        items = "".join(f"<li>{_html(item)}</li>" for item in phase.checklist)
        self.checklist.setText(self.tr("<b>Checkliste</b>") + f"<ul>{items}</ul>")
        # Loaded by the worker that checked the playbook; importing here costs nothing.
        from kriseninfo.playbooks.render import render_message, values_from_examples

        language = Language(self.language.currentData())
        values = values_from_examples(book)
        for kind, by_language in phase.messages.items():
            if language not in by_language:
                continue
            box = QGroupBox(channel_name(kind), self.body)
            form = QFormLayout(box)
            try:
                fields = render_message(book, phase.id, kind, language, values)
            except KriseninfoError as exc:
                form.addRow(QLabel(exc.detail, box))
                self.body_layout.addWidget(box)
                continue
            for field in fields:
                text = QPlainTextEdit(field.text, box)
                text.setReadOnly(True)
                lines = max(2, min(12, field.text.count("\n") + 2 + len(field.text) // 90))
                text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 12)
                label = QLabel(field_name(field.name), box)
                if field.maximum is not None:
                    counter = QLabel(
                        self.tr("{length} / {maximum} {unit}").format(
                            length=field.length,
                            maximum=field.maximum,
                            unit=unit_name(field.unit or ""),
                        ),
                        box,
                    )
                    counter.setObjectName("counterOk" if field.fits else "counterTooLong")
                    column = QVBoxLayout()
                    column.addWidget(text)
                    column.addWidget(counter)
                    form.addRow(label, column)
                else:
                    form.addRow(label, text)
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
