"""A source for the incident's dialog feed: an RSS/Atom feed (e.g. a Mastodon hashtag),
its name, and how often it is asked for new posts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo_ui.messages import error_text

#: Seconds between two polls: the core refuses to ask a server more often than this.
MIN_INTERVAL_S = 15
MAX_INTERVAL_S = 3600
DEFAULT_INTERVAL_S = 60

SourceSave = Callable[[str, str, int], object]


class SourceDialog(QDialog):
    def __init__(self, save: SourceSave, parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        #: What `save` returned, once the source is stored.
        self.saved: object | None = None
        self.setWindowTitle(self.tr("Quelle hinzufügen"))
        self.name = QLineEdit(self)
        self.name.setObjectName("sourceName")
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(self.tr("z. B. Mastodon #moers"))
        self.address = QLineEdit(self)
        self.address.setObjectName("sourceAddress")
        self.address.setPlaceholderText(self.tr("z. B. https://social.example/tags/moers.rss"))
        self.interval = QSpinBox(self)
        self.interval.setObjectName("sourceInterval")
        self.interval.setRange(MIN_INTERVAL_S, MAX_INTERVAL_S)
        self.interval.setValue(DEFAULT_INTERVAL_S)
        self.hint = QLabel(
            self.tr(
                "Beiträge aus Feeds werden nur als Text angezeigt; Bilder werden nie geladen, "
                "Links nie von selbst geöffnet."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Speichern"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Name"), self.name), self.name)
        form.addRow(self._label(self.tr("&Adresse (RSS/Atom)"), self.address), self.address)
        form.addRow(
            self._label(self.tr("Abfrage&intervall in Sekunden"), self.interval), self.interval
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.name.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def submit(self) -> None:
        """Store the source; on a refusal say why, keep what was typed, and go to the field."""
        try:
            self.saved = self._save(self.name.text(), self.address.text(), self.interval.value())
        except KriseninfoError as error:
            self._show_error(error)
            return
        self.accept()

    def _show_error(self, error: KriseninfoError) -> None:
        field = error.params.get("field", "") if error.code is ErrorCode.INVALID_INPUT else ""
        if field == "address":
            self.error.setText(
                self.tr(
                    "Das ist keine Feed-Adresse. Bitte eine Adresse eintragen, die mit "
                    "http:// oder https:// beginnt."
                )
            )
            self.address.setFocus()
        else:
            self.error.setText(error_text(error))
            if field == "name":
                self.name.setFocus()
        self.error.show()
