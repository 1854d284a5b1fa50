"""The answer beside the dialog feed: ranked suggestions (Textbausteine filled with the
incident's facts, earlier answers), the text to send, and whether it needs a release."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.dialog.answers import EMERGENCY_ID
from kriseninfo.dialog.service import ItemView
from kriseninfo.dialog.suggest import Suggestion
from kriseninfo.playbooks.kinds import Category
from kriseninfo.triage.emergency import EMERGENCY_ANSWER

ANSWER_ROLE = Qt.ItemDataRole.UserRole + 1


class AnswerPanel(QWidget):
    #: text, the Textbaustein it was taken from ("" when typed or changed)
    answer_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[ItemView] = []
        self._taken: tuple[str, str, bool] = ("", "", False)  # text, answer id, pre-approved

        title = QLabel(self.tr("Vorschläge (Enter oder Doppelklick übernimmt)"), self)
        title.setObjectName("sectionTitle")
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("answerSuggestions")
        self.suggestions.setAccessibleName(self.tr("Antwortvorschläge"))
        self.suggestions.setWordWrap(True)
        self.suggestions.itemActivated.connect(self._take)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("answerText")
        self.editor.setAccessibleName(self.tr("Antwort"))
        self.editor.setPlaceholderText(self.tr("Antwort schreiben oder einen Vorschlag übernehmen"))
        self.editor.textChanged.connect(self._update_hint)
        self.hint = QLabel(self)
        self.hint.setObjectName("answerHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = QPushButton(self.tr("&Antworten"), self)
        self.send_button.setObjectName("answerButton")
        self.send_button.setToolTip(self.tr("Strg+Enter"))
        self.send_button.clicked.connect(self._send)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.editor, self._send)

        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.suggestions, 2)
        layout.addWidget(self.editor, 2)
        layout.addLayout(buttons)
        self.show_items([])

    def show_items(self, items: list[ItemView]) -> None:
        """The selected items; an emergency gets the 112 answer ready at once. Nothing
        selected (a moment while the list changes) keeps what was typed, only disabled."""
        if not items:
            self.setEnabled(False)
            self.hint.setText(self.tr("Keine Anfrage ausgewählt."))
            return
        same = [i.id for i in items] == [i.id for i in self._items]
        self._items = items
        if not same:
            self.suggestions.clear()
            self.editor.clear()
            self._taken = ("", "", False)
            if any(i.category is Category.NOTFALL for i in items):
                self._add(Suggestion(EMERGENCY_ANSWER["de"], 100.0, EMERGENCY_ID, "112", True))
                self._take(self.suggestions.item(0))
        answerable = any(i.item_state.is_open for i in items)
        self.setEnabled(answerable)
        self._update_hint()

    def item_ids(self) -> list[int]:
        """The items the answer being written is for."""
        return [item.id for item in self._items]

    def show_suggestions(self, item_id: int, found: list[Suggestion]) -> None:
        if self.item_ids()[:1] != [item_id]:
            return  # the officer moved on meanwhile
        for suggestion in found:
            if suggestion.answer_id and suggestion.answer_id == EMERGENCY_ID:
                continue
            self._add(suggestion)

    def _add(self, suggestion: Suggestion) -> None:
        if suggestion.answer_id:
            label = self.tr("Textbaustein „{title}“").format(title=suggestion.title)
        else:
            label = self.tr("Frühere Antwort")
        if suggestion.pre_approved:
            label += self.tr(" · vorab freigegeben")
        if suggestion.missing:
            label += self.tr(" · Fakt fehlt: {facts} – erst unter Meldungen eintragen").format(
                facts=", ".join(suggestion.missing)
            )
        elif suggestion.problem:
            label += self.tr(" · Fakt fehlt noch")
        entry = QListWidgetItem(f"{label}\n{suggestion.text}", self.suggestions)
        entry.setData(ANSWER_ROLE, (suggestion.text, suggestion.answer_id, suggestion.pre_approved))
        entry.setToolTip(suggestion.text)

    def _take(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        text, answer_id, approved = entry.data(ANSWER_ROLE)
        self._taken = (text, answer_id, approved)
        self.editor.setPlainText(text)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def answer_id(self) -> str:
        """The Textbaustein's id while its text is unchanged."""
        taken, answer_id, _approved = self._taken
        return answer_id if taken.strip() == self.text() else ""

    def _update_hint(self) -> None:
        n = len(self._items)
        on_channel = sum(1 for i in self._items if i.answerable_on_channel)
        taken, _answer_id, approved = self._taken
        unchanged = bool(taken) and taken.strip() == self.text()
        if n == 0:
            hint = self.tr("Keine Anfrage ausgewählt.")
        elif not self.text():
            hint = ""
        elif on_channel == 0:
            hint = self.tr(
                "Kein Antwortkanal (Feed oder Bürgertelefon): die Antwort wird vermerkt, "
                "geben Sie sie von Hand (z. B. Rückruf)."
            )
        elif unchanged and approved:
            hint = self.tr("Unveränderter Textbaustein: wird ohne zweite Freigabe gesendet.")
        else:
            hint = self.tr("Eigener oder geänderter Text: braucht eine Freigabe (Vier Augen).")
        self.hint.setText(hint)
        self.send_button.setText(
            self.tr("&Antworten") if n <= 1 else self.tr("&An {n} Anfragen antworten").format(n=n)
        )
        self.send_button.setEnabled(bool(self.text()) and n > 0)

    def _send(self) -> None:
        if self.send_button.isEnabled() and self.isEnabled():
            self.answer_requested.emit(self.text(), self.answer_id())

    def answered(self) -> None:
        self.editor.clear()
        self._taken = ("", "", False)
