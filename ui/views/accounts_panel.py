"""Kanäle: the channel accounts message sets go to, added, set up and switched on or off
here; an account that lacks settings or secrets to send is marked "Zugangsdaten fehlen".

Message-set code (platform names, the dialog) loads pydantic; it is imported on the
worker with the first list and only then used on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.table_model import Index, RowTableModel

if TYPE_CHECKING:
    from kriseninfo.context import AppContext
    from kriseninfo.messagesets.records import Account
    from kriseninfo.publishing.setup import AccountSetup
    from kriseninfo_ui.dialogs.account_dialog import AccountDialog

#: Each account's stored Verbindung; None where the platform has no channel module yet.
Setups = dict[int, "AccountSetup | None"]

MISSING_COLOUR = QColor("#a40000")


class AccountTableModel(RowTableModel["Account"]):
    PLATFORM, NAME, ADDRESS, LANGUAGES, LIMIT, ENABLED = range(6)

    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("AccountTableModel", "Plattform"),
                QCoreApplication.translate("AccountTableModel", "Name"),
                QCoreApplication.translate("AccountTableModel", "Adresse"),
                QCoreApplication.translate("AccountTableModel", "Sprachen"),
                QCoreApplication.translate("AccountTableModel", "Zeichenlimit"),
                QCoreApplication.translate("AccountTableModel", "Aktiv"),
            ]
        )
        self.setups: Setups = {}

    def set_accounts(self, accounts: list[Account], setups: Setups | None = None) -> None:
        self.beginResetModel()
        self.rows = list(accounts)
        self.setups = dict(setups or {})
        self.endResetModel()

    def lacks_setup(self, account: Account) -> bool:
        """A required setting or secret is missing: this console cannot send there."""
        setup = self.setups.get(account.id)
        return setup is not None and not setup.complete

    def missing(self) -> list[Account]:
        """Active accounts that cannot send for want of settings or secrets."""
        return [a for a in self.rows if a.enabled and self.lacks_setup(a)]

    def row_of(self, account_id: int) -> int | None:
        return next((n for n, a in enumerate(self.rows) if a.id == account_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        account = self.row_at(index)
        if account is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(account, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if account.incident_id is not None:
                tips.append(
                    QCoreApplication.translate("AccountTableModel", "Nur für die aktive Lage")
                )
            if self.lacks_setup(account):
                tips.append(missing_text())
            return "\n".join(tips) or None
        if index.column() == self.NAME and self.lacks_setup(account):
            # The marker: red name, a warning sign, and the words for screen readers.
            if role == Qt.ItemDataRole.ForegroundRole:
                return MISSING_COLOUR
            if role == Qt.ItemDataRole.DecorationRole:
                style = QApplication.style()
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{self._cell(account, self.NAME)} – {missing_text()}"
        return None

    def _cell(self, account: Account, column: int) -> str:
        from kriseninfo.playbooks.kinds import Language
        from kriseninfo_ui.dialogs.account_dialog import limit_text
        from kriseninfo_ui.messageset_texts import platform_name
        from kriseninfo_ui.playbook_texts import language_name

        if column == self.PLATFORM:
            return platform_name(account.platform)
        if column == self.NAME:
            if account.incident_id is None:
                return account.name
            return QCoreApplication.translate(
                "AccountTableModel", "{name} (nur diese Lage)"
            ).format(name=account.name)
        if column == self.ADDRESS:
            return account.address
        if column == self.LANGUAGES:
            known = {language.value: language for language in Language}
            return ", ".join(
                language_name(known[code]) if code in known else code for code in account.languages
            )
        if column == self.LIMIT:
            return limit_text(account.platform, account.max_length)
        if account.enabled:
            return QCoreApplication.translate("AccountTableModel", "ja")
        return QCoreApplication.translate("AccountTableModel", "nein")


def missing_text() -> str:
    return QCoreApplication.translate("AccountTableModel", "Zugangsdaten fehlen")


Loaded = tuple[list["Account"], Setups]


def _load(context: AppContext, incident_id: int | None) -> Loaded:
    """On the worker: the accounts with their stored Verbindung, and the message-set UI
    code warmed up for later."""
    import kriseninfo_ui.dialogs.account_dialog  # noqa: F401  (pydantic, ~0.3 s)

    accounts = context.accounts.list(incident_id)
    setups: Setups = {}
    for account in accounts:
        setups[account.id] = context.channel_setup.get(account.id)
    return accounts, setups


class AccountsPanel(QWidget):
    """The table of channel accounts with "add", "edit" (the Verbindung) and "switch on/off"."""

    #: An account was added or switched on or off (message sets may need a new look).
    accounts_changed = Signal()

    def __init__(
        self, session: Session, incident_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._session = session
        self._incident_id = incident_id
        self._loaded = False

        self.model = AccountTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("accountTable")
        self.table.setAccessibleName(self.tr("Kanäle"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            AccountTableModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._update_toggle)
        self.table.activated.connect(self.edit_selected)  # Enter or double click
        self.empty_hint = QLabel(
            self.tr(
                "Noch keine Kanäle. Ohne Kanal entstehen keine Meldungen: "
                "legen Sie mit „Kanal hinzufügen …“ den ersten an."
            ),
            self,
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        #: Which active channels cannot send yet, in red below the table.
        self.missing_hint = QLabel(self)
        self.missing_hint.setObjectName("missingSetup")
        self.missing_hint.setWordWrap(True)
        self.missing_hint.setStyleSheet(f"color: {MISSING_COLOUR.name()};")
        self.missing_hint.hide()

        self.add_button = QPushButton(self.tr("&Kanal hinzufügen …"), self)
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton(self.tr("Kanal &bearbeiten …"), self)
        self.edit_button.setObjectName("editAccount")
        self.edit_button.setToolTip(self.tr("Verbindung und Zugangsdaten einrichten"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button = QPushButton(self.tr("Kanal deakti&vieren"), self)
        self.toggle_button.setObjectName("toggleAccount")
        self.toggle_button.setEnabled(False)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        # Where the public is addressed is Leitung's decision (the core checks it too).
        self._may_manage = session.person.may_manage_people
        self.add_button.setEnabled(self._may_manage)
        if not self._may_manage:
            for button in (self.add_button, self.edit_button, self.toggle_button):
                button.setToolTip(self.tr("Nur Personen mit der Rolle Leitung"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.missing_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # -- loading ------------------------------------------------------------------------------
    def set_incident(self, incident_id: int | None) -> None:
        """Show the global accounts and those of this incident (None: global ones only)."""
        if incident_id == self._incident_id and self._loaded:
            return
        self._incident_id = incident_id
        if self.isVisible():
            self.reload()

    def incident_id(self) -> int | None:
        return self._incident_id

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # colleagues at other consoles may have added channels

    def reload(self) -> None:
        context, incident_id = self._session.context, self._incident_id
        self._session.runner.run(lambda: _load(context, incident_id), self._on_loaded)

    def _on_loaded(self, loaded: Loaded | None, error: BaseException | None) -> None:
        if self._report(error) or loaded is None:
            return
        accounts, setups = loaded
        self._loaded = True
        current = self.selected_account()
        self.model.set_accounts(accounts, setups)
        self.empty_hint.setVisible(not accounts)
        self._show_missing()
        if current is not None:
            self.select(current.id)
        self._update_toggle()

    def _show_missing(self) -> None:
        from kriseninfo_ui.messageset_texts import platform_name

        missing = self.model.missing()
        names = ", ".join(f"{a.name} ({platform_name(a.platform)})" for a in missing)
        self.missing_hint.setText(
            self.tr(
                "Zugangsdaten fehlen: {names}. Diese Kanäle können nicht senden – "
                "Kanal auswählen und „Kanal bearbeiten …“."
            ).format(names=names)
        )
        self.missing_hint.setVisible(bool(missing))

    # -- selection ----------------------------------------------------------------------------
    def selected_account(self) -> Account | None:
        return self.model.row_at(self.table.currentIndex())

    def select(self, account_id: int) -> None:
        row = self.model.row_of(account_id)
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_toggle(self) -> None:
        account = self.selected_account()
        self.toggle_button.setEnabled(account is not None and self._may_manage)
        self.edit_button.setEnabled(account is not None and self._may_manage)
        if account is not None and not account.enabled:
            self.toggle_button.setText(self.tr("Kanal akti&vieren"))
        else:
            self.toggle_button.setText(self.tr("Kanal deakti&vieren"))

    # -- actions ------------------------------------------------------------------------------
    def add_account(self) -> None:
        from kriseninfo_ui.dialogs.account_dialog import AccountDialog

        self._run_dialog(AccountDialog(self._session, self._incident_id, self))

    def edit_selected(self) -> None:
        """Set up the chosen account's Verbindung (settings, secrets, check)."""
        from kriseninfo_ui.dialogs.account_dialog import AccountDialog

        account = self.selected_account()
        if account is None:
            self.message.setText(self.tr("Bitte wählen Sie zuerst einen Kanal aus."))
            return
        if not self._may_manage:
            return
        self._run_dialog(AccountDialog(self._session, parent=self, account=account))

    def _run_dialog(self, dialog: AccountDialog) -> None:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        account, saved = dialog.account, dialog.saved
        dialog.deleteLater()  # a check still running drops its answer; the core keeps it
        if account is None or not (accepted or saved):
            return
        self.message.setText("")
        self.accounts_changed.emit()
        context, incident_id = self._session.context, self._incident_id

        def show(loaded: Loaded | None, error: BaseException | None) -> None:
            self._on_loaded(loaded, error)
            self.select(account.id)
            self.table.setFocus()

        self._session.runner.run(lambda: _load(context, incident_id), show, owner=self)

    def toggle_selected(self) -> None:
        account = self.selected_account()
        if account is None:
            self.message.setText(self.tr("Bitte wählen Sie zuerst einen Kanal aus."))
            return
        accounts, me = self._session.context.accounts, self._session.person
        self._session.runner.run(
            lambda: accounts.set_enabled(account.id, not account.enabled, me), self._on_toggled
        )

    def _on_toggled(self, account: Account | None, error: BaseException | None) -> None:
        if self._report(error) or account is None:
            return
        self.accounts_changed.emit()
        self.reload()

    def _report(self, error: BaseException | None) -> bool:
        """Show a core error below the table; True if there was one."""
        if error is None:
            self.message.setText("")
            return False
        if isinstance(error, KriseninfoError):
            self.message.setText(error_text(error))
            return True
        raise error
