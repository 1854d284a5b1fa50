"""Einstellungen: language switch, people and roles, own PIN."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.settings import LANGUAGE, LAST_USER
from kriseninfo.storage.models import Role
from kriseninfo.users.service import Person
from kriseninfo_ui.app import Console
from kriseninfo_ui.dialogs.login_dialog import AddPersonDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.conftest import LEITUNG_PIN
from tests.ui.conftest import type_text


def test_language_switch_rebuilds_the_window_in_english(
    console: Console, window: MainWindow, core: AppContext, qtbot: QtBot
) -> None:
    window.show_area(Area.SETTINGS)
    combo = window.settings_view.language
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: console.window is not window)
    new = console.window
    assert new is not None
    assert new.nav.item(0).text() == "Incident"
    assert new.nav.item(6).text() == "Incident journal"
    assert new.current_area() == Area.SETTINGS
    assert core.settings.get(LANGUAGE) == "en"


def test_leitung_adds_a_person(window: MainWindow, core: AppContext, qtbot: QtBot) -> None:
    view = window.settings_view
    window.show_area(Area.SETTINGS)
    qtbot.waitUntil(lambda: view.people.count() == 1)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddPersonDialog)
        type_text(dialog.name, "Cem Çelik")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.FREIGABE))
        type_text(dialog.pin, "86420")
        type_text(dialog.pin_again, "86420")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill)
    view.add_person.click()
    qtbot.waitUntil(lambda: view.people.count() == 2)
    assert [p.name for p in core.users.list()] == ["Anna Adler", "Cem Çelik"]
    assert core.users.list()[1].role is Role.FREIGABE
    assert "Cem Çelik – Freigabe" in [view.people.item(i).text() for i in range(2)]
    assert core.settings.get(LAST_USER) != "Cem Çelik"  # adding is not signing in


def test_editor_cannot_manage_people(
    console: Console, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    editor = core.users.create("Ben Berg", Role.REDAKTION, "1357", seeded)
    window = console.show_main_window(editor)
    view = window.settings_view
    assert not view.add_person.isEnabled() and not view.toggle_person.isEnabled()
    assert "Leitung" in view.add_person.toolTip()


def test_change_own_pin(window: MainWindow, core: AppContext, qtbot: QtBot) -> None:
    view = window.settings_view
    type_text(view.old_pin, LEITUNG_PIN)
    type_text(view.new_pin, "97531")
    type_text(view.new_pin_again, "97531")
    view.change_pin.click()
    qtbot.waitUntil(lambda: view.pin_message.text() == "Ihre PIN wurde geändert.")
    assert core.users.authenticate("Anna Adler", "97531").name == "Anna Adler"
    type_text(view.old_pin, "0000")
    type_text(view.new_pin, "1111")
    type_text(view.new_pin_again, "1111")
    view.change_pin.click()
    qtbot.waitUntil(lambda: view.pin_message.text() == "Die PIN ist falsch.")


def test_leitung_allows_eilfreigabe_for_the_whole_desk(
    window: MainWindow, core: AppContext, qtbot: QtBot
) -> None:
    from kriseninfo.messagesets.kinds import DeskSetting

    rules = window.settings_view.release_rules
    qtbot.waitUntil(rules.eilfreigabe.isEnabled)
    assert rules.preapproved.isChecked() and not rules.eilfreigabe.isChecked()
    rules.eilfreigabe.click()
    qtbot.waitUntil(lambda: core.desk.get(DeskSetting.EILFREIGABE_ALLOWED))
    changed = [line for line in core.journal.lines() if line.field == "eilfreigabe_allowed"]
    assert [(line.old_value, line.new_value) for line in changed] == [("false", "true")]
