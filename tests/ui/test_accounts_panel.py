"""Kanäle in the Einstellungen: adding a channel account through the dialog, switching it
off, incident-only accounts, and the dialog's own checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.storage.models import IncidentKind, IncidentMode
from kriseninfo.users.service import Person
from kriseninfo_ui.dialogs.account_dialog import AccountDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from kriseninfo_ui.views.accounts_panel import AccountsPanel, AccountTableModel
from tests.ui.conftest import type_text, when_modal


def _panel(window: MainWindow, qtbot: QtBot) -> AccountsPanel:
    window.show_area(Area.SETTINGS)
    panel = window.settings_view.accounts_panel
    qtbot.waitUntil(lambda: panel.empty_hint.isVisibleTo(panel) or panel.model.rowCount() > 0)
    return panel


def _cell(panel: AccountsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def test_add_a_mastodon_account_with_typed_input(
    window: MainWindow, core: AppContext, qtbot: QtBot
) -> None:
    panel = _panel(window, qtbot)
    assert panel.model.rowCount() == 0
    seen: dict[str, object] = {}

    def fill(dialog: AccountDialog) -> None:
        dialog.platform.setCurrentIndex(dialog.platform.findText("Mastodon"))
        seen["placeholder"] = dialog.address.placeholderText()
        seen["incident_only"] = dialog.incident_only
        type_text(dialog.name, "Feuerwehr Müllheim")
        type_text(dialog.address, "https://social.example")
        dialog.languages["de-x-ls"].click()
        dialog.max_length.lineEdit().selectAll()
        type_text(dialog.max_length, "1000")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter adds, like the OK button

    when_modal(AccountDialog, fill)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    assert seen == {"placeholder": "https://social.example", "incident_only": None}
    [stored] = core.accounts.list()
    assert (stored.platform, stored.name, stored.address) == (
        Platform.MASTODON,
        "Feuerwehr Müllheim",
        "https://social.example",
    )
    assert stored.languages == ("de", "de-x-ls")
    assert stored.max_length == 1000 and stored.enabled and stored.incident_id is None
    row = [_cell(panel, 0, column) for column in range(panel.model.columnCount())]
    assert row == [
        "Mastodon",
        "Feuerwehr Müllheim",
        "https://social.example",
        "Deutsch, Leichte Sprache",
        "1000 Zeichen",
        "ja",
    ]
    assert not panel.empty_hint.isVisibleTo(panel)
    assert panel.selected_account() == stored  # the new one is selected, ready to act on


def test_disable_and_enable_again(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    core.accounts.create(Platform.SMS, "Warn-SMS", seeded)
    panel = _panel(window, qtbot)
    assert _cell(panel, 0, AccountTableModel.LIMIT) == "Standard (10 SMS-Teile)"
    assert not panel.toggle_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    assert panel.toggle_button.isEnabled()
    assert panel.toggle_button.text() == "Kanal deakti&vieren"

    panel.toggle_button.click()
    qtbot.waitUntil(lambda: _cell(panel, 0, AccountTableModel.ENABLED) == "nein")
    assert not core.accounts.list()[0].enabled
    assert core.accounts.list(enabled_only=True) == []
    assert panel.toggle_button.text() == "Kanal akti&vieren"

    panel.toggle_button.click()
    qtbot.waitUntil(lambda: _cell(panel, 0, AccountTableModel.ENABLED) == "ja")
    assert core.accounts.list()[0].enabled


def test_account_only_for_the_active_incident(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    incident = core.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, seeded.actor
    )
    core.accounts.create(Platform.WEBSITE, "Stadtportal", seeded)
    panel = _panel(window, qtbot)
    panel.set_incident(incident.id)

    def fill(dialog: AccountDialog) -> None:
        dialog.platform.setCurrentIndex(dialog.platform.findText("Bluesky"))
        assert dialog.address.placeholderText() == "@stadt.example"
        type_text(dialog.name, "Lage-Kanal")
        assert dialog.incident_only is not None
        dialog.incident_only.click()
        dialog.buttons.accepted.emit()

    when_modal(AccountDialog, fill)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)

    assert [a.name for a in core.accounts.list()] == ["Stadtportal"]
    assert [a.name for a in core.accounts.list(incident.id)] == ["Stadtportal", "Lage-Kanal"]
    assert _cell(panel, 1, AccountTableModel.NAME) == "Lage-Kanal (nur diese Lage)"
    panel.set_incident(None)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_dialog_says_what_is_missing(window: MainWindow, core: AppContext, qtbot: QtBot) -> None:
    panel = _panel(window, qtbot)
    errors: list[str] = []

    def fill(dialog: AccountDialog) -> None:
        type_text(dialog.name, "   ")
        dialog.buttons.accepted.emit()
        errors.append(dialog.error.text())
        errors.append("name focused" if dialog.focusWidget() is dialog.name else "elsewhere")
        type_text(dialog.name, "Pressestelle")
        dialog.languages["de"].click()  # no language left
        dialog.buttons.accepted.emit()
        errors.append(dialog.error.text())
        dialog.reject()

    when_modal(AccountDialog, fill)
    panel.add_button.click()
    assert errors == [
        "Bitte geben Sie einen Namen für den Kanal ein.",
        "name focused",
        "Bitte wählen Sie mindestens eine Sprache aus.",
    ]
    assert core.accounts.list() == []


def test_keyboard_reaches_every_field_in_order(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    dialog = AccountDialog(window.session, incident_id=None, parent=window)
    qtbot.addWidget(dialog)
    fields = {dialog.platform, dialog.name, dialog.address, dialog.max_length}
    fields |= set(dialog.languages.values())
    order = []
    widget = dialog.platform
    for _ in range(100):
        if widget in fields and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order[:4] == [dialog.platform, dialog.name, dialog.address, dialog.max_length]
    assert order[4:] == list(dialog.languages.values())
    mnemonics = {label.text() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert {"&Plattform", "&Name", "&Adresse", "&Zeichenlimit"} <= mnemonics
    assert dialog.language_box.title() == "&Sprachen"
