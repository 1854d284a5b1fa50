"""The main window: the areas, keyboard navigation, and the REAL/ÜBUNG banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.storage.models import IncidentKind, IncidentMode
from kriseninfo.users.service import Person
from kriseninfo_ui.mainwindow import Area, MainWindow


def test_navigation_shows_all_areas_and_enables_only_working_ones(window: MainWindow) -> None:
    items = [window.nav.item(row) for row in range(window.nav.count())]
    assert [item.text() for item in items] == [
        "Lage",
        "Meldungen",
        "Warteschlange",
        "Dialog",
        "Playbooks",
        "Übungen",
        "Einsatztagebuch",
        "Einstellungen",
    ]
    enabled = [item.text() for item in items if item.flags() & Qt.ItemFlag.ItemIsEnabled]
    assert enabled == [item.text() for item in items]  # every area works now
    assert window.stack.count() == 8


def test_areas_switch_by_click_and_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    window.nav.setCurrentRow(6)
    assert window.stack.currentWidget() is window.journal_view
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == Area.LAGE
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == Area.WARTESCHLANGE
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == Area.DIALOG
    assert window.stack.currentWidget() is window.dialog_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.drills_view
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == Area.MELDUNGEN


def test_drill_banner_on_every_screen_of_a_drill(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    assert window.drill_banner.isHidden() and window.real_banner.isHidden()
    drill = core.incidents.create(
        "Übung Bombenfund", IncidentKind.BOMBENENTSCHAERFUNG, IncidentMode.DRILL, seeded.actor
    )
    window.lage_view.reload()
    qtbot.waitUntil(lambda: window.lage_view.form.incident is not None)
    assert window.lage_view.form.incident.id == drill.id
    for area in (Area.LAGE, Area.JOURNAL, Area.SETTINGS):
        window.show_area(area)
        assert window.drill_banner.isVisible()
        assert not window.real_banner.isVisible()
    assert "ÜBUNG" in window.drill_banner.text()
    assert window.windowTitle().startswith("ÜBUNG – Übung Bombenfund")


def test_real_incident_is_marked_real(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    core.incidents.create("Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, seeded.actor)
    window.lage_view.reload()
    qtbot.waitUntil(lambda: window.real_banner.isVisible())
    assert not window.drill_banner.isVisible()
    assert window.windowTitle() == "Großbrand – Kriseninfo"


def test_status_bar_names_the_person(window: MainWindow) -> None:
    assert window.user_label.text() == "Angemeldet: Anna Adler (Leitung)"
