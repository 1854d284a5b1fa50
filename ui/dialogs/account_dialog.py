"""Kanal hinzufügen / bearbeiten: platform, name, address, languages and an optional own
length limit of a channel account, and its Verbindung (settings, secrets, a check against
the platform). Every save runs on the worker, the check on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.counting.platforms import RULES, Platform, Unit
from kriseninfo.errors import KriseninfoError
from kriseninfo.messagesets.records import Account
from kriseninfo.playbooks.kinds import Language
from kriseninfo.publishing.channel import AccountCheck, Field
from kriseninfo_ui.channel_texts import (
    OK_COLOUR,
    PROBLEM_COLOUR,
    check_failure_text,
    check_success_text,
)
from kriseninfo_ui.dialogs.connection_form import ConnectionForm
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.session import Session

if TYPE_CHECKING:
    from kriseninfo.publishing.setup import AccountSetup

#: The highest own limit the dialog accepts (Facebook's default is 63,206).
MAX_LIMIT = 100_000


def address_placeholder(platform: Platform) -> str:
    """What an address looks like on each platform, as an example to type over."""
    examples = {
        Platform.X: "@stadt_example",
        Platform.MASTODON: "https://social.example",
        Platform.BLUESKY: "@stadt.example",
        Platform.SMS: QCoreApplication.translate("AccountDialog", "Absenderkennung, z. B. STADT"),
        Platform.TELEGRAM: "@stadt_example",
        Platform.INSTAGRAM: "@stadt.example",
        Platform.FACEBOOK: "https://www.facebook.com/stadt.example",
        Platform.LINKEDIN: "https://www.linkedin.com/company/stadt-example",
        Platform.THREADS: "@stadt.example",
        Platform.EMAIL: "presseverteiler@stadt.example",
        Platform.WEBSITE: "https://www.stadt.example/aktuelles",
        Platform.MATRIX: "#lage:matrix.example",
        Platform.MANUAL: QCoreApplication.translate(
            "AccountDialog", "z. B. Lautsprecherdurchsage, Aushang"
        ),
    }
    return examples[platform]


def unit_name(platform: Platform) -> str:
    """What the platform's limit counts: SMS count parts, all others characters."""
    if RULES[platform].unit is Unit.SEGMENTS:
        return QCoreApplication.translate("AccountDialog", "SMS-Teile")
    return QCoreApplication.translate("AccountDialog", "Zeichen")


def limit_text(platform: Platform, max_length: int | None) -> str:
    """An account's length limit, or the platform's own when none is set."""
    unit = unit_name(platform)
    if max_length is not None:
        return f"{max_length} {unit}"
    default = RULES[platform].limit
    if default is None:
        return QCoreApplication.translate("AccountDialog", "Standard (unbegrenzt)")
    return QCoreApplication.translate("AccountDialog", "Standard ({limit} {unit})").format(
        limit=default, unit=unit
    )


def _fields_of(platform: Platform) -> tuple[Field, ...]:
    from kriseninfo.publishing.traits import TRAITS  # no SDK: the table only

    return TRAITS[platform].fields


