"""The Lage area: creating incidents, typing the Lagebild (saved as typed), closing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.incidents.lagebild import IncidentSnapshot, LagebildField
from kriseninfo.journal import journal
from kriseninfo.storage.models import IncidentKind, IncidentMode
from kriseninfo.users.service import Person
from kriseninfo_ui.dialogs.new_incident_dialog import NewIncidentDialog
from kriseninfo_ui.mainwindow import MainWindow
from tests.ui.conftest import type_text, when_modal


def _incident(
    window: MainWindow,
    core: AppContext,
    person: Person,
    qtbot: QtBot,
    mode: IncidentMode = IncidentMode.REAL,
) -> IncidentSnapshot:
    created = core.incidents.create("Großbrand Hafen", IncidentKind.GROSSBRAND, mode, person.actor)
    window.lage_view.reload()
    qtbot.waitUntil(
        lambda: (
            window.lage_view.form.incident is not None
            and window.lage_view.form.incident.id == created.id
        )
    )
    return created


def test_empty_console_invites_to_create_the_first_incident(window: MainWindow) -> None:
    view = window.lage_view
    assert view.empty_hint.isVisible()
    assert "Neue Lage" in view.empty_hint.text()
    assert not view.form.isVisible()


def test_create_a_drill_through_the_dialog(
    window: MainWindow, core: AppContext, qtbot: QtBot
) -> None:
    def fill(dialog: NewIncidentDialog) -> None:
        type_text(dialog.title, "Übung Unwetter")
        dialog.kind.setCurrentIndex(2)
        dialog.drill.click()
        dialog.buttons.accepted.emit()

    when_modal(NewIncidentDialog, fill)
    window.lage_view.new_button.click()
    qtbot.waitUntil(lambda: window.lage_view.form.incident is not None)
    created = core.incidents.list()[0]
    assert (created.title, created.kind, created.mode) == (
        "Übung Unwetter",
        IncidentKind.UNWETTER,
        IncidentMode.DRILL,
    )
    assert window.drill_banner.isVisible()


def test_dialog_never_guesses_real_or_drill(qtbot: QtBot) -> None:
    dialog = NewIncidentDialog()
    qtbot.addWidget(dialog)
    type_text(dialog.title, "Großbrand")
    dialog.buttons.accepted.emit()
    assert not dialog.result()
    assert "Echtlage oder Übung" in dialog.error.text()
    dialog.title.clear()
    dialog.real.click()
    dialog.buttons.accepted.emit()
    assert "Titel" in dialog.error.text()


def test_typing_is_saved_without_pressing_anything(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    incident = _incident(window, core, seeded, qtbot)
    field = window.lage_view.form.widget(LagebildField.PUBLIC_ACTION)
    assert isinstance(field, QPlainTextEdit)
    field.setFocus()
    type_text(field, "Fenster und Türen geschlossen halten.")
    qtbot.waitUntil(
        lambda: (
            core.incidents.get(incident.id).public_action == "Fenster und Türen geschlossen halten."
        ),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: "Gespeichert um" in window.lage_view.form._status.text())
    with core.database.session() as session:
        changes = [
            line
            for line in journal.lines(session, incident_id=incident.id)
            if line.field == "public_action"
        ]
    assert changes and changes[-1].user_name == "Anna Adler"
    assert changes[-1].new_value == "Fenster und Türen geschlossen halten."


def test_warnings_follow_the_typing(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    _incident(window, core, seeded, qtbot)
    form = window.lage_view.form
    hotline = form.widget(LagebildField.HOTLINE)
    assert isinstance(hotline, QLineEdit)
    type_text(hotline, "ruf an")
    qtbot.waitUntil(lambda: form._warnings[LagebildField.HOTLINE].isVisible())
    assert "Telefonnummer" in form._warnings[LagebildField.HOTLINE].text()
    hotline.selectAll()
    type_text(hotline, "02841 201-0")
    qtbot.waitUntil(lambda: not form._warnings[LagebildField.HOTLINE].isVisible())


def test_closed_incident_is_read_only_until_reopened(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    incident = _incident(window, core, seeded, qtbot)
    view = window.lage_view
    assert view.status_button.text() == "Lage &abschließen"

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmClose"
        assert "Großbrand Hafen" in box.text()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("Abbrechen"))
    view.status_button.click()
    assert core.incidents.get(incident.id).is_open  # cancelled: nothing happened
    QTimer.singleShot(0, lambda: answer("Abschließen"))
    view.status_button.click()
    qtbot.waitUntil(lambda: not core.incidents.get(incident.id).is_open)
    qtbot.waitUntil(lambda: view.form.incident is not None and not view.form.incident.is_open)
    location = view.form.widget(LagebildField.LOCATION)
    assert isinstance(location, QLineEdit) and location.isReadOnly()
    assert not window.real_banner.isVisible()
    view.status_button.click()
    qtbot.waitUntil(lambda: core.incidents.get(incident.id).is_open)
    qtbot.waitUntil(lambda: not location.isReadOnly())


def test_changes_from_another_console_appear_but_never_overwrite_typing(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    incident = _incident(window, core, seeded, qtbot)
    form = window.lage_view.form
    location = form.widget(LagebildField.LOCATION)
    hotline = form.widget(LagebildField.HOTLINE)
    assert isinstance(location, QLineEdit) and isinstance(hotline, QLineEdit)
    location.setFocus()
    type_text(location, "Hafen")
    # A colleague at another console edits both fields meanwhile.
    core.incidents.set_field(incident.id, LagebildField.HOTLINE, "02841 201-0", seeded.actor)
    core.incidents.set_field(incident.id, LagebildField.LOCATION, "Bahnhof", seeded.actor)
    window.lage_view.reload()
    qtbot.waitUntil(lambda: hotline.text() == "02841 201-0")
    assert location.text() == "Hafen"


def test_switching_incidents_saves_what_was_typed(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    first = _incident(window, core, seeded, qtbot)
    second = core.incidents.create(
        "Unwetter", IncidentKind.UNWETTER, IncidentMode.REAL, seeded.actor
    )
    window.lage_view.reload()
    qtbot.waitUntil(lambda: window.lage_view.model.rowCount() == 2)
    where = window.lage_view.form.widget(LagebildField.LOCATION)
    assert isinstance(where, QLineEdit)
    type_text(where, "Hafenstraße")
    row = window.lage_view.model.row_of(second.id)
    assert row is not None
    window.lage_view.list.setCurrentIndex(window.lage_view.model.index(row))
    assert window.lage_view.form.incident is not None
    assert window.lage_view.form.incident.id == second.id
    qtbot.waitUntil(lambda: core.incidents.get(first.id).location == "Hafenstraße")
    assert core.incidents.get(second.id).location == ""
