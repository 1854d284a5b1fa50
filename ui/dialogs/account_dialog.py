"""Kanal hinzufügen: platform, name, address, languages and an optional own length limit
of a new channel account; the account is created on the worker."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.counting.platforms import RULES, Platform, Unit
from kriseninfo.errors import KriseninfoError
from kriseninfo.messagesets.records import Account
from kriseninfo.playbooks.kinds import Language
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.session import Session

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


class AccountDialog(QDialog):
    def __init__(
        self, session: Session, incident_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._session = session
        self._incident_id = incident_id
        #: The created account, once the dialog was accepted.
        self.account: Account | None = None
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
        if incident_id is not None:
            self.incident_only = QCheckBox(self.tr("nur für die aktive &Lage"), self)
            self.incident_only.setToolTip(
                self.tr("Der Kanal erscheint nur in dieser Lage, nicht in späteren.")
            )

        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hinzufügen"))
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
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        # Tab order follows what one fills in first: where, who, then the details.
        chain: list[QWidget] = [self.platform, self.name, self.address, self.max_length]
        chain += list(self.languages.values())
        if self.incident_only is not None:
            chain.append(self.incident_only)
        chain.append(self.buttons)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.platform.currentIndexChanged.connect(self._on_platform)
        self._on_platform()
        self.platform.setFocus()

    def chosen_platform(self) -> Platform:
        # Qt hands enum members back as plain str; make them members again.
        return Platform(self.platform.currentData())

    def chosen_languages(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.languages.items() if box.isChecked())

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

    def submit(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.error.setText(self.tr("Bitte geben Sie einen Namen für den Kanal ein."))
            self.name.setFocus()
            return
        languages = self.chosen_languages()
        if not languages:
            self.error.setText(self.tr("Bitte wählen Sie mindestens eine Sprache aus."))
            self.languages[Language.DE.value].setFocus()
            return
        self.error.setText("")
        platform, address = self.chosen_platform(), self.address.text()
        max_length = self.max_length.value() or None
        only_here = self.incident_only is not None and self.incident_only.isChecked()
        incident_id = self._incident_id if only_here else None
        accounts, me = self._session.context.accounts, self._session.person
        self.buttons.setEnabled(False)
        self._session.runner.run(
            lambda: accounts.create(
                platform,
                name,
                me,
                address=address,
                languages=languages,
                max_length=max_length,
                incident_id=incident_id,
            ),
            self._done,
        )

    def _done(self, account: Account | None, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, KriseninfoError):
            self.error.setText(error_text(error))
            return
        if error is not None:
            raise error
        self.account = account
        self.accept()
