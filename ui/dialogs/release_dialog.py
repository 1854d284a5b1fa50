"""Freigabe at the same machine: a second person reads the set and releases it with their
PIN, or sends it back with a comment. The desk's exceptions (confirming the facts of
unchanged pre-approved texts; Eilfreigabe in acute danger) are offered only when allowed.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.domain import Person
from kriseninfo.errors import KriseninfoError
from kriseninfo.messagesets.kinds import DraftStatus
from kriseninfo.messagesets.records import MessageSetView
from kriseninfo.playbooks.kinds import Language
from kriseninfo_ui.dialogs.login_dialog import pin_edit
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import platform_name, purpose_name
from kriseninfo_ui.names import role_name
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.tasks import TaskRunner


class Mode(enum.StrEnum):
    RELEASE = "release"
    CONFIRM = "confirm"
    EILFREIGABE = "eilfreigabe"
    REJECT = "reject"


#: (mode, person id, PIN, reason or comment) → the released or rejected set.
Attempt = Callable[[Mode, int, str, str], MessageSetView]


class ReleaseDialog(QDialog):
    def __init__(
        self,
        view: MessageSetView,
        people: list[Person],
        runner: TaskRunner,
        attempt: Attempt,
        *,
        confirm_allowed: bool,
        eilfreigabe_allowed: bool,
        signed_in: Person,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Freigabe – {purpose}").format(purpose=purpose_name(view.purpose))
        )
        self.view = view
        self.result_view: MessageSetView | None = None
        self._runner = runner
        self._attempt = attempt
        self._people = people
        self._signed_in = signed_in
        authors = {
            author
            for draft in view.drafts
            if draft.status is not DraftStatus.FREIGEGEBEN
            for author in draft.authors
        }
        self._releasers = [p for p in people if p.may_release and p.id not in authors]

        self.summary = QTextBrowser(self)
        self.summary.setObjectName("releaseSummary")
        self.summary.setHtml(_summary_html(view))
        self.summary.setMinimumHeight(220)

        self.modes = QButtonGroup(self)
        self.release_mode = QRadioButton(self.tr("&Vier-Augen-Freigabe durch zweite Person"), self)
        self.confirm_mode = QRadioButton(
            self.tr("&Fakten bestätigen (unveränderte, vorab freigegebene Texte)"), self
        )
        self.eil_mode = QRadioButton(self.tr("&Eilfreigabe (akute Gefahr, mit Begründung)"), self)
        self.reject_mode = QRadioButton(self.tr("&Zurückweisen mit Kommentar"), self)
        for number, button in enumerate(
            (self.release_mode, self.confirm_mode, self.eil_mode, self.reject_mode)
        ):
            self.modes.addButton(button, number)
        self.confirm_mode.setVisible(confirm_allowed)
        self.eil_mode.setVisible(eilfreigabe_allowed)
        self.release_mode.setChecked(True)
        self.modes.idToggled.connect(self._on_mode)

        self.person = QComboBox(self)
        self.person.setObjectName("releasePerson")
        self.pin = pin_edit(self)
        self.pin.setObjectName("releasePin")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("releaseReason")
        self.reason_label = QLabel(self.tr("&Begründung"), self)
        self.reason_label.setBuddy(self.reason)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Später freigeben")
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        person_label = QLabel(self.tr("&Person"), self)
        person_label.setBuddy(self.person)
        pin_label = QLabel(self.tr("P&IN"), self)
        pin_label.setBuddy(self.pin)
        form.addRow(person_label, self.person)
        form.addRow(pin_label, self.pin)
        form.addRow(self.reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        for button in (self.release_mode, self.confirm_mode, self.eil_mode, self.reject_mode):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumSize(620, 560)
        self._on_mode()
        self.pin.setFocus()

    def chosen_mode(self) -> Mode:
        return list(Mode)[self.modes.checkedId()]

    def _on_mode(self, *_: object) -> None:
        mode = self.chosen_mode()
        self.person.clear()
        four_eyes = mode in (Mode.RELEASE, Mode.REJECT)
        candidates = self._releasers if four_eyes else [self._signed_in]
        for person in candidates:
            self.person.addItem(f"{person.name} ({role_name(person.role)})", person.id)
        needs_text = mode in (Mode.EILFREIGABE, Mode.REJECT)
        self.reason.setVisible(needs_text)
        self.reason_label.setVisible(needs_text)
        self.reason_label.setText(
            self.tr("&Begründung") if mode is Mode.EILFREIGABE else self.tr("&Kommentar")
        )
        self.ok.setText(
            {
                Mode.RELEASE: self.tr("Freigeben"),
                Mode.CONFIRM: self.tr("Fakten bestätigen und freigeben"),
                Mode.EILFREIGABE: self.tr("Eilfreigabe erteilen"),
                Mode.REJECT: self.tr("Zurückweisen"),
            }[mode]
        )
        hints = {
            Mode.RELEASE: self.tr(
                "Freigeben darf eine Person mit der Rolle Freigabe oder Leitung, die die "
                "Meldungen nicht zuletzt bearbeitet hat."
            ),
            Mode.CONFIRM: self.tr(
                "Nur unveränderte Texte aus einem freigegebenen Playbook. Prüfen Sie jeden "
                "eingesetzten Fakt; geänderte Meldungen bleiben für die Vier-Augen-Freigabe."
            ),
            Mode.EILFREIGABE: self.tr(
                "Nur bei akuter Gefahr. Die Eilfreigabe wird mit Ihrer Begründung im "
                "Einsatztagebuch und an den Meldungen vermerkt."
            ),
            Mode.REJECT: self.tr("Die Meldungen gehen mit Ihrem Kommentar zurück in den Entwurf."),
        }
        self.hint.setText(hints[mode])
        if self.person.count() == 0:
            self.error.setText(
                self.tr(
                    "Niemand hier darf freigeben: Es braucht eine zweite Person mit der "
                    "Rolle Freigabe oder Leitung."
                )
            )
        else:
            self.error.clear()
        self.ok.setEnabled(self.person.count() > 0)

    def _submit(self) -> None:
        if self.person.count() == 0:
            return
        mode = self.chosen_mode()
        person_id = int(self.person.currentData())
        pin, text = self.pin.text(), self.reason.text()
        self.buttons.setEnabled(False)
        self.error.clear()
        self._runner.run(lambda: self._attempt(mode, person_id, pin, text), self._done)

    def _done(self, view: MessageSetView | None, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            self.error.setText(
                error_text(error) if isinstance(error, KriseninfoError) else str(error)
            )
            self.pin.clear()
            self.pin.setFocus()
            return
        self.result_view = view
        self.accept()


def _summary_html(view: MessageSetView) -> str:
    """Every draft as the releaser must read it: channel, language, full text."""
    blocks = []
    for draft in view.drafts:
        head = html.escape(
            f"{draft.account_name} · {platform_name(draft.platform)} · "
            f"{language_name(Language(draft.language))}"
        )
        subject = f"<b>{html.escape(draft.subject)}</b><br>" if draft.subject else ""
        parts = "<hr>".join(html.escape(p).replace("\n", "<br>") for p in draft.parts)
        blocks.append(f"<h4>{head}</h4>{subject}<p>{parts}</p>")
    return "".join(blocks)
