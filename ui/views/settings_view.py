"""The Einstellungen area: language, people and roles, own PIN, channels, where data lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.domain import Person
from kriseninfo.errors import KriseninfoError
from kriseninfo.settings import LANGUAGE
from kriseninfo_ui.dialogs.login_dialog import AddPersonDialog, pin_edit
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.names import role_name
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.accounts_panel import AccountsPanel
from kriseninfo_ui.views.release_rules_panel import ReleaseRulesPanel

if TYPE_CHECKING:
    from kriseninfo.context import AppContext

LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}


def _database_text(context: AppContext) -> str:
    path = context.database.sqlite_path
    return f"SQLite: {path}" if path else context.database.display_url()


class SettingsView(QWidget):
    language_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        me = session.person

        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        current = session.context.settings.get(LANGUAGE) or "de"
        self.language.setCurrentIndex(self.language.findData(current))
        self.language.currentIndexChanged.connect(self._on_language)
        language_box = QGroupBox(self.tr("Sprache"), self)
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("&Sprache der Oberfläche"), self.language)

        self.people = QListWidget(self)
        self.people.setObjectName("peopleList")
        self.people.setAccessibleName(self.tr("Personen"))
        self.add_person = QPushButton(self.tr("Person &hinzufügen …"), self)
        self.add_person.clicked.connect(self._add_person)
        self.toggle_person = QPushButton(self.tr("(De)&aktivieren"), self)
        self.toggle_person.clicked.connect(self._toggle_person)
        for button in (self.add_person, self.toggle_person):
            button.setEnabled(me.may_manage_people)
            if not me.may_manage_people:
                button.setToolTip(self.tr("Nur Personen mit der Rolle Leitung"))
        self.people_message = QLabel(self)
        self.people_message.setObjectName("formError")
        people_box = QGroupBox(self.tr("Personen und Rollen"), self)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.add_person)
        people_buttons.addWidget(self.toggle_person)
        people_buttons.addStretch(1)
        people_layout.addLayout(people_buttons)
        people_layout.addWidget(self.people_message)

        self.old_pin = pin_edit(self)
        self.new_pin = pin_edit(self)
        self.new_pin_again = pin_edit(self)
        self.change_pin = QPushButton(self.tr("PIN ä&ndern"), self)
        self.change_pin.clicked.connect(self._change_pin)
        self.pin_message = QLabel(self)
        self.pin_message.setObjectName("formError")
        pin_box = QGroupBox(self.tr("Eigene PIN ändern ({name})").format(name=me.name), self)
        pin_form = QFormLayout(pin_box)
        pin_form.addRow(self.tr("Bisherige PIN"), self.old_pin)
        pin_form.addRow(self.tr("Neue PIN"), self.new_pin)
        pin_form.addRow(self.tr("Neue PIN wiederholen"), self.new_pin_again)
        pin_form.addRow("", self.change_pin)
        pin_form.addRow(self.pin_message)

        context = session.context
        about_box = QGroupBox(self.tr("Diese Installation"), self)
        about = QFormLayout(about_box)
        for label, value in (
            (self.tr("Datenbank"), _database_text(context)),
            (self.tr("Datenordner"), str(context.paths.data_dir)),
            (self.tr("Protokolle"), str(context.paths.log_dir)),
        ):
            text = QLabel(value, about_box)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            about.addRow(label, text)

        #: Kanäle: the channel accounts; the main window tells it the active incident.
        self.accounts_panel = AccountsPanel(session, parent=self)
        accounts_box = QGroupBox(self.tr("Kanäle"), self)
        accounts_box.setObjectName("accountsBox")
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.addWidget(self.accounts_panel)
        accounts_box.setMinimumHeight(240)

        self.release_rules = ReleaseRulesPanel(session, self)
        rules_box = QGroupBox(self.tr("Freigaberegeln (für alle Konsolen)"), self)
        QVBoxLayout(rules_box).addWidget(self.release_rules)

        page = QWidget(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(language_box)
        left.addWidget(pin_box)
        left.addWidget(about_box)
        left.addWidget(rules_box)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(people_box, 1)
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(columns)
        page_layout.addWidget(accounts_box, 1)
        # Scrolls on a small laptop screen instead of squeezing the tables.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload_people()

    def _on_language(self) -> None:
        self.language_changed.emit(self.language.currentData())

    def reload_people(self) -> None:
        users = self._session.context.users
        self._session.runner.run(lambda: users.list(include_inactive=True), self._on_people)

    def _on_people(self, people: list[Person] | None, error: BaseException | None) -> None:
        if self._report(error, self.people_message) or people is None:
            return
        self.people.clear()
        for person in people:
            text = f"{person.name} – {role_name(person.role)}"
            if not person.active:
                text += " " + self.tr("(deaktiviert)")
            item = QListWidgetItem(text, self.people)
            item.setData(Qt.ItemDataRole.UserRole, person)

    def _add_person(self) -> None:
        dialog = AddPersonDialog(
            self._session.context, self._session.runner, self._session.person, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload_people()

    def _toggle_person(self) -> None:
        item = self.people.currentItem()
        if item is None:
            self.people_message.setText(self.tr("Bitte wählen Sie zuerst eine Person aus."))
            return
        person: Person = item.data(Qt.ItemDataRole.UserRole)
        question = (
            self.tr("{name} deaktivieren? Die Person kann sich dann nicht mehr anmelden.")
            if person.active
            else self.tr("{name} wieder aktivieren?")
        ).format(name=person.name)
        answer = QMessageBox.question(self, self.tr("Person ändern"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        users, me = self._session.context.users, self._session.person
        self._session.runner.run(
            lambda: users.set_active(person.id, not person.active, me),
            lambda _p, error: self._report(error, self.people_message) or self.reload_people(),
            owner=self,
        )

    def _change_pin(self) -> None:
        if self.new_pin.text() != self.new_pin_again.text():
            self.pin_message.setText(self.tr("Die beiden neuen PINs stimmen nicht überein."))
            return
        old, new = self.old_pin.text(), self.new_pin.text()
        for edit in (self.old_pin, self.new_pin, self.new_pin_again):
            edit.clear()
        users, me = self._session.context.users, self._session.person
        self._session.runner.run(lambda: users.set_pin(me, old, new), self._on_pin_changed)

    def _on_pin_changed(self, _result: object, error: BaseException | None) -> None:
        if not self._report(error, self.pin_message):
            self.pin_message.setText(self.tr("Ihre PIN wurde geändert."))

    @staticmethod
    def _report(error: BaseException | None, target: QLabel) -> bool:
        """Show a core error beside the form; True if there was one."""
        if error is None:
            target.setText("")
            return False
        if isinstance(error, KriseninfoError):
            target.setText(error_text(error))
            return True
        raise error
