"""The whole path by keyboard, through the real window: launch, sign in, new incident from
the Bombenentschärfung playbook, the playbook's example facts, generate, release by a
second person at the same machine. The issue's target is at most 12 user actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from kriseninfo.context import Options, open_context
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import IncidentMode, Role
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind
from kriseninfo_ui.dialogs.login_dialog import LoginDialog
from kriseninfo_ui.dialogs.new_incident_dialog import NewIncidentDialog
from kriseninfo_ui.dialogs.release_dialog import ReleaseDialog
from kriseninfo_ui.mainwindow import Area
from tests.conftest import LEITUNG_PIN
from tests.ui.conftest import ConsoleFactory, type_text, when_modal

FREIGABE_PIN = "1357"
TARGET = 12

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Actions:
    """Drives the window like a person and counts what that person does."""

    def __init__(self) -> None:
        self.log: list[str] = []

    @property
    def count(self) -> int:
        return len(self.log)

    def key(
        self,
        widget: QWidget,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        what: str = "",
    ) -> None:
        QTest.keyClick(widget, key, modifiers)
        self.log.append(what or f"key {key.name}")

    def type(self, widget: QWidget, text: str, what: str) -> None:
        type_text(widget, text)
        self.log.append(what)

    def click(self, button: QAbstractButton, what: str) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.log.append(what)

    def choose(self, combo: QComboBox, text: str, what: str) -> None:
        index = combo.findText(text)
        assert index >= 0, f"{text!r} not offered"
        combo.setCurrentIndex(index)  # one pick from the list, by keyboard or mouse
        self.log.append(what)


def activate(window: QWidget, qtbot: QtBot) -> None:
    """What the window manager does when a dialog closes: the main window is active again
    (the offscreen platform does not), so its shortcuts reach it. Not a user action."""
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_launch_to_ready_to_send_within_twelve_actions(
    make_console: ConsoleFactory, ui_options: Options, qtbot: QtBot
) -> None:
    desk = open_context(ui_options)  # set up once, before the crisis
    anna = desk.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
    desk.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, anna)
    desk.accounts.create(Platform.MASTODON, "Stadt Moers", anna, languages=("de", "en"))
    desk.accounts.create(Platform.WEBSITE, "moers.de", anna, languages=("de", "de-x-ls"))
    desk.close()
    actions = Actions()
    console = make_console()

    def sign_in(dialog: LoginDialog) -> None:
        actions.type(dialog.pin, LEITUNG_PIN, "PIN at sign-in")
        actions.key(dialog.pin, Qt.Key.Key_Return, what="Enter")

    when_modal(LoginDialog, sign_in)
    assert console.start()
    window = console.window
    assert window is not None
    qtbot.waitUntil(lambda: window.lage_view.isVisible())
    activate(window, qtbot)

    def new_incident(dialog: NewIncidentDialog) -> None:
        qtbot.waitUntil(dialog.playbook.isEnabled, timeout=15_000)  # checked in the background
        actions.choose(dialog.playbook, "Bombenentschärfung mit Evakuierung", "playbook")
        actions.click(dialog.drill, "Übung")
        actions.key(dialog.drill, Qt.Key.Key_Return, what="Enter")

    when_modal(NewIncidentDialog, new_incident)
    actions.key(window, Qt.Key.Key_N, CTRL, "Ctrl+N")
    view = window.meldungen_view
    qtbot.waitUntil(
        lambda: window.current_area() == Area.MELDUNGEN and view.facts.examples_button.isVisible(),
        timeout=15_000,
    )
    activate(window, qtbot)
    actions.key(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier, "Alt+B examples")
    # A mnemonic "clicks" the button after a short animation; the officer sees it happen.
    qtbot.waitUntil(lambda: view.facts.fields["ortsteil"].text() == "Moers-Mitte")
    actions.key(window, Qt.Key.Key_G, CTRL, "Ctrl+G generate")
    qtbot.waitUntil(lambda: view.current_set() is not None, timeout=15_000)

    def release(dialog: ReleaseDialog) -> None:
        assert dialog.person.currentText() == "Bernd Berg (Freigabe)"
        actions.type(dialog.pin, FREIGABE_PIN, "second person's PIN")
        actions.key(dialog.pin, Qt.Key.Key_Return, what="Enter")

    when_modal(ReleaseDialog, release)
    actions.key(window, Qt.Key.Key_F, CTRL | SHIFT, "Ctrl+Shift+F submit")

    def released() -> bool:
        current = view.current_set()
        return current is not None and current.status is DraftStatus.FREIGEGEBEN

    qtbot.waitUntil(released, timeout=15_000)
    view_set = view.current_set()
    assert view_set is not None
    assert len(view_set.drafts) == 4  # Mastodon de+en, website de + Leichte Sprache
    assert {d.release_kind for d in view_set.drafts} == {ReleaseKind.VIER_AUGEN}
    assert {d.released_by_name for d in view_set.drafts} == {"Bernd Berg"}
    assert "Moers-Mitte" in view_set.drafts[0].text  # the example facts are in the text
    assert window.drill_banner.isVisible()
    core = console.context
    assert core is not None
    incident = core.incidents.list()[0]
    assert incident.mode is IncidentMode.DRILL
    journal = [line.action for line in core.journal.lines(incident.id)]
    assert journal.count(Action.MESSAGE_RELEASED) == 4
    print(f"\nwalkthrough: {actions.count} user actions: {', '.join(actions.log)}")
    assert actions.count <= TARGET, actions.log
