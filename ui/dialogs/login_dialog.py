"""Who is working? At start the console asks for the person and their PIN.

With no people yet, it asks for the first one (role Leitung) instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
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

from kriseninfo.domain import Person, Role
from kriseninfo.errors import KriseninfoError
from kriseninfo.settings import LAST_USER
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.names import role_name
from kriseninfo_ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kriseninfo.context import AppContext


def pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(12)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), edit))
    return edit


class _PersonDialog(QDialog):
    #: Whether the person this dialog yields becomes the remembered one of this console.
    remember_person = True

    """Shared frame: a form, an error line, OK/Cancel; the check runs on the worker.

    Texts use one explicit translation context: PySide's `self.tr()` picks the
    context differently for base and subclass, which lupdate cannot follow.
    """

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.person: Person | None = None
        self.form = QFormLayout()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("PersonDialog", "Beenden")
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _done(self, person: Person | None, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, KriseninfoError):
            self.error.setText(error_text(error))
            return
        if error is not None:
            raise error
        self.person = person
        if person is not None and self.remember_person:
            self.context.settings.set(LAST_USER, person.name)
        self.accept()


class LoginDialog(_PersonDialog):
    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        people: list[Person],
        parent: QWidget | None = None,
    ):
        super().__init__(context, runner, parent)
        self.setWindowTitle(QCoreApplication.translate("PersonDialog", "Kriseninfo – Anmelden"))
        self.intro.setText(
            QCoreApplication.translate("PersonDialog", "Wer arbeitet an dieser Konsole?")
        )
        self.who = QComboBox(self)
        self.who.setObjectName("loginPerson")
        for person in people:
            self.who.addItem(f"{person.name} ({role_name(person.role)})", person.name)
        last = context.settings.get(LAST_USER)
        if last is not None and (row := self.who.findData(last)) >= 0:
            self.who.setCurrentIndex(row)
        self.pin = pin_edit(self)
        self.pin.setObjectName("loginPin")
        self.form.addRow(QCoreApplication.translate("PersonDialog", "&Person"), self.who)
        self.form.addRow(QCoreApplication.translate("PersonDialog", "P&IN"), self.pin)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PersonDialog", "Anmelden")
        )
        self.buttons.accepted.connect(self.submit)
        self.pin.setFocus()

    def submit(self) -> None:
        name, pin = self.who.currentData(), self.pin.text()
        self.pin.clear()
        self.buttons.setEnabled(False)
        users = self.context.users
        self.runner.run(lambda: users.authenticate(name, pin), self._done)


class _NewPersonDialog(_PersonDialog):
    """Name, PIN twice and (when a Leitung adds someone) a role; creates the person."""

    def __init__(
        self, context: AppContext, runner: TaskRunner, by: Person | None, parent: QWidget | None
    ):
        super().__init__(context, runner, parent)
        self._by = by
        self.name = QLineEdit(self)
        self.pin = pin_edit(self)
        self.pin_again = pin_edit(self)
        self.form.addRow(QCoreApplication.translate("PersonDialog", "&Name"), self.name)
        if by is not None:
            self.role = QComboBox(self)
            for role in Role:
                self.role.addItem(role_name(role), role)
            self.form.addRow(QCoreApplication.translate("PersonDialog", "&Rolle"), self.role)
        self.form.addRow(
            QCoreApplication.translate("PersonDialog", "&PIN (4–12 Ziffern)"), self.pin
        )
        self.form.addRow(
            QCoreApplication.translate("PersonDialog", "PIN &wiederholen"), self.pin_again
        )
        self.buttons.accepted.connect(self.submit)

    def submit(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self.error.setText(
                QCoreApplication.translate("PersonDialog", "Die beiden PINs stimmen nicht überein.")
            )
            return
        name, pin, by = self.name.text(), self.pin.text(), self._by
        # The first person is always Leitung; Qt returns a chosen role as a plain str.
        role = Role.LEITUNG if by is None else Role(self.role.currentData())
        self.buttons.setEnabled(False)
        users = self.context.users
        self.runner.run(lambda: users.create(name, role, pin, by), self._done)


class FirstPersonDialog(_NewPersonDialog):
    """Ersteinrichtung: the first person, who becomes Leitung."""

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(context, runner, None, parent)
        self.setWindowTitle(
            QCoreApplication.translate("PersonDialog", "Kriseninfo – Ersteinrichtung")
        )
        self.intro.setText(
            QCoreApplication.translate(
                "PersonDialog",
                "Willkommen bei Kriseninfo. Legen Sie zuerst sich selbst an. Die erste Person "
                "erhält die Rolle Leitung und kann weitere Personen hinzufügen.",
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PersonDialog", "Anlegen")
        )


class AddPersonDialog(_NewPersonDialog):
    """A Leitung adds a colleague with a role and a first PIN."""

    remember_person = False  # adding someone does not make them the one working here

    def __init__(
        self, context: AppContext, runner: TaskRunner, by: Person, parent: QWidget | None = None
    ):
        super().__init__(context, runner, by, parent)
        self.setWindowTitle(QCoreApplication.translate("PersonDialog", "Person hinzufügen"))
        self.intro.setText(
            QCoreApplication.translate(
                "PersonDialog", "Die Person ändert ihre PIN später selbst in den Einstellungen."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PersonDialog", "Hinzufügen")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("PersonDialog", "Abbrechen")
        )