class AccountDialog(QDialog):
    """Adds a channel account or, given `account`, sets up an existing one's Verbindung.

    Name, address, languages and limit are fixed once the account exists (the core has
    no call to change them yet); the Verbindung can be changed at any time."""

    def __init__(
        self,
        session: Session,
        incident_id: int | None = None,
        parent: QWidget | None = None,
        account: Account | None = None,
    ):
        super().__init__(parent)
        self._session = session
        self._incident_id = incident_id
        #: The created or edited account (with the limit a check found).
        self.account: Account | None = account
        #: What is stored about the account's Verbindung, once loaded or saved.
        self.setup: AccountSetup | None = None
        #: Something was stored, even if the dialog is cancelled afterwards.
        self.saved = False
        self._request = 0  # the newest load of the Verbindung; older answers are dropped
        self._saving = False
        self._checking = False
        self._focus_after_check: QWidget | None = None
        self.setWindowTitle(self.tr("Kanal hinzufügen"))

        self.platform = QComboBox(self)
        self.platform.setObjectName("accountPlatform")
        for platform in Platform:
            self.platform.addItem(platform_name(platform), platform.value)
        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("z. B. Pressestelle"))
        self.address = QLineEdit(self)
        self.address.setObjectName("accountAddress")
        self.address.setMaxLength(500)

        self.language_box = QGroupBox(self.tr("&Sprachen"), self)
        self.languages: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.language_box)
        for number, language in enumerate(Language):
            box = QCheckBox(language_name(language), self.language_box)
            box.setChecked(language is Language.DE)
            self.languages[language.value] = box
            grid.addWidget(box, number // 2, number % 2)

        self.max_length = QSpinBox(self)
        self.max_length.setObjectName("accountMaxLength")
        self.max_length.setRange(0, MAX_LIMIT)
        self.max_length.setSingleStep(50)
        self.max_length.setSpecialValueText(self.tr("Standard der Plattform"))
        self.limit_hint = QLabel(self)
        self.limit_hint.setWordWrap(True)

        self.incident_only: QCheckBox | None = None
        if incident_id is not None and account is None:
            self.incident_only = QCheckBox(self.tr("nur für die aktive &Lage"), self)
            self.incident_only.setToolTip(
                self.tr("Der Kanal erscheint nur in dieser Lage, nicht in späteren.")
            )

        self.connection_box = QGroupBox(self.tr("Verbindung"), self)
        self.connection_box.setObjectName("connectionBox")
        self.connection_note = QLabel(self.connection_box)
        self.connection_note.setWordWrap(True)
        #: The rows of the platform's settings and secrets (None while loading).
        self.connection: ConnectionForm | None = None
        self.check_button = QPushButton(self.tr("Verbindung prü&fen"), self.connection_box)
        self.check_button.setObjectName("checkConnection")
        self.check_button.setAutoDefault(False)  # Enter saves; it never starts a check
        self.check_button.setToolTip(
            self.tr("Speichert die Angaben und fragt die Plattform, ob sie sie annimmt.")
        )
        self.check_button.clicked.connect(self.check_connection)
        self.check_result = QLabel(self.connection_box)
        self.check_result.setObjectName("checkResult")
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        check_row.addWidget(self.check_result, 1)
        self._connection_layout = QVBoxLayout(self.connection_box)
        self._connection_layout.addWidget(self.connection_note)
        self._connection_layout.addLayout(check_row)

        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Hinzufügen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Plattform"), self.platform)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Adresse"), self.address)
        form.addRow(self.tr("&Zeichenlimit"), self.max_length)
        form.addRow("", self.limit_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.language_box)
        if self.incident_only is not None:
            layout.addWidget(self.incident_only)
        layout.addWidget(self.connection_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

        if account is not None:
            self._show_account(account)
        self._chain_tabs()
        self.platform.currentIndexChanged.connect(self._on_platform)
        self._on_platform()
        self.platform.setFocus()

    def chosen_platform(self) -> Platform:
        # Qt hands enum members back as plain str; make them members again.
        return Platform(self.platform.currentData())

    def chosen_languages(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.languages.items() if box.isChecked())

    # -- showing ------------------------------------------------------------------------------
    def _show_account(self, account: Account) -> None:
        self.platform.setCurrentIndex(max(0, self.platform.findData(account.platform.value)))
        self.name.setText(account.name)
        self.address.setText(account.address)
        for code, box in self.languages.items():
            box.setChecked(code in account.languages)
        self.max_length.setValue(account.max_length or 0)
        self._lock_general()

    def _lock_general(self) -> None:
        """The account exists: from now on only its Verbindung changes here."""
        self.setWindowTitle(self.tr("Kanal bearbeiten"))
        for widget in (self.platform, self.name, self.address, self.max_length):
            widget.setEnabled(False)
        self.language_box.setEnabled(False)
        if self.incident_only is not None:
            self.incident_only.setEnabled(False)
        self.ok_button.setText(self.tr("Speichern"))
        self._update_check_button()

    def _chain_tabs(self) -> None:
        # Tab order follows what one fills in first: where, who, the details, the Verbindung.
        chain: list[QWidget] = [self.platform, self.name, self.address, self.max_length]
        chain += list(self.languages.values())
        if self.incident_only is not None:
            chain.append(self.incident_only)
        if self.connection is not None:
            chain += self.connection.focus_chain()
        chain += [self.check_button, self.buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_platform(self) -> None:
        platform = self.chosen_platform()
        self.address.setPlaceholderText(address_placeholder(platform))
        self.max_length.setSuffix(" " + unit_name(platform))
        self.limit_hint.setText(
            self.tr(
                "0 = {default}. Ein eigenes Limit nur, wenn der Kanal mehr oder weniger "
                "erlaubt, z. B. eine Mastodon-Instanz mit 1000 Zeichen."
            ).format(default=limit_text(platform, None))
        )
        self._load_connection()

    # -- the Verbindung section ---------------------------------------------------------------
    def _load_connection(self) -> None:
        """Rebuild the section for the platform (new account) or the stored setup."""
        self._request += 1
        request = self._request
        self._set_form(None)
        self.connection_note.setText(self.tr("Die Angaben der Plattform werden geladen …"))
        context = self._session.context
        if self.account is not None:
            account_id = self.account.id
            self._session.runner.run(
                lambda: context.channel_setup.get(account_id),
                lambda setup, error: self._setup_loaded(request, setup, error),
                owner=self,
            )
        else:
            platform = self.chosen_platform()
            self._session.background.run(
                lambda: _fields_of(platform),
                lambda fields, error: self._fields_loaded(request, fields, error),
                owner=self,
            )

    def _fields_loaded(
        self, request: int, fields: tuple[Field, ...] | None, error: BaseException | None
    ) -> None:
        if request != self._request or self._unsupported(error) or fields is None:
            return
        self._set_form(ConnectionForm(fields, parent=self.connection_box))

    def _setup_loaded(
        self, request: int, setup: AccountSetup | None, error: BaseException | None
    ) -> None:
        if request != self._request or self._unsupported(error) or setup is None:
            return
        self.setup = setup
        form = ConnectionForm(setup.fields, setup.settings, setup.secrets_present)
        self._set_form(form)
        first = form.focus_chain()[:1]
        if first and not self.platform.isEnabled():
            first[0].setFocus()  # editing: the Verbindung is all there is to change

    def _unsupported(self, error: BaseException | None) -> bool:
        """Loading the account's Verbindung failed (the database said why)."""
        if error is None:
            return False
        if isinstance(error, KriseninfoError):
            self.connection_note.setText("")
            self.error.setText(error_text(error))
            return True
        raise error

    def _set_form(self, form: ConnectionForm | None) -> None:
        if self.connection is not None:
            self.connection.hide()
            self.connection.deleteLater()
        self.connection = form
        has_fields = form is not None and bool(form.fields)
        if form is not None:
            form.setParent(self.connection_box)
            self._connection_layout.insertWidget(1, form)
            form.show()  # now, so that it can take the focus
            if has_fields:
                self.connection_note.setText(
                    self.tr(
                        "Mit * markierte Angaben braucht der Kanal, um zu senden. "
                        "Gespeicherte Tokens und Passwörter werden nie angezeigt."
                    )
                )
            else:
                self.connection_note.setText(
                    self.tr(
                        "Dieser Kanal wird von Hand veröffentlicht; er braucht keine Zugangsdaten."
                    )
                )
        self.check_button.setVisible(has_fields)
        self.check_result.setVisible(has_fields)
        self.check_result.clear()
        self._update_check_button()
        self._chain_tabs()
        self._grow()

    def _grow(self) -> None:
        """The rows arrive after the dialog is shown: make room for them (and for the
        wrapped hints, which a form layout does not measure by itself)."""
        for label in (self.limit_hint, self.connection_note, self.check_result):
            if label.text():
                label.setMinimumHeight(label.heightForWidth(max(label.width(), 420)))
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _update_check_button(self) -> None:
        disabled_account = self.account is not None and not self.account.enabled
        self.check_button.setEnabled(not (self._saving or self._checking or disabled_account))
        if disabled_account:
            self.check_button.setToolTip(self.tr("Nur aktive Kanäle lassen sich prüfen."))

    def _show_result(self, text: str, ok: bool | None) -> None:
        """The check's answer: green when connected, red with the reason when not."""
        colour = None if ok is None else OK_COLOUR if ok else PROBLEM_COLOUR
        self.check_result.setStyleSheet(f"color: {colour};" if colour else "")
        self.check_result.setText(text)
        self._grow()

    # -- storing ------------------------------------------------------------------------------
    def submit(self) -> None:
        """OK / Enter: store the account and its Verbindung, then close."""
        self._save(self.accept)

    def check_connection(self) -> None:
        """Store what is typed, then ask the platform (network: on the background runner)."""
        self._save(self._start_check)

    def _save(self, then: Callable[[], None]) -> None:
        if self._saving:
            return
        if self.account is not None:
            self._configure(then)
            return
        create = self._create_job()
        if create is None:
            return
        self._set_saving(True)
        self._session.runner.run(
            create, lambda account, error: self._created(account, error, then), owner=self
        )

    def _create_job(self) -> Callable[[], Account] | None:
        """The checked input as a core call, or None after saying what is missing."""
        name = " ".join(self.name.text().split())
        if not name:
            self.error.setText(self.tr("Bitte geben Sie einen Namen für den Kanal ein."))
            self.name.setFocus()
            return None
        languages = self.chosen_languages()
        if not languages:
            self.error.setText(self.tr("Bitte wählen Sie mindestens eine Sprache aus."))
            self.languages[Language.DE.value].setFocus()
            return None
        self.error.setText("")
        platform, address = self.chosen_platform(), self.address.text()
        max_length = self.max_length.value() or None
        only_here = self.incident_only is not None and self.incident_only.isChecked()
        incident_id = self._incident_id if only_here else None
        accounts, me = self._session.context.accounts, self._session.person
        return lambda: accounts.create(
            platform,
            name,
            me,
            address=address,
            languages=languages,
            max_length=max_length,
            incident_id=incident_id,
        )

    def _created(
        self, account: Account | None, error: BaseException | None, then: Callable[[], None]
    ) -> None:
        if isinstance(error, KriseninfoError):
            self._set_saving(False)
            self.error.setText(error_text(error))
            return
        if error is not None:
            raise error
        self.account = account
        self.saved = True
        self._lock_general()  # a second OK must not add the account twice
        self._configure(then)

    def _configure(self, then: Callable[[], None]) -> None:
        form = self.connection
        if self.account is None or form is None or not form.fields:
            self._set_saving(False)
            then()
            return
        account_id, me, context = self.account.id, self._session.person, self._session.context
        settings, secrets = form.settings(), form.secrets()
        self._set_saving(True)
        self._session.runner.run(
            lambda: context.channel_setup.configure(account_id, me, settings, secrets),
            lambda setup, error: self._configured(setup, error, then),
            owner=self,
        )

    def _configured(
        self, setup: AccountSetup | None, error: BaseException | None, then: Callable[[], None]
    ) -> None:
        self._set_saving(False)
        if isinstance(error, KriseninfoError):
            self.error.setText(error_text(error))
            return
        if error is not None:
            raise error
        assert setup is not None
        self.setup = setup
        self.saved = True
        self.error.setText("")
        if self.connection is not None:
            self.connection.show_stored(setup.secrets_present)
        then()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.ok_button.setEnabled(not saving)
        self._update_check_button()

    # -- checking -----------------------------------------------------------------------------
    def _start_check(self) -> None:
        assert self.account is not None
        if not self.account.enabled:
            self._show_result(self.tr("Nur aktive Kanäle lassen sich prüfen."), ok=False)
            return
        had_focus = self.check_button.hasFocus()
        self._checking = True
        self._update_check_button()
        # Disabling moved the focus on; it comes back when the answer is in.
        self._focus_after_check = self.focusWidget() if had_focus else None
        self._show_result(self.tr("Verbindung wird geprüft …"), None)
        account_id, me, context = self.account.id, self._session.person, self._session.context
        self._session.background.run(
            lambda: context.channel_setup.check(account_id, me), self._checked
        )

    def _checked(self, found: AccountCheck | None, error: BaseException | None) -> None:
        self._checking = False
        self._update_check_button()
        moved_to, self._focus_after_check = self._focus_after_check, None
        if moved_to is not None and self.focusWidget() is moved_to:
            self.check_button.setFocus()
        if isinstance(error, KriseninfoError):
            names = self.connection.secret_names() if self.connection is not None else ()
            self._show_result(check_failure_text(error, names), ok=False)
            return
        if error is not None:
            raise error
        assert found is not None
        self._show_result(check_success_text(found), ok=True)
        if found.max_characters and self.account is not None:
            # The core stored the platform's limit as the account's own.
            self.account = replace(self.account, max_length=found.max_characters)
            self.max_length.setValue(found.max_characters)
            self.saved = True
